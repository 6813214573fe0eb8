#!/usr/bin/env python3
"""Write a large, deterministic C program for the `validate` benchmark.

The program is meant to be built with `clang-19 --target=wasm32-wasi -O2`
into a WebAssembly module of several MB whose code looks like real compiled
C: thousands of functions with loops, `if` chains, dense and sparse `switch`
statements, integer and floating-point arithmetic, loads and stores of every
width, calls (direct, and indirect through a table), a linked-list walk, a
byte scanner, and, unless disabled, SIMD from <wasm_simd128.h>.

Everything comes from a seeded splitmix64 generator of our own, so the same
arguments give the same source on every Python version.

The C is free of undefined behaviour (unsigned arithmetic, masked shift
counts and indices, guarded divisions and float-to-int conversions), every
loop has a bound, and calls are rationed by a global budget and a depth
limit, so the program also terminates quickly if anyone runs it.

Usage: gen_module.py OUT_DIR [--functions N] [--units N] [--seed N] [--no-simd]
Writes OUT_DIR/common.h, OUT_DIR/main.c and OUT_DIR/unit_NN.c and prints the
names of the .c files, one a line.
"""

import argparse
import os
import sys

MASK64 = (1 << 64) - 1

# Sizes of the global arrays the generated code works on (powers of two, so
# that `x & (N - 1)` is always in bounds).
U32_WORDS = 4096
U64_WORDS = 2048
F64_WORDS = 2048
F32_WORDS = 4096
BYTES = 16384
NODES = 256
DISPATCH = 256

# Function signatures: (return type, [(parameter type, parameter name)]).
SIGS = [
    ("uint32_t", [("uint32_t", "a"), ("uint32_t", "b")]),
    ("uint64_t", [("uint64_t", "a"), ("uint32_t", "b")]),
    ("double", [("double", "x"), ("double", "y"), ("uint32_t", "n")]),
    ("float", [("float", "x"), ("uint32_t", "n")]),
    ("uint32_t", [("const struct node *", "p"), ("uint32_t", "n")]),
    ("void", [("uint32_t", "a"), ("uint32_t", "b"), ("uint32_t", "c")]),
]
SIG_WEIGHTS = [30, 12, 14, 10, 8, 10]

# How often each kind of statement appears, per function flavour.
FLAVOURS = {
    "integer": dict(assign_u=10, assign_l=4, assign_d=1, assign_s=1, store=5,
                    if_=6, for_=4, while_=2, dowhile=1, switch=4, call=3,
                    icall=2, list_=1, bytes_=1, memmove=1, simd=1),
    "float": dict(assign_u=2, assign_l=1, assign_d=10, assign_s=6, store=4,
                  if_=4, for_=4, while_=1, dowhile=1, switch=1, call=2,
                  icall=1, list_=0, bytes_=0, memmove=0, simd=2),
    "parser": dict(assign_u=6, assign_l=1, assign_d=0, assign_s=0, store=3,
                   if_=6, for_=2, while_=3, dowhile=1, switch=7, call=2,
                   icall=2, list_=2, bytes_=5, memmove=2, simd=1),
    "simd": dict(assign_u=4, assign_l=1, assign_d=2, assign_s=2, store=2,
                 if_=2, for_=2, while_=0, dowhile=0, switch=1, call=1,
                 icall=1, list_=0, bytes_=1, memmove=0, simd=8),
    "mixed": dict(assign_u=6, assign_l=3, assign_d=4, assign_s=2, store=4,
                  if_=5, for_=3, while_=2, dowhile=1, switch=3, call=3,
                  icall=2, list_=1, bytes_=1, memmove=1, simd=2),
}
FLAVOUR_WEIGHTS = {"integer": 30, "float": 20, "parser": 20, "simd": 12,
                   "mixed": 30}


class Rng:
    """splitmix64: small, fast enough, and stable across Python versions."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        """An integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def chance(self, percent):
        return self.below(100) < percent

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, weights):
        """A key of the dict `weights`, with probability by its value."""
        total = sum(weights.values())
        r = self.below(total)
        for key, w in weights.items():
            if r < w:
                return key
            r -= w
        raise AssertionError("unreachable")


def hex32(rng):
    return "0x%08xu" % (rng.next() & 0xFFFFFFFF)


def small_float(rng):
    return "%d.%03d" % (rng.below(16), rng.below(1000))


