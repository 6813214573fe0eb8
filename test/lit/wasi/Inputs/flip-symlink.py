#!/usr/bin/env python3
"""flip-symlink.py LINK TARGET_A TARGET_B -- COMMAND...: while COMMAND runs,
keeps replacing the symbolic link LINK, atomically, so that it points to
TARGET_A and TARGET_B in turn; then prints COMMAND's output and the number
of flips made. For racing a sandbox's path resolution against a link
swapped in between check and use."""
import os
import subprocess
import sys
import threading

link, a, b = sys.argv[1:4]
command = sys.argv[5:]
stop = threading.Event()
flips = 0


def flip():
    global flips
    tmp = link + ".tmp"
    while not stop.is_set():
        for target in (a, b):
            os.symlink(target, tmp)
            os.replace(tmp, link)
            flips += 1


thread = threading.Thread(target=flip)
thread.start()
try:
    out = subprocess.run(command, stdout=subprocess.PIPE, timeout=300).stdout
finally:
    stop.set()
    thread.join()
sys.stdout.write(out.decode())
print("flipped" if flips > 100 else f"only {flips} flips")
