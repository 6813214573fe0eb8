"""Random loop nests over linear memory, for run-diff --nests.

wasm-opt -ttf rarely writes what lowering/passes/LoopBoundsChecks.cpp versions:
loops, nested up to three deep, whose accesses move by constant strides.
Each module here (deterministic from its seed) has:
  - `a_init`, called first: fills the memory with a pattern and writes the
    kernels' parameters (bases, trip counts) to cells at PARAMS, so that
    the compiler cannot see them;
  - `k0` .. `k3`: a nest of one to three loops each, with trip counts that
    are constants, parameters or the enclosing loop's index plus one (a
    triangular nest), and one to four loads and stores of i32, i64 or f64
    whose indices add a stride per loop (positive, negative or zero) to a
    base; some run only from a later iteration of one of the loops, so that
    an index can wrap around 2^32 into bounds after its first iterations.
    Bases are drawn near 0, the end of the memory and 2^32. Each kernel
    returns a checksum of what it loaded (a value of the innermost loop
    used after the nest).
The runners compare results, traps and the final memory.
"""

import random

PARAMS = 60000  # eight i32 bases, then four trip counts
BASES = 8
COUNTS = 4
KERNELS = 4


def _base(rng):
    r = rng.random()
    if r < 0.5:
        return rng.choice([0, 4, 8, 64, 100, 256, 1000, 4096, 8192, 30000])
    if r < 0.7:
        return 65536 - rng.choice([4, 8, 16, 64, 200, 256, 1024, 4000])
    if r < 0.8:
        return 2**32 - rng.choice([4, 8, 16, 64, 256, 1024])
    return rng.randrange(0, 66000)


def _signed(v):
    return v - 2**32 if v >= 2**31 else v


def _param(cell):
    return f"(i32.load (i32.const {cell}))"


def _kernel(rng, name):
    depth = rng.choice([1, 2, 2, 3, 3])
    trips = []
    for d in range(depth):
        r = rng.random()
        if r < 0.5:
            trips.append(f"(i32.const {rng.choice([1, 2, 3, 4, 7, 8, 16])})")
        elif d > 0 and r < 0.65:
            trips.append(f"(i32.add (local.get $i{d - 1}) (i32.const 1))")
        else:
            trips.append(_param(PARAMS + 4 * BASES + 4 * rng.randrange(COUNTS)))
    body = []
    for _ in range(rng.randint(1, 4)):
        index = _param(PARAMS + 4 * rng.randrange(BASES))
        for d in range(depth):
            if rng.random() < 0.8:
                stride = rng.choice([4, 8, 8, 12, 16, 64, 256, 4096,
                                     -4, -8, -64, 0])
                index = (f"(i32.add {index} (i32.mul (local.get $i{d}) "
                         f"(i32.const {stride})))")
        if rng.random() < 0.3:
            index = (f"(i32.add {index} "
                     f"(i32.const {rng.choice([-8, -4, 4, 8, 12, 64])}))")
        type_ = rng.choice(["i32", "i32", "i64", "f64"])
        offset = rng.choice([0, 0, 0, 4, 8, 1000])
        memarg = f" offset={offset}" if offset else ""
        if rng.random() < 0.5:
            value = {"i32": "(i32.wrap_i64 (local.get $s))",
                     "i64": "(local.get $s)",
                     "f64": "(f64.convert_i64_s (local.get $s))"}[type_]
            access = f"({type_}.store{memarg} {index} {value})"
        else:
            loaded = f"({type_}.load{memarg} {index})"
            value = {"i32": f"(i64.extend_i32_u {loaded})",
                     "i64": loaded,
                     "f64": f"(i64.trunc_sat_f64_s {loaded})"}[type_]
            access = ("(local.set $s (i64.add (i64.mul (local.get $s) "
                      f"(i64.const 31)) {value}))")
        if rng.random() < 0.35:
            d = rng.randrange(depth)
            access = (f"(if (i32.ge_u (local.get $i{d}) "
                      f"(i32.const {rng.choice([1, 1, 2, 4])})) "
                      f"(then {access}))")
        body.append(access)
    body.append("(local.set $t (i64.add (local.get $t) (local.get $s)))")
    nest = " ".join(body)
    for d in reversed(range(depth)):
        nest = (f"(local.set $i{d} (i32.const 0)) "
                f"(if (i32.gt_u {trips[d]} (i32.const 0)) (then "
                f"(loop $l{d} {nest} (br_if $l{d} (i32.lt_u (local.tee $i{d} "
                f"(i32.add (local.get $i{d}) (i32.const 1))) {trips[d]})))))")
    locals_ = " ".join(f"(local $i{d} i32)" for d in range(depth))
    return (f'  (func (export "{name}") (result i64)\n'
            f"    {locals_} (local $s i64) (local $t i64)\n"
            f"    {nest}\n"
            "    (i64.add (local.get $t) (local.get $s)))")


def module(seed):
    """The text of the seed's module."""
    rng = random.Random(seed)
    lines = ["(module", '  (memory (export "memory") 1 2)',
             '  (func (export "a_init") (local $x i32)',
             "    (loop $fill (i32.store (i32.shl (local.get $x) (i32.const 2))",
             "      (i32.mul (local.get $x) (i32.const -1640531535)))",
             "      (br_if $fill (i32.lt_u (local.tee $x (i32.add (local.get $x)",
             "        (i32.const 1))) (i32.const 14000))))"]
    for q in range(BASES):
        lines.append(f"    (i32.store (i32.const {PARAMS + 4 * q}) "
                     f"(i32.const {_signed(_base(rng))}))")
    for q in range(COUNTS):
        count = rng.choice([0, 1, 2, 3, 5, 8, 16, 31])
        lines.append(f"    (i32.store (i32.const {PARAMS + 4 * BASES + 4 * q}) "
                     f"(i32.const {count}))")
    lines[-1] += ")"  # the end of a_init
    for k in range(KERNELS):
        lines.append(_kernel(rng, f"k{k}"))
    lines.append(")")
    return "\n".join(lines) + "\n"