class FunctionWriter:
    """Writes the body of one generated function."""

    NU, NL, ND, NS = 4, 2, 3, 2  # locals of each kind: u32, u64, f64, f32

    def __init__(self, rng, index, sig, flavour, callees, simd):
        self.rng = rng
        self.index = index
        self.sig = sig
        self.weights = dict(FLAVOURS[flavour])
        if not simd:
            self.weights["simd"] = 0
        if not callees:
            self.weights["call"] = 0
        self.callees = callees  # [(index, sig)] of functions we may call
        self.lines = []
        self.indent = 1
        self.temp = 0
        self.loop_vars = []  # names of enclosing loop counters
        self.loop_depth = 0

    # -- helpers -----------------------------------------------------------

    def emit(self, line):
        self.lines.append("  " * self.indent + line)

    def fresh(self, prefix):
        self.temp += 1
        return "%s%d" % (prefix, self.temp)

    def u(self):
        return "u%d" % self.rng.below(self.NU)

    def l(self):
        return "l%d" % self.rng.below(self.NL)

    def d(self):
        return "d%d" % self.rng.below(self.ND)

    def s(self):
        return "s%d" % self.rng.below(self.NS)

    def index_expr(self, size, align=1):
        """An in-bounds index into an array of `size` elements, a multiple
        of `align`."""
        base = self.u_leaf_simple()
        if self.rng.chance(40):
            base = "(%s + %du)" % (base, self.rng.below(size))
        elif self.loop_vars and self.rng.chance(60):
            base = "(%s + %s * %du)" % (base, self.rng.pick(self.loop_vars),
                                        align * self.rng.between(1, 3))
        return "%s & %du" % (base, size - align)

    def pair(self, gen, depth, fallback):
        """Two operands from `gen`, textually different, so that the
        compiler sees no self-comparison or `x - x`."""
        a = gen(depth)
        for _ in range(4):
            b = gen(depth)
            if b != a:
                return a, b
        return a, fallback

    def u_leaf_simple(self):
        if self.loop_vars and self.rng.chance(30):
            return self.rng.pick(self.loop_vars)
        return self.u()

    # -- expressions -------------------------------------------------------

    def u_expr(self, depth=0):
        rng = self.rng
        if depth >= 3 or rng.chance(30 + 15 * depth):
            k = rng.below(10)
            if k < 4:
                return self.u_leaf_simple()
            if k == 4:
                return hex32(rng)
            if k == 5:
                return "g_u32[%s]" % self.index_expr(U32_WORDS)
            if k == 6:
                return "(uint32_t)g_bytes[%s]" % self.index_expr(BYTES)
            if k == 7:
                return "(uint32_t)(%s >> %d)" % (self.l(), rng.below(33))
            if k == 8:
                return "d2u(%s)" % self.d()
            return "f2u(%s)" % self.s()
        a, b = self.pair(self.u_expr, depth + 1, hex32(rng))
        k = rng.below(20)
        if k < 7:
            return "(%s %s %s)" % (a, rng.pick(["+", "-", "*", "^", "&", "|",
                                                "+"]), b)
        if k == 7:
            return "(%s << (%s & 31u))" % (a, b)
        if k == 8:
            return "(%s >> (%s & 31u))" % (a, b)
        if k == 9:
            return "rotl32(%s, %s)" % (a, b)
        if k == 10:
            return "(%s / (%s | 1u))" % (a, b)
        if k == 11:
            return "(%s %% (%s | 1u))" % (a, b)
        if k == 12:
            return ("(uint32_t)((int32_t)(%s & 0x7fffffffu) / (int32_t)(%s | 1u))"
                    % (a, b))
        if k == 13:
            return "(uint32_t)((int32_t)%s >> (%s & 31u))" % (a, b)
        if k == 14:
            return "(%s < %s ? %s : %s)" % (a, b, b, a)
        if k == 15:
            return "(uint32_t)__builtin_popcount(%s)" % a
        if k == 16:
            return "(uint32_t)__builtin_clz(%s | 1u)" % a
        if k == 17:
            return "(uint32_t)__builtin_ctz(%s | 0x80000000u)" % a
        if k == 18:
            return "(uint32_t)((int32_t)%s < (int32_t)%s)" % (a, b)
        return "(uint32_t)(int8_t)%s" % a

    def l_expr(self, depth=0):
        rng = self.rng
        if depth >= 2 or rng.chance(35 + 15 * depth):
            k = rng.below(6)
            if k < 2:
                return self.l()
            if k == 2:
                return "0x%016xull" % rng.next()
            if k == 3:
                return "g_u64[%s]" % self.index_expr(U64_WORDS)
            if k == 4:
                return "((uint64_t)%s << 32 | %s)" % (self.u(), self.u())
            return "(uint64_t)(int64_t)(int32_t)%s" % self.u()
        a, b = self.pair(self.l_expr, depth + 1, "0x%016xull" % rng.next())
        k = rng.below(11)
        if k < 5:
            return "(%s %s %s)" % (a, rng.pick(["+", "-", "*", "^", "|"]), b)
        if k == 5:
            return "rotl64(%s, (uint32_t)%s)" % (a, b)
        if k == 6:
            return "(%s >> (%s & 63u))" % (a, b)
        if k == 7:
            return "(%s / (%s | 1u))" % (a, b)
        if k == 8:
            return "(%s %% (%s | 3u))" % (a, b)
        if k == 9:
            return "(uint64_t)__builtin_popcountll(%s)" % a
        return "(uint64_t)((int64_t)%s >> (%s & 63u))" % (a, b)

    def d_expr(self, depth=0):
        rng = self.rng
        if depth >= 3 or rng.chance(30 + 15 * depth):
            k = rng.below(8)
            if k < 3:
                return self.d()
            if k == 3:
                return small_float(rng)
            if k == 4:
                return "g_f64[%s]" % self.index_expr(F64_WORDS)
            if k == 5:
                return "(double)%s" % self.u()
            if k == 6:
                return "(double)(int32_t)%s" % self.u()
            return "(double)%s" % self.s()
        a, b = self.pair(self.d_expr, depth + 1, small_float(rng))
        k = rng.below(18)
        if k < 6:
            return "(%s %s %s)" % (a, rng.pick(["+", "-", "*", "+", "*", "-"]),
                                   b)
        if k == 6:
            return "(%s / (fabs(%s) + 1.0))" % (a, b)
        if k == 7:
            return "sqrt(fabs(%s))" % a
        if k == 8:
            return "%s(%s)" % (rng.pick(["floor", "ceil", "trunc", "rint"]), a)
        if k == 9:
            return "%s(%s, %s)" % (rng.pick(["fmin", "fmax", "copysign"]), a,
                                   b)
        if k == 10:
            return "(%s < %s ? %s : -%s)" % (a, self.d(), self.d(), a)
        if k == 11 and rng.chance(25):
            return "%s(%s)" % (rng.pick(["sin", "cos", "atan", "tanh"]), a)
        if k == 12:
            return "(%s * %s + %s)" % (a, small_float(rng), self.d())
        return "(-%s)" % a

    def s_expr(self, depth=0):
        rng = self.rng
        if depth >= 2 or rng.chance(35 + 15 * depth):
            k = rng.below(6)
            if k < 2:
                return self.s()
            if k == 2:
                return small_float(rng) + "f"
            if k == 3:
                return "g_f32[%s]" % self.index_expr(F32_WORDS)
            if k == 4:
                return "(float)%s" % self.d()
            return "(float)(int32_t)%s" % self.u()
        a, b = self.pair(self.s_expr, depth + 1, small_float(rng) + "f")
        k = rng.below(10)
        if k < 5:
            return "(%s %s %s)" % (a, rng.pick(["+", "-", "*", "+", "*"]), b)
        if k == 5:
            return "sqrtf(fabsf(%s))" % a
        if k == 6:
            return "%s(%s)" % (rng.pick(["floorf", "ceilf", "truncf",
                                         "rintf"]), a)
        if k == 7:
            return "%s(%s, %s)" % (rng.pick(["fminf", "fmaxf", "copysignf"]),
                                   a, b)
        if k == 8:
            return "(%s / (fabsf(%s) + 1.0f))" % (a, b)
        return "(-%s)" % a

    def cond(self):
        rng = self.rng
        k = rng.below(10)
        if k < 3:
            a, b = self.pair(self.u_expr, 1, hex32(rng))
            c = "%s %s %s" % (a, rng.pick(["<", ">", "<=", "!="]), b)
        elif k == 3:
            c = "(%s & %du) == %du" % (self.u(), (1 << rng.between(1, 5)) - 1,
                                      rng.below(2))
        elif k == 4:
            c = "(int32_t)%s < %d" % (self.u_expr(1), rng.between(-100, 100))
        elif k == 5:
            a, b = self.pair(self.d_expr, 1, small_float(rng))
            c = "%s %s %s" % (a, rng.pick(["<", ">", ">="]), b)
        elif k == 6:
            a, b = self.pair(self.s_expr, 1, small_float(rng) + "f")
            c = "%s < %s" % (a, b)
        elif k == 7:
            a, b = self.pair(self.l_expr, 1, "0x%016xull" % rng.next())
            c = "%s > %s" % (a, b)
        elif k == 8:
            c = "isnan(%s) || %s == 0.0" % (self.d(), self.d())
        else:
            c = "%s ^ %s" % (self.u_expr(1), self.u())
        if rng.chance(15):
            c = "(%s) %s (%s)" % (c, rng.pick(["&&", "||"]), self.cond())
        return c

    def bound(self):
        if self.rng.chance(50):
            return "%du" % self.rng.between(2, 12)
        return "(%s & %du) + %du" % (self.u(), (1 << self.rng.between(2, 4)) - 1,
                                     self.rng.between(1, 4))

    # -- statements --------------------------------------------------------

    def block(self, depth, count=None):
        if count is None:
            count = self.rng.between(*[(3, 7), (2, 4), (1, 3), (1, 2)][depth])
        for _ in range(count):
            self.statement(depth)

    def nested(self, depth):
        self.indent += 1
        self.block(depth + 1)
        self.indent -= 1

    def statement(self, depth):
        rng = self.rng
        weights = dict(self.weights)
        if depth >= 3:
            for k in ("if_", "for_", "while_", "dowhile", "switch", "list_",
                      "bytes_", "simd"):
                weights[k] = 0
        if self.loop_depth >= 2:
            for k in ("for_", "while_", "dowhile", "bytes_", "list_", "simd"):
                weights[k] = 0
        kind = rng.weighted(weights)
        getattr(self, "stmt_" + kind.rstrip("_"))(depth)
        if self.loop_depth and rng.chance(6):
            self.emit("if (%s) %s;" % (self.cond(), rng.pick(["break",
                                                              "continue"])))

    def assign(self, var, ops, expr):
        target, op, value = var(), self.rng.pick(ops), expr()
        while value == target:
            value = expr()
        self.emit("%s %s %s;" % (target, op, value))

    def stmt_assign_u(self, depth):
        self.assign(self.u, ["=", "+=", "^=", "=", "-=", "|="], self.u_expr)

    def stmt_assign_l(self, depth):
        self.assign(self.l, ["=", "+=", "^="], self.l_expr)

    def stmt_assign_d(self, depth):
        self.assign(self.d, ["=", "+=", "*=", "="], self.d_expr)

    def stmt_assign_s(self, depth):
        self.assign(self.s, ["=", "+=", "-="], self.s_expr)

    def stmt_store(self, depth):
        rng = self.rng
        k = rng.below(6)
        if k == 0:
            self.emit("g_u32[%s] %s %s;" % (self.index_expr(U32_WORDS),
                                           rng.pick(["=", "^=", "+="]),
                                           self.u_expr(1)))
        elif k == 1:
            self.emit("g_u64[%s] = %s;" % (self.index_expr(U64_WORDS),
                                           self.l_expr(1)))
        elif k == 2:
            self.emit("g_f64[%s] %s %s;" % (self.index_expr(F64_WORDS),
                                           rng.pick(["=", "+="]),
                                           self.d_expr(1)))
        elif k == 3:
            self.emit("g_f32[%s] = %s;" % (self.index_expr(F32_WORDS),
                                           self.s_expr(1)))
        elif k == 4:
            self.emit("g_bytes[%s] = (uint8_t)%s;" % (self.index_expr(BYTES),
                                                      self.u_expr(1)))
        else:
            self.emit("((uint16_t *)g_bytes)[%s] = (uint16_t)%s;"
                      % (self.index_expr(BYTES // 2), self.u_expr(1)))

    def stmt_if(self, depth):
        self.emit("if (%s) {" % self.cond())
        self.nested(depth)
        while self.rng.chance(30):
            self.emit("} else if (%s) {" % self.cond())
            self.nested(depth)
        if self.rng.chance(50):
            self.emit("} else {")
            self.nested(depth)
        self.emit("}")

    def loop_body(self, depth, var):
        self.loop_vars.append(var)
        self.loop_depth += 1
        self.nested(depth)
        self.loop_depth -= 1
        self.loop_vars.pop()

    def stmt_for(self, depth):
        i = self.fresh("i")
        if self.rng.chance(25):
            self.emit("for (uint32_t %s = %s; %s != 0; %s >>= 1) {"
                      % (i, self.bound(), i, i))
        else:
            self.emit("for (uint32_t %s = 0; %s < %s; ++%s) {"
                      % (i, i, self.bound(), i))
        self.loop_body(depth, i)
        self.emit("}")

    def stmt_while(self, depth):
        g = self.fresh("g")
        self.emit("for (uint32_t %s = 0; %s < %du && (%s); ++%s) {"
                  % (g, g, self.rng.between(3, 12), self.cond(), g))
        self.loop_body(depth, g)
        self.emit("}")

    def stmt_dowhile(self, depth):
        g = self.fresh("g")
        self.emit("{")
        self.indent += 1
        self.emit("uint32_t %s = 0;" % g)
        self.emit("do {")
        self.loop_body(depth, g)
        self.emit("} while (++%s < %du && (%s));"
                  % (g, self.rng.between(2, 9), self.cond()))
        self.indent -= 1
        self.emit("}")

    def stmt_switch(self, depth):
        rng = self.rng
        ncases = rng.between(3, 14)
        if rng.chance(70):
            # Dense: becomes a br_table.
            width = 1
            while (1 << width) < ncases:
                width += 1
            self.emit("switch (%s & %du) {" % (self.u_expr(1), (1 << width) - 1))
            values = sorted(set(rng.below(1 << width) for _ in range(ncases)))
        else:
            # Sparse: becomes a tree of compares.
            self.emit("switch (%s) {" % self.u_expr(1))
            values = sorted(set(rng.below(5000) for _ in range(ncases)))
        for v in values:
            self.emit("case %du:" % v)
            if rng.chance(20):
                continue  # shares the next case's body
            self.indent += 1
            self.block(depth + 1, rng.between(1, 2) if depth < 2 else 1)
            if rng.chance(85):
                self.emit("break;")
            self.indent -= 1
        self.emit("default:")
        self.indent += 1
        self.block(depth + 1, 1)
        self.emit("break;")
        self.indent -= 1
        self.emit("}")

    def call_args(self, sig):
        args = []
        for ty, _ in sig[1]:
            if ty == "uint32_t":
                args.append(self.u_expr(2))
            elif ty == "uint64_t":
                args.append(self.l())
            elif ty == "double":
                args.append(self.d())
            elif ty == "float":
                args.append(self.s())
            else:
                args.append("&g_nodes[%s & %du]" % (self.u(), NODES - 1))
        return ", ".join(args)

    def assign_result(self, ret, call):
        if ret == "uint32_t":
            return "%s ^= %s" % (self.u(), call)
        if ret == "uint64_t":
            return "%s += %s" % (self.l(), call)
        if ret == "double":
            return "%s = %s * 0.5 + %s" % (self.d(), self.d(), call)
        if ret == "float":
            return "%s += %s" % (self.s(), call)
        return call

    def stmt_call(self, depth):
        index, sig = self.rng.pick(self.callees)
        call = "f%d(%s)" % (index, self.call_args(sig))
        self.emit("CALL_GUARD(%s);" % self.assign_result(sig[0], call))

    def stmt_icall(self, depth):
        call = "g_dispatch[%s & %du](%s, %s)" % (self.u(), DISPATCH - 1,
                                                self.u_expr(2), self.u())
        self.emit("CALL_GUARD(%s ^= %s);" % (self.u(), call))

    def stmt_list(self, depth):
        p, k = self.fresh("p"), self.fresh("k")
        self.emit("{")
        self.indent += 1
        start = ("p" if self.sig[1][0][1] == "p" and self.rng.chance(60)
                 else "&g_nodes[%s & %du]" % (self.u(), NODES - 1))
        self.emit("const struct node *%s = %s;" % (p, start))
        self.emit("for (uint32_t %s = 0; %s && %s < %du; ++%s) {"
                  % (k, p, k, self.rng.between(4, 16), k))
        self.indent += 1
        self.emit("%s += %s->key ^ (uint32_t)%s->val;" % (self.u(), p, p))
        self.emit("if (%s->val < %d) %s += %s->weight;"
                  % (p, self.rng.between(-50, 50), self.d(), p))
        if self.rng.chance(40):
            self.emit("if (%s->key == %s) break;" % (p, self.u()))
        self.emit("%s = %s->next;" % (p, p))
        self.indent -= 1
        self.emit("}")
        self.indent -= 1
        self.emit("}")

    def stmt_bytes(self, depth):
        rng = self.rng
        i, c = self.fresh("i"), self.fresh("c")
        self.emit("for (uint32_t %s = 0; %s < %s; ++%s) {"
                  % (i, i, self.bound(), i))
        self.indent += 1
        self.emit("uint32_t %s = g_bytes[(%s + %s) & %du];"
                  % (c, self.u(), i, BYTES - 1))
        self.emit("if (%s >= 'a' && %s <= 'z') {" % (c, c))
        self.emit("  %s = %s * 31u + %s;" % (self.u(), self.u(), c))
        self.emit("} else if (%s >= '0' && %s <= '9') {" % (c, c))
        self.emit("  %s = %s * 10u + (%s - '0');" % (self.u(), self.u(), c))
        if rng.chance(50):
            self.emit("} else if (%s == ' ' || %s == '\\n') {" % (c, c))
            self.emit("  ++%s;" % self.u())
        self.emit("} else {")
        self.emit("  %s ^= %s << (%s & 7u);" % (self.u(), c, i))
        if rng.chance(40):
            self.emit("  if (%s == %du) break;" % (c, rng.below(256)))
        self.emit("}")
        self.indent -= 1
        self.emit("}")

    def stmt_memmove(self, depth):
        if self.rng.chance(50):
            self.emit("memmove(&g_bytes[%s & %du], &g_bytes[%s & %du], "
                      "(%s & 63u) + 1u);" % (self.u(), BYTES // 2 - 1, self.u(),
                                             BYTES // 2 - 1, self.u()))
        else:
            self.emit("memset(&g_bytes[%s & %du], (int)(%s & 0xffu), "
                      "(%s & 31u) + 1u);" % (self.u(), BYTES // 2 - 1,
                                             self.u(), self.u()))

    # -- SIMD --------------------------------------------------------------

    SHAPES = {
        # shape: (array, elements, lanes per vector, splat)
        "i8x16": ("g_bytes", BYTES, 16, "wasm_i8x16_splat((int8_t)%s)"),
        "i16x8": ("g_bytes", BYTES, 16, "wasm_i16x8_splat((int16_t)%s)"),
        "i32x4": ("g_u32", U32_WORDS, 4, "wasm_i32x4_splat((int32_t)%s)"),
        "i64x2": ("g_u64", U64_WORDS, 2, "wasm_i64x2_splat((int64_t)%s)"),
        "f32x4": ("g_f32", F32_WORDS, 4, "wasm_f32x4_splat(%s)"),
        "f64x2": ("g_f64", F64_WORDS, 2, "wasm_f64x2_splat(%s)"),
    }
    SIMD_BINARY = {
        "i8x16": ["wasm_i8x16_add", "wasm_i8x16_sub", "wasm_i8x16_add_sat",
                  "wasm_u8x16_sub_sat", "wasm_i8x16_min", "wasm_u8x16_max",
                  "wasm_u8x16_avgr", "wasm_i8x16_eq", "wasm_u8x16_gt",
                  "wasm_i8x16_swizzle", "wasm_i8x16_narrow_i16x8",
                  "wasm_u8x16_narrow_i16x8"],
        "i16x8": ["wasm_i16x8_add", "wasm_i16x8_sub", "wasm_i16x8_mul",
                  "wasm_i16x8_add_sat", "wasm_u16x8_sub_sat", "wasm_i16x8_max",
                  "wasm_u16x8_min", "wasm_u16x8_avgr", "wasm_i16x8_q15mulr_sat",
                  "wasm_i16x8_lt", "wasm_i16x8_extmul_low_i8x16",
                  "wasm_u16x8_extmul_high_u8x16", "wasm_i16x8_narrow_i32x4"],
        "i32x4": ["wasm_i32x4_add", "wasm_i32x4_sub", "wasm_i32x4_mul",
                  "wasm_i32x4_min", "wasm_u32x4_max", "wasm_i32x4_gt",
                  "wasm_u32x4_le", "wasm_i32x4_dot_i16x8",
                  "wasm_i32x4_extmul_high_i16x8", "wasm_v128_xor",
                  "wasm_v128_and", "wasm_v128_andnot"],
        "i64x2": ["wasm_i64x2_add", "wasm_i64x2_sub", "wasm_i64x2_mul",
                  "wasm_i64x2_eq", "wasm_i64x2_gt",
                  "wasm_i64x2_extmul_low_i32x4", "wasm_u64x2_extmul_high_u32x4",
                  "wasm_v128_or"],
        "f32x4": ["wasm_f32x4_add", "wasm_f32x4_sub", "wasm_f32x4_mul",
                  "wasm_f32x4_div", "wasm_f32x4_min", "wasm_f32x4_max",
                  "wasm_f32x4_pmin", "wasm_f32x4_pmax", "wasm_f32x4_lt"],
        "f64x2": ["wasm_f64x2_add", "wasm_f64x2_sub", "wasm_f64x2_mul",
                  "wasm_f64x2_div", "wasm_f64x2_min", "wasm_f64x2_max",
                  "wasm_f64x2_pmax", "wasm_f64x2_ge"],
    }
    SIMD_UNARY = {
        "i8x16": ["wasm_i8x16_abs", "wasm_i8x16_neg", "wasm_i8x16_popcnt",
                  "wasm_v128_not"],
        "i16x8": ["wasm_i16x8_abs", "wasm_i16x8_neg",
                  "wasm_i16x8_extend_low_i8x16", "wasm_u16x8_extend_high_u8x16",
                  "wasm_i16x8_extadd_pairwise_i8x16"],
        "i32x4": ["wasm_i32x4_abs", "wasm_i32x4_neg",
                  "wasm_i32x4_extend_high_i16x8",
                  "wasm_u32x4_extadd_pairwise_u16x8",
                  "wasm_i32x4_trunc_sat_f32x4"],
        "i64x2": ["wasm_i64x2_abs", "wasm_i64x2_neg",
                  "wasm_i64x2_extend_low_i32x4", "wasm_u64x2_extend_high_u32x4"],
        "f32x4": ["wasm_f32x4_abs", "wasm_f32x4_neg", "wasm_f32x4_sqrt",
                  "wasm_f32x4_ceil", "wasm_f32x4_floor", "wasm_f32x4_nearest",
                  "wasm_f32x4_convert_i32x4", "wasm_f32x4_demote_f64x2_zero"],
        "f64x2": ["wasm_f64x2_abs", "wasm_f64x2_neg", "wasm_f64x2_sqrt",
                  "wasm_f64x2_trunc", "wasm_f64x2_floor",
                  "wasm_f64x2_promote_low_f32x4", "wasm_f64x2_convert_low_i32x4"],
    }
    SIMD_SHIFTS = {
        "i8x16": ["wasm_i8x16_shl", "wasm_u8x16_shr"],
        "i16x8": ["wasm_i16x8_shl", "wasm_i16x8_shr"],
        "i32x4": ["wasm_i32x4_shl", "wasm_i32x4_shr", "wasm_u32x4_shr"],
        "i64x2": ["wasm_i64x2_shl", "wasm_u64x2_shr"],
    }

    def vec_load(self, shape):
        array, elems, lanes, _ = self.SHAPES[shape]
        idx = self.index_expr(elems, lanes)
        k = self.rng.below(8)
        if k == 0 and shape == "i16x8":
            return "wasm_i16x8_load8x8(&%s[%s])" % (array, idx)
        if k == 0 and shape == "i32x4":
            return "wasm_u32x4_load16x4(&%s[%s])" % (array, idx)
        if k == 1:
            return "wasm_v128_load32_splat(&%s[%s])" % (array, idx)
        if k == 2:
            return "wasm_v128_load64_zero(&%s[%s])" % (array, idx)
        return "wasm_v128_load(&%s[%s])" % (array, idx)

    def vec_op(self, shape, acc, x):
        rng = self.rng
        k = rng.below(10)
        if k < 5:
            return "%s(%s, %s)" % (rng.pick(self.SIMD_BINARY[shape]), acc, x)
        if k < 7:
            return "%s(%s)" % (rng.pick(self.SIMD_UNARY[shape]), acc)
        if k == 7 and shape in self.SIMD_SHIFTS:
            return "%s(%s, %s & %du)" % (rng.pick(self.SIMD_SHIFTS[shape]), acc,
                                         self.u(), rng.pick([7, 15, 31, 63]))
        if k == 8:
            return "wasm_i8x16_shuffle(%s, %s, %s)" % (
                acc, x, ", ".join(str(rng.below(32)) for _ in range(16)))
        cmp = {"f32x4": "wasm_f32x4_gt", "f64x2": "wasm_f64x2_lt",
               "i64x2": "wasm_i64x2_ne"}.get(shape, "wasm_i32x4_lt")
        return "wasm_v128_bitselect(%s, %s, %s(%s, %s))" % (acc, x, cmp, x, acc)

    def vec_reduce(self, shape, acc):
        rng = self.rng
        k = rng.below(7)
        if shape == "f32x4" and k < 3:
            return "%s += wasm_f32x4_extract_lane(%s, %d);" % (self.s(), acc,
                                                               rng.below(4))
        if shape == "f64x2" and k < 3:
            return "%s += wasm_f64x2_extract_lane(%s, %d);" % (self.d(), acc,
                                                               rng.below(2))
        if k == 0:
            return "%s ^= (uint32_t)wasm_i32x4_extract_lane(%s, %d);" % (
                self.u(), acc, rng.below(4))
        if k == 1:
            return "%s += wasm_u16x8_extract_lane(%s, %d);" % (
                self.u(), acc, rng.below(8))
        if k == 2:
            return "%s += (uint64_t)wasm_i64x2_extract_lane(%s, %d);" % (
                self.l(), acc, rng.below(2))
        if k == 3:
            return "%s += wasm_i8x16_bitmask(%s);" % (self.u(), acc)
        if k == 4:
            return "if (wasm_v128_any_true(%s)) ++%s;" % (acc, self.u())
        if k == 5:
            return "%s ^= (uint32_t)wasm_%s_all_true(%s);" % (
                self.u(), rng.pick(["i8x16", "i16x8", "i32x4", "i64x2"]), acc)
        return "%s -= (uint32_t)wasm_i8x16_extract_lane(%s, %d);" % (
            self.u(), acc, rng.below(16))

    def stmt_simd(self, depth):
        rng = self.rng
        shape = rng.pick(list(self.SHAPES))
        array, elems, lanes, splat = self.SHAPES[shape]
        scalar = {"i64x2": self.l(), "f32x4": self.s(),
                  "f64x2": self.d()}.get(shape, self.u())
        v, i = self.fresh("v"), self.fresh("i")
        self.emit("{")
        self.indent += 1
        self.emit("v128_t %s = %s;" % (v, splat % scalar))
        self.emit("for (uint32_t %s = 0; %s < %s; ++%s) {" % (i, i, self.bound(),
                                                              i))
        self.indent += 1
        self.loop_vars.append(i)
        x = self.fresh("x")
        self.emit("v128_t %s = %s;" % (x, self.vec_load(shape)))
        for _ in range(rng.between(2, 5)):
            self.emit("%s = %s;" % (v, self.vec_op(shape, v, x)))
        if rng.chance(40):
            self.emit("wasm_v128_store(&%s[%s], %s);"
                      % (array, self.index_expr(elems, lanes), v))
        self.loop_vars.pop()
        self.indent -= 1
        self.emit("}")
        for _ in range(rng.between(1, 2)):
            self.emit(self.vec_reduce(shape, v))
        self.indent -= 1
        self.emit("}")

    # -- whole function ----------------------------------------------------

    def convert(self, param, to):
        ty, name = param
        table = {
            "uint32_t": {"u": "%s", "l": "(uint64_t)%s * 0x9E3779B97F4A7C15ull",
                         "d": "(double)%s", "s": "(float)%s"},
            "uint64_t": {"u": "(uint32_t)(%s ^ (%s >> 32))", "l": "%s",
                         "d": "(double)%s", "s": "(float)%s"},
            "double": {"u": "d2u(%s)", "l": "(uint64_t)d2u(%s)", "d": "%s",
                       "s": "(float)%s"},
            "float": {"u": "f2u(%s)", "l": "(uint64_t)f2u(%s)",
                      "d": "(double)%s", "s": "%s"},
            "const struct node *": {"u": "(%s ? %s->key : 0u)",
                                    "l": "(uint64_t)(%s ? %s->key : 1u)",
                                    "d": "(%s ? %s->weight : 0.0)",
                                    "s": "(%s ? (float)%s->val : 0.0f)"},
        }
        fmt = table[ty][to]
        return fmt.replace("%s", name)

    def write(self):
        rng = self.rng
        ret, params = self.sig
        head = "%s f%d(%s) {" % (ret, self.index, ", ".join(
            "%s %s" % p for p in params))
        self.emit("uint32_t %s;" % ", ".join(
            "u%d = %s ^ %s" % (k, self.convert(params[k % len(params)], "u"),
                               hex32(rng)) for k in range(self.NU)))
        self.emit("uint64_t %s;" % ", ".join(
            "l%d = %s" % (k, self.convert(params[(k + 1) % len(params)], "l"))
            for k in range(self.NL)))
        self.emit("double %s;" % ", ".join(
            "d%d = %s * %s" % (k, self.convert(params[k % len(params)], "d"),
                               small_float(rng)) for k in range(self.ND)))
        self.emit("float %s;" % ", ".join(
            "s%d = %s" % (k, self.convert(params[(k + 1) % len(params)], "s"))
            for k in range(self.NS)))
        self.block(0)
        if ret == "uint32_t":
            self.emit("return u0 ^ u1 ^ (u2 + u3) ^ (uint32_t)l0 ^ d2u(d0) ^ "
                      "f2u(s0);")
        elif ret == "uint64_t":
            self.emit("return l0 + l1 + u0 + ((uint64_t)u1 << 32) + "
                      "d2u(d1);")
        elif ret == "double":
            self.emit("return d0 + d1 * 0.5 + d2 + (double)(u0 ^ u3) + s1;")
        elif ret == "float":
            self.emit("return s0 + s1 + (float)(d0 + d1) + (float)(u1 & "
                      "0xffu);")
        else:
            self.emit("g_u32[(u0 ^ u2) & %du] += u1 ^ u3 ^ (uint32_t)l1;"
                      % (U32_WORDS - 1))
            self.emit("g_f64[u3 & %du] = d0 + d1 + d2 + s0;" % (F64_WORDS - 1))
        return [head] + self.lines + ["}", ""]


def prototype(index, sig):
    ret, params = sig
    return "%s f%d(%s);" % (ret, index, ", ".join(ty for ty, _ in params))


COMMON_H = """\
/* Generated by bench/validate/gen_module.py; do not edit. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H
#include <math.h>
#include <stdint.h>
#include <string.h>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

struct node {
  uint32_t key;
  int32_t val;
  double weight;
  const struct node *next;
};

extern uint32_t g_u32[%(U32_WORDS)d];
extern uint64_t g_u64[%(U64_WORDS)d];
extern double g_f64[%(F64_WORDS)d];
extern float g_f32[%(F32_WORDS)d];
extern uint8_t g_bytes[%(BYTES)d];
extern struct node g_nodes[%(NODES)d];
extern uint32_t (*const g_dispatch[%(DISPATCH)d])(uint32_t, uint32_t);
extern uint32_t g_budget, g_depth;

/* Calls are rationed so that the program finishes quickly if run. */
#define CALL_GUARD(stmt)                                                       \\
  do {                                                                         \\
    if (g_budget != 0 && g_depth < 16) {                                       \\
      --g_budget;                                                              \\
      ++g_depth;                                                               \\
      stmt;                                                                    \\
      --g_depth;                                                               \\
    }                                                                          \\
  } while (0)

static inline uint32_t rotl32(uint32_t x, uint32_t n) {
  return (x << (n & 31u)) | (x >> ((32u - n) & 31u));
}
static inline uint64_t rotl64(uint64_t x, uint32_t n) {
  return (x << (n & 63u)) | (x >> ((64u - n) & 63u));
}
/* Float-to-int conversions that are defined for every input. */
static inline uint32_t d2u(double d) {
  return (d >= 0.0 && d < 4294967296.0) ? (uint32_t)d : 0u;
}
static inline uint32_t f2u(float f) {
  return (f >= 0.0f && f < 4294967296.0f) ? (uint32_t)f : 0u;
}

"""


def generate(out_dir, functions, units, seed, simd):
    rng = Rng(seed)
    sigs = [SIGS[rng.weighted(dict(enumerate(SIG_WEIGHTS)))]
            for _ in range(functions)]
    if SIGS[0] not in sigs:
        sigs[0] = SIGS[0]  # the dispatch table needs one of these
    os.makedirs(out_dir, exist_ok=True)

    with open(os.path.join(out_dir, "common.h"), "w") as f:
        f.write(COMMON_H % globals())
        for index, sig in enumerate(sigs):
            f.write(prototype(index, sig) + "\n")
        for unit in range(units):
            f.write("uint32_t unit_%d_run(uint32_t seed);\n" % unit)
        f.write("#endif\n")

    sources = []
    per_unit = (functions + units - 1) // units
    for unit in range(units):
        first, last = unit * per_unit, min(functions, (unit + 1) * per_unit)
        lines = ['#include "common.h"', ""]
        for index in range(first, last):
            flavour = rng.weighted(FLAVOUR_WEIGHTS)
            # Any earlier function, and a few near neighbours more often, as
            # helper functions tend to sit close to their callers.
            callees = [(j, sigs[j]) for j in
                       range(max(0, index - 40), index)]
            if index > 0:
                callees += [(j, sigs[j]) for j in
                            (rng.below(index) for _ in range(4))]
            writer = FunctionWriter(rng, index, sigs[index], flavour, callees,
                                    simd)
            lines.extend(writer.write())
        lines.append("uint32_t unit_%d_run(uint32_t seed) {" % unit)
        lines.append("  uint32_t h = seed;")
        for index in range(first, last):
            call = "f%d(%s)" % (index, ", ".join(
                {"uint32_t": "h ^ %du" % index, "uint64_t": "(uint64_t)h << 7",
                 "double": "(double)(h & 1023u)", "float": "(float)(h & 255u)",
                 "const struct node *": "&g_nodes[h & %du]" % (NODES - 1)}[ty]
                for ty, _ in sigs[index][1]))
            ret = sigs[index][0]
            lines.append("  g_budget = 24;")
            if ret == "void":
                lines.append("  %s;" % call)
            elif ret in ("double", "float"):
                lines.append("  h = h * 31u + d2u(fabs((double)%s));" % call)
            else:
                lines.append("  h = h * 31u + (uint32_t)%s;" % call)
        lines += ["  return h;", "}", ""]
        name = "unit_%02d.c" % unit
        with open(os.path.join(out_dir, name), "w") as f:
            f.write("\n".join(lines))
        sources.append(name)

    sig0 = [index for index, sig in enumerate(sigs) if sig is SIGS[0]]
    table = [sig0[(k * 7919) % len(sig0)] for k in range(DISPATCH)]
    main = ['#include "common.h"', "#include <stdio.h>", "",
            "uint32_t g_u32[%d];" % U32_WORDS, "uint64_t g_u64[%d];" % U64_WORDS,
            "double g_f64[%d];" % F64_WORDS, "float g_f32[%d];" % F32_WORDS,
            "uint8_t g_bytes[%d];" % BYTES, "struct node g_nodes[%d];" % NODES,
            "uint32_t g_budget, g_depth;", "",
            "uint32_t (*const g_dispatch[%d])(uint32_t, uint32_t) = {" % DISPATCH]
    main += ["  f%d," % index for index in table]
    main += ["};", "",
             "int main(int argc, char **argv) {",
             "  (void)argv;",
             "  uint32_t h = 0x12345678u ^ (uint32_t)argc;",
             "  for (uint32_t i = 0; i < %du; ++i) {" % BYTES,
             "    h = h * 1103515245u + 12345u;",
             "    g_bytes[i] = (uint8_t)(\"abc xyz 0123456789\\n.,;\"[(h >> 16) % 22u]);",
             "    if (i < %du) g_u32[i] = h;" % U32_WORDS,
             "    if (i < %du) g_u64[i] = (uint64_t)h * h;" % U64_WORDS,
             "    if (i < %du) g_f64[i] = (double)(h >> 8) / 65536.0;" % F64_WORDS,
             "    if (i < %du) g_f32[i] = (float)(h >> 20) - 2048.0f;" % F32_WORDS,
             "  }",
             "  for (uint32_t i = 0; i < %du; ++i) {" % NODES,
             "    g_nodes[i].key = g_u32[i];",
             "    g_nodes[i].val = (int32_t)(g_u32[i + 1] % 200u) - 100;",
             "    g_nodes[i].weight = g_f64[i];",
             "    g_nodes[i].next = (i %% 17u) == 16u ? 0 : &g_nodes[(i * 37u + 11u) %% %du];" % NODES,
             "  }",
             "  uint32_t sum = 0;"]
    main += ["  sum = sum * 33u + unit_%d_run(h + %du);" % (u, u)
             for u in range(units)]
    main += ['  printf("checksum %08x\\n", (unsigned)sum);', "  return 0;", "}",
             ""]
    with open(os.path.join(out_dir, "main.c"), "w") as f:
        f.write("\n".join(main))
    sources.append("main.c")
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--functions", type=int, default=1800)
    parser.add_argument("--units", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-simd", action="store_true",
                        help="emit no <wasm_simd128.h> code")
    args = parser.parse_args()
    if args.functions < 1 or args.units < 1:
        parser.error("--functions and --units must be positive")
    units = min(args.units, args.functions)
    for name in generate(args.out_dir, args.functions, units, args.seed,
                         not args.no_simd):
        print(name)


if __name__ == "__main__":
    sys.exit(main())
