# Starts a daemon the hard way: double fork, a session of its own (setsid), SIGTERM and SIGHUP
# ignored. Writes root.pid and daemon.pid into the folder argv[1]. argv[2]: "exit" ends the root once
# the daemon runs; "hang" keeps the root running. argv[3] (optional): "keep-pipes" leaves the daemon
# holding the root's stdout and stderr.
import os, signal, sys, time

folder, mode = sys.argv[1], sys.argv[2]
keep_pipes = len(sys.argv) > 3 and sys.argv[3] == "keep-pipes"


def write(name, value):
    tmp = os.path.join(folder, name + ".tmp")
    with open(tmp, "w") as f:
        f.write(str(value))
    os.rename(tmp, os.path.join(folder, name))


write("root.pid", os.getpid())
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        if not keep_pipes:
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
        write("daemon.pid", os.getpid())
        time.sleep(1000)
        os._exit(0)
    os._exit(0)
os.wait()
while not os.path.exists(os.path.join(folder, "daemon.pid")):
    time.sleep(0.01)
print("daemon started", flush=True)
if mode == "hang":
    time.sleep(1000)
