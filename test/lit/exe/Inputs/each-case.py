#!/usr/bin/env python3
"""each-case.py N COMMAND...: runs COMMAND with 0, 1, ..., N-1 extra
arguments (so that a test program's argument count picks a case) and prints
one line per case: its stderr joined, then its exit status."""
import subprocess
import sys

n = int(sys.argv[1])
command = sys.argv[2:]
for case in range(n):
    p = subprocess.run(command + ["x"] * case, capture_output=True, text=True)
    status = p.returncode if p.returncode >= 0 else 128 - p.returncode
    err = " ".join(p.stderr.split())
    print(f"case {case}: {err}{' ' if err else ''}exit status {status}")
