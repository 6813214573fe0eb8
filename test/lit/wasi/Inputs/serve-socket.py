#!/usr/bin/env python3
"""Runs a program with a listening TCP socket as its standard input (as an
inetd-style service gets one) and plays the client: connects, sends
"ping", reads the reply until the program shuts its side down, closes.
Prints what the client got, then the program's output and exit status."""
import socket
import subprocess
import sys

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(1)
program = subprocess.Popen(sys.argv[1:], stdin=listener.fileno(),
                           stdout=subprocess.PIPE)
client = socket.create_connection(listener.getsockname(), timeout=60)
client.sendall(b"ping")
reply = b""
while True:
    chunk = client.recv(64)
    if not chunk:
        break
    reply += chunk
client.close()
out, _ = program.communicate(timeout=60)
print(f"client got: {reply.decode()}")
sys.stdout.write(out.decode())
print(f"exit status {program.returncode}")
