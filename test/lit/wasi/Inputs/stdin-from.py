"""Runs a command with stdin open on a path, which may be a directory
(a shell's `<` cannot open one): stdin-from.py PATH COMMAND..."""
import os
import subprocess
import sys

fd = os.open(sys.argv[1], os.O_RDONLY)
sys.exit(subprocess.run(sys.argv[2:], stdin=fd).returncode)
