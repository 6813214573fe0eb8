"""Writes a loop whose new h is x40 ^ x39 ^ ... ^ x1, where xk is k loads
deep from the previous h and the deepest is computed first. The tree
BalancedChains.cpp builds combines x1 and x2 first, then each result with
the next deepest: 39 nodes, each inserted right after the one before, all
at one place in the block (more than its positions can halve there, so
the block is numbered again on the way). With `wast`, assertions follow
with results computed here."""
import sys

DEPTHS = 40
DATA_BYTES = 8192  # past the last byte a load can reach (about 7.6 KiB)


def data():
    state, out = 12345, bytearray()
    for _ in range(DATA_BYTES):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(state >> 16 & 0xFF)
    return bytes(out)


def offset(k, depth):
    return 4 * (k * DEPTHS + depth)


print("(module")
print("  (memory 1)")
print('  (data (i32.const 0) "' + "".join("\\%02x" % b for b in data()) + '")')
print('  (func (export "chain") (param $n i32) (result i32)')
print("    (local $h i32)")
print("    " + " ".join(f"(local $x{k} i32)" for k in range(1, DEPTHS + 1)))
print("    (loop $next")
for k in range(DEPTHS, 0, -1):
    value = "(local.get $h)"
    for depth in range(k):
        value = (
            f"(i32.load offset={offset(k, depth)}"
            f" (i32.and {value} (i32.const 1020)))"
        )
    print(f"      (local.set $x{k} {value})")
chain = f"(local.get $x{DEPTHS})"
for k in range(DEPTHS - 1, 0, -1):
    chain = f"(i32.xor {chain} (local.get $x{k}))"
print(f"      (local.set $h {chain})")
print("      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))")
print("    (local.get $h)))")

if sys.argv[1:] == ["wast"]:
    memory = data()

    def load(address):
        return int.from_bytes(memory[address : address + 4], "little")

    def chain_result(n):
        h = 0
        for _ in range(n):
            result = 0
            for k in range(DEPTHS, 0, -1):
                value = h
                for depth in range(k):
                    value = load(offset(k, depth) + (value & 1020))
                result ^= value
            h = result
        return h

    for n in (1, 2, 3, 50):
        print(
            f'(assert_return (invoke "chain" (i32.const {n}))'
            f" (i32.const {chain_result(n)}))"
        )
