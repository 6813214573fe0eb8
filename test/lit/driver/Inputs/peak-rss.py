#!/usr/bin/env python3
"""peak-rss.py LIMIT_MB COMMAND...: runs COMMAND and fails (exit 1) when it
fails or when its peak resident memory exceeds LIMIT_MB; prints either."""
import resource
import subprocess
import sys

limit = int(sys.argv[1])
p = subprocess.run(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
if p.returncode != 0:
    sys.exit(f"exit status {p.returncode}")
if peak > limit:
    sys.exit(f"peak RSS {peak} MB is over {limit} MB")
print(f"ok, within {limit} MB")
