"""Writes a module of N functions that call the next one in a chain: the
last returns its argument, every other one returns the next one's result
for its argument times 3 plus its own index. main prints f0(1) mod 2^32 as
a decimal through fd_write, so that the chain's result is observable."""
import sys

n = int(sys.argv[1])
out = ['(module',
       '  (import "wasi_snapshot_preview1" "fd_write"',
       '    (func $fd_write (param i32 i32 i32 i32) (result i32)))',
       '  (memory (export "memory") 1)']
for i in range(n - 1):
    out.append(f'  (func $f{i} (param i32) (result i32)'
               f' (call $f{i + 1} (i32.add (i32.mul (local.get 0) (i32.const 3))'
               f' (i32.const {i}))))')
out.append(f'  (func $f{n - 1} (param i32) (result i32) (local.get 0))')
# Digits are written backwards from byte 64; the iovec at 0 points at them.
out.append('''  (func (export "_start") (local $v i32) (local $p i32)
    (local.set $v (call $f0 (i32.const 1)))
    (local.set $p (i32.const 64))
    (i32.store8 (local.get $p) (i32.const 10))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p)
        (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (i32.store (i32.const 0) (local.get $p))
    (i32.store (i32.const 4) (i32.sub (i32.const 65) (local.get $p)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
)''')
print('\n'.join(out))
