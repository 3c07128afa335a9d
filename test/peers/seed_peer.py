#!/usr/bin/env python3
"""A peer that speaks exactly as the original VideoStream script does on the wire, for the
interop tests (test/session/seed-interop.test.ts). Written for facetty from the script's wire
behaviour (docs/protocol.md, "Original format"); it keeps every quirk a peer can observe:

- roles: the accepter listens and sends b"done" first; the initiator connects, expects b"done",
  answers b"done". Anything else than b"done" from the peer: prints "Connection Failed", exits.
- the shape: "<rows> <cols>" in ASCII, no terminator, the accepter's first; the other side's is
  read with a single recv(10) and split(" "), keeping the first two fields, so a shape that
  arrives glued to the first frame's bytes breaks it, as it breaks the script.
- frames: str(segments) + "/" + raw BGR in ONE socket.send() (not sendall), where segments is
  len/65470 rounded up the script's way (a float, "14.0", when it divides evenly).
- receiving trusts recv() to fill its buffer: one recv(65470) split on b"/" gives the count and
  the first bytes, then (count - 2) more recv(65470) and a last recv(rest): a short read leaves
  the frame short and the reshape fails, as in the script. ConnectionResetError: prints
  "Connection Lose". After each frame it waits 10 ms, the script's cv2.waitKey(10).
- the script's initiator branch is spelled "initiater"; this CLI says "initiator", as the
  wrapper in ../shared/peers does, and passes "initiater" on.

It shows nothing (no window, so no X server is needed): it counts the frames the script would
have shown and, with --dump, writes every N-th one as DIR/frame_<k>.png.

usage:
  seed_peer.py accepter  --port P --camera SOURCE [--seconds S] [--dump DIR] [--every N]
  seed_peer.py initiator --peer HOST:PORT --camera SOURCE [--seconds S] [--dump DIR] [--every N]
On exit it prints one line: seed_peer shown=<frames> seconds=<s> peer_shape=<rows>x<cols>
"""
import argparse
import os
import socket
import sys
import threading
import time

import cv2
import numpy

MAX_RECV = 65470  # the script's RECVED_MAX_BYTES


class SeedWire:
    def __init__(self, role, camera, port=None, peer=None):
        self.shown = 0
        self.on_frame = None
        self.capture = cv2.VideoCapture(camera)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(('', port if role == 'accepter' else 0))
        if role == 'accepter':
            listener.listen()
            self.sock, _ = listener.accept()
            self.sock.send(b'done')
            self.expect_done()
            self.send_shape()
            self.read_shape()
        elif role == 'initiater':
            self.sock = listener
            self.sock.connect(peer)
            self.expect_done()
            self.sock.send(b'done')
            self.read_shape()
            self.send_shape()
        else:
            raise SystemExit('unknown role ' + role)

    def expect_done(self):
        if self.sock.recv(4).decode() != 'done':
            print('Connection Failed', flush=True)
            os._exit(0)

    def send_shape(self):
        ok, picture = self.capture.read()
        rows, cols = picture.shape[0], picture.shape[1]
        self.sock.send(('%d %d' % (rows, cols)).encode())

    def read_shape(self):
        fields = self.sock.recv(10).decode().split(' ')
        self.peer_rows = int(fields[0])
        self.peer_cols = int(fields[1])

    def sender(self):
        while True:
            ok, picture = self.capture.read()
            if not ok or len(picture) == 0:
                print("Camera can't read", flush=True)
                self.capture.release()
                return
            data = picture.tobytes()
            segments = len(data) / MAX_RECV
            if segments != int(segments):
                segments = int(segments) + 1
            try:
                self.sock.send(str(segments).encode() + b'/' + data)
            except ConnectionResetError:
                print('Connection Lose', flush=True)
                return

    def receiver(self):
        size = self.peer_rows * self.peer_cols * 3
        while True:
            try:
                parts = self.sock.recv(MAX_RECV).split(b'/')
                left = int(parts[0].decode())
                frame = b'/'.join(parts[1:])
                left -= 1
                while left >= 1:
                    frame += self.sock.recv(size - len(frame) if left == 1 else MAX_RECV)
                    left -= 1
            except ConnectionResetError:
                print('Connection Lose', flush=True)
                return
            picture = numpy.frombuffer(frame, dtype='uint8').reshape(self.peer_rows, self.peer_cols, 3)
            self.shown += 1
            if self.on_frame:
                self.on_frame(self.shown, picture)
            time.sleep(0.01)

    def start(self):
        threading.Thread(target=self.sender, daemon=True).start()
        threading.Thread(target=self.receiver, daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('role', choices=['accepter', 'initiator'])
    parser.add_argument('--port', type=int)
    parser.add_argument('--peer')
    parser.add_argument('--camera', required=True)
    parser.add_argument('--seconds', type=float, default=10)
    parser.add_argument('--dump')
    parser.add_argument('--every', type=int, default=10)
    args = parser.parse_args()
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
    if args.role == 'accepter':
        wire = SeedWire('accepter', args.camera, port=args.port)
    else:
        host, port = args.peer.rsplit(':', 1)
        wire = SeedWire('initiater', args.camera, peer=(host, int(port)))

    def dump(count, picture):
        if args.dump and count % args.every == 0:
            cv2.imwrite(os.path.join(args.dump, 'frame_%05d.png' % count), picture)

    wire.on_frame = dump
    started = time.time()
    wire.start()
    time.sleep(args.seconds)
    print('seed_peer shown=%d seconds=%.1f peer_shape=%dx%d'
          % (wire.shown, time.time() - started, wire.peer_rows, wire.peer_cols), flush=True)
    sys.stdout.flush()
    os._exit(0)


if __name__ == '__main__':
    main()
