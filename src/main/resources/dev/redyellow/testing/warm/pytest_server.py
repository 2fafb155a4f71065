# RedYellow's warm pytest server (dev.redyellow.testing.ScriptServer). It imports pytest once, then
# runs each request in a child forked from itself, so a run costs the fork, not the interpreter's
# start and pytest's imports. Protocol: a request is one line of JSON on stdin
# {"cwd": ..., "args": [...], "env": {...}}; replies are frames on stdout, one byte of kind, four bytes
# of big-endian length, the payload: R (ready, once), P (the child's pid), O and E (the child's stdout
# and stderr, as they come), X (the exit code, in ASCII). End of stdin ends the server.
import json
import os
import select
import struct
import sys

import pytest  # noqa: F401  the point of the server: imported once
import _pytest.config  # noqa: F401
import _pytest.main  # noqa: F401
import _pytest.python  # noqa: F401
import _pytest.terminal  # noqa: F401
import _pytest.fixtures  # noqa: F401
import _pytest.junitxml  # noqa: F401

# The frames go to a private copy of stdout; fd 1 is pointed at stderr so a stray print in the
# server cannot break a frame.
FRAMES = os.dup(1)
os.dup2(2, 1)
REQUESTS = os.fdopen(os.dup(0), "rb")
NULL = os.open(os.devnull, os.O_RDONLY)
os.dup2(NULL, 0)


def send(kind, data):
    frame = kind + struct.pack(">I", len(data)) + data
    view = memoryview(frame)
    while view:
        view = view[os.write(FRAMES, view):]


def child(request, out_w, err_w):
    os.setsid()
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    for fd in (out_w, err_w, FRAMES, REQUESTS.fileno()):
        os.close(fd)
    code = 70
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As `python -m pytest` does: the working directory comes first on sys.path.
        sys.path[0] = request["cwd"]
        sys.argv = [sys.argv[0]] + request["args"]
        sys.stdout = os.fdopen(1, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
        sys.stderr = os.fdopen(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
        code = int(pytest.main(request["args"]))
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException:  # the child must end here whatever happened
        import traceback
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(request):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(err_r)
        child(request, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    send(b"P", str(pid).encode())
    kinds = {out_r: b"O", err_r: b"E"}
    while kinds:
        ready, _, _ = select.select(list(kinds), [], [])
        for fd in ready:
            data = os.read(fd, 65536)
            if data:
                send(kinds[fd], data)
            else:
                os.close(fd)
                del kinds[fd]
    _, status = os.waitpid(pid, 0)
    send(b"X", str(os.waitstatus_to_exitcode(status)).encode())


def main():
    send(b"R", b"")
    for line in REQUESTS:
        if line.strip():
            serve(json.loads(line))


main()
