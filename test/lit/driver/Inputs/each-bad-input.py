#!/usr/bin/env python3
"""each-bad-input.py W2N DIR: runs validate, compile (each --emit, output
into DIR/out) and run on every DIR/*.wasm, and reports per file and command
the exit status and the diagnostic lines, one line per pair."""
import glob
import os
import subprocess
import sys

w2n, root = sys.argv[1:3]
out = os.path.join(root, "out")
env = dict(os.environ, XDG_CACHE_HOME=os.path.join(root, "cache"))
for path in sorted(glob.glob(os.path.join(root, "*.wasm"))):
    name = os.path.basename(path)[: -len(".wasm")]
    commands = {
        "validate": ["validate", path],
        "compile-exe": ["compile", path, "-o", os.path.join(out, name)],
        "compile-obj": ["compile", path, "--emit=obj", "-o", os.path.join(out, name + ".o")],
        "compile-llvm": ["compile", path, "--emit=llvm", "-o", os.path.join(out, name + ".ll")],
        "compile-asm": ["compile", path, "--emit=asm", "-o", os.path.join(out, name + ".s")],
        "run": ["run", path],
    }
    for what, args in commands.items():
        p = subprocess.run([w2n] + args, capture_output=True, text=True, env=env)
        lines = [l for l in p.stderr.splitlines() if l.strip()]
        shown = lines[0] if len(lines) == 1 else f"{len(lines)} lines: {lines}"
        print(f"{name} {what}: exit {p.returncode}, 1 line: {shown}" if len(lines) == 1
              else f"{name} {what}: exit {p.returncode}, {shown}")
