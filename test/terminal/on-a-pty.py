"""Runs a command on a terminal of its own (a new pty, 80x24), then hangs that terminal up, as a
closed window or a dropped ssh connection does, and prints how the command ended, as JSON:
{"signal": N} or {"exit": N}, with "secondsToEnd" after the hang-up and "bytes" it drew before.

usage: on-a-pty.py SECONDS_BEFORE_HANGING_UP COMMAND [ARG...]
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

before = float(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.execvp(sys.argv[2], sys.argv[2:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
drawn = 0
until = time.time() + before
while time.time() < until:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try:
            drawn += len(os.read(fd, 65536))
        except OSError:
            break
# The last close of the pty's master: the kernel hangs the terminal up (SIGHUP, EIO).
os.close(fd)
hung_up = time.time()
status = None
while status is None and time.time() < hung_up + 10:
    done, status = os.waitpid(pid, os.WNOHANG)
    if not done:
        status = None
        time.sleep(0.02)
result = {'bytes': drawn}
if status is None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    result['hung'] = True
elif os.WIFSIGNALED(status):
    result['signal'] = os.WTERMSIG(status)
else:
    result['exit'] = os.WEXITSTATUS(status)
result['secondsToEnd'] = round(time.time() - hung_up, 2)
print(json.dumps(result))
