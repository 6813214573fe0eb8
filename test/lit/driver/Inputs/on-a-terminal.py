#!/usr/bin/env python3
"""Runs a command with a pseudo-terminal as its stdout and stderr, and
prints what it wrote there (terminal escapes and carriage returns become
line breaks), then exits with the command's status."""
import os
import pty
import re
import sys

output = bytearray()


def read(fd):
    data = os.read(fd, 4096)
    output.extend(data)
    return data


status = pty.spawn(sys.argv[1:], read)
text = re.sub(r"\x1b\[K", "", output.decode(errors="replace"))
sys.stdout.write(text.replace("\r", "\n"))
sys.exit(os.waitstatus_to_exitcode(status))
