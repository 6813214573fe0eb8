"""Writes a function of STEPS divisions of a byte loaded at an offset of
its own by a divisor of its own, so that no check repeats another: about
2 KiB of body, over the lowering's threshold for a trap block per check
once a test sets it low (-w2n-trap-block-per-check-size). With `wast`, the module is followed
by assertions: results computed here, and a division by zero and an
out-of-bounds access each in the middle of the function."""
import sys

STEPS = 120
MIDDLE = STEPS // 2
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
    # div + MIDDLE wraps to zero at step MIDDLE (and at no other).
    print(
        f'(assert_trap (invoke "large" (i32.const 0) (i32.const {-MIDDLE}))'
        ' "integer divide by zero")'
    )
    # The load of step MIDDLE is the first past the end of the one page.
    print(
        f'(assert_trap (invoke "large" (i32.const {65536 - MIDDLE}) (i32.const 1))'
        ' "out of bounds memory access")'
    )
