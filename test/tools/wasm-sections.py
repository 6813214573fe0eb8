#!/usr/bin/env python3
"""Prints each section of a binary module on one line, `ID: HEX BYTES`, so
that lit tests can check an encoding byte by byte (custom sections as
`0 NAME: HEX`). Usage: wasm-sections.py FILE.wasm"""
import sys


def leb(data, pos):
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"\0asm\1\0\0\0":
        sys.exit("not a binary module: " + sys.argv[1])
    pos = 8
    while pos < len(data):
        section = data[pos]
        size, pos = leb(data, pos + 1)
        body = data[pos:pos + size]
        if section == 0:
            length, start = leb(body, 0)
            name = body[start:start + length].decode("utf-8", "replace")
            print("0 %s: %s" % (name, body[start + length:].hex(" ")))
        else:
            print("%d: %s" % (section, body.hex(" ")))
        pos += size


if __name__ == "__main__":
    main()
