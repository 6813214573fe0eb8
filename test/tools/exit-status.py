#!/usr/bin/env python3
"""Runs a command and prints `exit status N` after its output, so that lit
tests can check an exact exit status (lit's `not` only knows zero and
non-zero). Standard error is passed through; always exits 0 itself."""
import subprocess
import sys

result = subprocess.run(sys.argv[1:])
sys.stdout.flush()
status = result.returncode if result.returncode >= 0 else 128 - result.returncode
print(f"exit status {status}")
