#!/usr/bin/env python3
"""A webcam for the seed script: writes a video's frames into a FIFO as YUV4MPEG2 at a camera's
pace (30 fps unless told), looping, until the reader goes away. The script opens the FIFO with
cv2.VideoCapture like any camera URL and its cap.read() then waits for each frame, as it does on
a real webcam (given the video file itself, it would read as fast as it decodes).

usage: paced_camera.py VIDEO FIFO [FPS]
"""
import sys
import time

import cv2


def main():
    video, fifo = sys.argv[1], sys.argv[2]
    fps = float(sys.argv[3]) if len(sys.argv) > 3 else 30.0
    capture = cv2.VideoCapture(video)
    frames = []
    while True:
        ok, picture = capture.read()
        if not ok:
            break
        frames.append(cv2.cvtColor(picture, cv2.COLOR_BGR2YUV_I420).tobytes())
    rows, cols = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)), int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
    with open(fifo, 'wb', buffering=0) as out:
        out.write(('YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420jpeg\n' % (cols, rows, round(fps))).encode())
        started = time.time()
        count = 0
        try:
            while True:
                out.write(b'FRAME\n' + frames[count % len(frames)])
                count += 1
                delay = started + count / fps - time.time()
                if delay > 0:
                    time.sleep(delay)
        except BrokenPipeError:
            pass


if __name__ == '__main__':
    main()
