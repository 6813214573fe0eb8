"""Writes a function larger than the lowering's threshold for a trap block
per check (lowering/FunctionLowering.h, TrapBlockPerCheckBodySize): STEPS
divisions of a byte loaded at an offset of its own by a divisor of its
own, so that no check repeats another. With `wast`, the module is followed
by assertions: results computed here, and a division by zero and an
out-of-bounds access each in the middle of the function."""
import sys

# About 29 bytes each, 11 of them a dropped constant that only adds size:
# some 34 KiB of body, over 32 KiB, with no more to optimise than needed.
STEPS = 1200
FILL = 0xFF  # every byte of the first 4 KiB of memory

print("(module")
print("  (memory 1)")
print('  (data (i32.const 0) "' + ("\\%02x" % FILL) * 4096 + '")')
print('  (func $large (export "large") (param $addr i32) (param $div i32) (result i32)')
print("    (local $acc i32)")
for step in range(STEPS):
    print(
        "    (local.set $acc (i32.add (local.get $acc) (i32.div_u"
        f" (i32.load8_u offset={step} (local.get $addr))"
        f" (i32.add (local.get $div) (i32.const {step})))))"
        " (drop (i64.const 0x7fffffffffffffff))"
    )
print("    (local.get $acc)))")

if sys.argv[1:] == ["wast"]:

    def expected(div):
        return sum(FILL // ((div + step) % 2**32) for step in range(STEPS)) % 2**32

    for div in (1, 2, 7, 1000):
        print(
            f'(assert_return (invoke "large" (i32.const 0) (i32.const {div}))'
            f" (i32.const {expected(div)}))"
        )
    # div + 600 wraps to zero at step 600 (and at no other).
    print(
        '(assert_trap (invoke "large" (i32.const 0) (i32.const -600))'
        ' "integer divide by zero")'
    )
    # The load of step 600 is the first past the end of the one page.
    print(
        f'(assert_trap (invoke "large" (i32.const {65536 - 600}) (i32.const 1))'
        ' "out of bounds memory access")'
    )
