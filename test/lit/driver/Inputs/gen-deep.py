#!/usr/bin/env python3
"""gen-deep.py KIND N OUT.wasm: writes a module whose one function "f" is
deep or large: N nested blocks (blocks), N nested ifs (ifs), N values on
the operand stack at once (stack), a body of N bytes (size), or N i32
locals (locals). wat2wasm
itself cannot handle such depth, so the bytes are written here."""
import sys


def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def section(id, payload):
    return bytes([id]) + leb(len(payload)) + payload


def module(body, result=b"", locals=b"\x00"):
    types = section(1, leb(1) + b"\x60\x00" + (leb(1) + result if result else b"\x00"))
    funcs = section(3, leb(1) + leb(0))
    exports = section(7, leb(1) + leb(1) + b"f" + b"\x00" + leb(0))
    code_body = locals + body + b"\x0b"
    code = section(10, leb(1) + leb(len(code_body)) + code_body)
    return b"\0asm\1\0\0\0" + types + funcs + exports + code


kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "blocks":
    data = module(b"\x02\x40" * n + b"\x01" + b"\x0b" * n)
elif kind == "ifs":
    data = module(b"\x41\x01\x04\x40" * n + b"\x01" + b"\x0b" * n)
elif kind == "stack":
    data = module(b"\x41\x01" * n + b"\x6a" * (n - 1), b"\x7f")
elif kind == "size":
    # leb(0) for the locals and the final end are the body's other 2 bytes.
    data = module(b"\x01" * (n - 2))
elif kind == "locals":
    data = module(b"", locals=leb(1) + leb(n) + b"\x7f")
else:
    sys.exit("unknown kind " + kind)
open(out, "wb").write(data)
