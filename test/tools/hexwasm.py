#!/usr/bin/env python3
"""Writes the bytes spelled in a hex text file, for tests of malformed input.

The input holds hex digit pairs separated by any white space; ';;' starts a
comment to the end of the line, and "quoted text" stands for its UTF-8 bytes.
Usage: hexwasm.py IN.hex -o OUT.wasm
"""
import argparse
import re
import sys


def parse(text):
    out = bytearray()
    for lineno, line in enumerate(text.splitlines(), 1):
        # Quoted strings first, so that ';;' inside them is kept.
        pos = 0
        for m in re.finditer(r'"([^"]*)"|;;.*$|(\S+)', line):
            if m.group(0).startswith(';;'):
                break
            if m.group(1) is not None:
                out += m.group(1).encode('utf-8')
                continue
            token = m.group(2)
            if not re.fullmatch(r'([0-9a-fA-F]{2})+', token):
                sys.exit(f'{lineno}: not hex bytes: {token!r}')
            out += bytes.fromhex(token)
    return bytes(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('input')
    ap.add_argument('-o', dest='output', required=True)
    args = ap.parse_args()
    with open(args.input, encoding='utf-8') as f:
        data = parse(f.read())
    with open(args.output, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    main()
