;; Atomic memory accesses (threads) in executables. The argument count picks
;; the case; each-case.py runs them all and prints what each wrote to stderr
;; and its exit status. On x86_64 natively, aarch64 and riscv64 under qemu,
;; each at -O2 and -O0, with guard pages and explicit bounds checks (atomics
;; are checked explicitly in both).
;;   0: one "NAME=OLD/CELL" or "NAME=VALUE" per access, in hex (the cell
;;      in full, 16 digits, the rest without leading zeros, so that a
;;      result wider than its access would show), through fd_write. On
;;      memory 1 (shared), from the 8-byte cell at 8 set to a pattern:
;;      every read-modify-write (add, sub, and, or, xor, xchg) at every
;;      width (i32: 32, 8, 16 bits; i64: 64, 8, 16, 32), its old value
;;      zero-extended and the cell after, only the access's bytes changed:
;;      add and sub wrap around within their width (the operand truncated
;;      to it); cmpxchg at every width, succeeding ("ok") with an expected
;;      value that matches once wrapped to the width (i32 -1 for a byte of
;;      0xff, 0x1ccddeeff for 32 bits of 0xccddeeff) and failing ("no"),
;;      the cell then unchanged (the 64-bit one differing only in its top
;;      byte); atomic loads of every width, at offsets, and stores of every
;;      width, read back; an atomic rmw on memory 0 (unshared) at an address
;;      that is left 0 in memory 1; on memory 2, a shared memory64, rmw,
;;      cmpxchg, load, xchg at i64 addresses. memory.atomic.wait32/64: 1
;;      when the value differs (the timeout forever: it must not block; the
;;      64-bit value differs only in its high half), 2 when equal with a
;;      timeout of 0 and of 1 ms (the clock then saw at least 1 ms pass:
;;      "/1"), on memory 1 and on memory 2; notify: 0, nobody waiting (on
;;      memory 0, unshared, too). Exit status 0.
;;   1-14: traps, status 134: "unaligned atomic" (1: a load at 2; 2: an
;;      8-byte cmpxchg at 4; 11: a memory64 store at 12; 12: notify at 2;
;;      14: a 16-bit rmw at 65 on unshared memory 0), "out of bounds memory
;;      access" (3: a store just past the end; 4, 5: accesses both
;;      unaligned and out of bounds, so out of bounds wins, one by its
;;      offset; 8, 9: the same on the memory64; 10: a memory64 index and
;;      offset whose sum wraps to 8; 13: an rmw past the end of unshared
;;      memory 0), "expected shared memory" (6, 7: wait32 and wait64 on
;;      unshared memory 0, the value equal and not; the runtime traps, so
;;      no function is named).

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard-O0 -O0
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit-O0 -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard-O0 --target=aarch64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit-O0 --target=aarch64-linux -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard-O0 --target=riscv64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit-O0 --target=riscv64-linux -O0 --bounds-checks=explicit
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-x86_64 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-x86_64 %t/x86_64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-aarch64 %t/aarch64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-aarch64 %t/aarch64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-aarch64 %t/aarch64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-riscv64 %t/riscv64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-riscv64 %t/riscv64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 15 %run-riscv64 %t/riscv64-explicit-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: i32.rmw.add=ccddeeff/8899aabb00000001 i32.rmw8.add_u=ff/8899aabbccddee01 i32.rmw16.add_u=eeff/8899aabbccdd0001
;; CHECK-SAME: {{ }}i64.rmw.add=8899aabbccddeeff/0000000000000001 i64.rmw8.add_u=ff/8899aabbccddee01
;; CHECK-SAME: {{ }}i64.rmw16.add_u=eeff/8899aabbccdd0001 i64.rmw32.add_u=ccddeeff/8899aabb00000001
;; CHECK-SAME: {{ }}i32.rmw.sub=1/8899aabbffffffff i32.rmw8.sub_u=1/8899aabb000000ff i32.rmw16.sub_u=1/8899aabb0000ffff
;; CHECK-SAME: {{ }}i64.rmw.sub=8899aabb00000001/ffffffffffffffff i64.rmw8.sub_u=1/8899aabb000000ff
;; CHECK-SAME: {{ }}i64.rmw16.sub_u=1/8899aabb0000ffff i64.rmw32.sub_u=1/8899aabbffffffff
;; CHECK-SAME: {{ }}i32.rmw.and=f0f0f0f0/f0f0f0f030303030 i32.rmw8.and_u=f0/f0f0f0f0f0f0f030 i32.rmw16.and_u=f0f0/f0f0f0f0f0f03030
;; CHECK-SAME: {{ }}i64.rmw.and=f0f0f0f0f0f0f0f0/3030303030303030 i64.rmw8.and_u=f0/f0f0f0f0f0f0f030
;; CHECK-SAME: {{ }}i64.rmw16.and_u=f0f0/f0f0f0f0f0f03030 i64.rmw32.and_u=f0f0f0f0/f0f0f0f030303030
;; CHECK-SAME: {{ }}i32.rmw.or=f0f0f0f0/f0f0f0f0ffffffff i32.rmw8.or_u=f0/f0f0f0f0f0f0f0ff i32.rmw16.or_u=f0f0/f0f0f0f0f0f0ffff
;; CHECK-SAME: {{ }}i64.rmw.or=f0f0f0f0f0f0f0f0/ffffffffffffffff i64.rmw8.or_u=f0/f0f0f0f0f0f0f0ff
;; CHECK-SAME: {{ }}i64.rmw16.or_u=f0f0/f0f0f0f0f0f0ffff i64.rmw32.or_u=f0f0f0f0/f0f0f0f0ffffffff
;; CHECK-SAME: {{ }}i32.rmw.xor=f0f0f0f0/f0f0f0f00f0f0f0f i32.rmw8.xor_u=f0/f0f0f0f0f0f0f00f i32.rmw16.xor_u=f0f0/f0f0f0f0f0f00f0f
;; CHECK-SAME: {{ }}i64.rmw.xor=f0f0f0f0f0f0f0f0/0f0f0f0f0f0f0f0f i64.rmw8.xor_u=f0/f0f0f0f0f0f0f00f
;; CHECK-SAME: {{ }}i64.rmw16.xor_u=f0f0/f0f0f0f0f0f00f0f i64.rmw32.xor_u=f0f0f0f0/f0f0f0f00f0f0f0f
;; CHECK-SAME: {{ }}i32.rmw.xchg=ccddeeff/8899aabb89abcdef i32.rmw8.xchg_u=ff/8899aabbccddeeef i32.rmw16.xchg_u=eeff/8899aabbccddcdef
;; CHECK-SAME: {{ }}i64.rmw.xchg=8899aabbccddeeff/0123456789abcdef i64.rmw8.xchg_u=ff/8899aabbccddeeef
;; CHECK-SAME: {{ }}i64.rmw16.xchg_u=eeff/8899aabbccddcdef i64.rmw32.xchg_u=ccddeeff/8899aabb89abcdef
;; CHECK-SAME: {{ }}i32.rmw.cmpxchg.ok=ccddeeff/8899aabb89ab0011 i32.rmw.cmpxchg.no=ccddeeff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i32.rmw8.cmpxchg_u.ok=ff/8899aabbccddee11 i32.rmw8.cmpxchg_u.no=ff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i32.rmw16.cmpxchg_u.ok=eeff/8899aabbccdd0011 i32.rmw16.cmpxchg_u.no=eeff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i64.rmw.cmpxchg.ok=8899aabbccddeeff/0123456789ab0011 i64.rmw.cmpxchg.no=8899aabbccddeeff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i64.rmw8.cmpxchg_u.ok=ff/8899aabbccddee11 i64.rmw8.cmpxchg_u.no=ff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i64.rmw16.cmpxchg_u.ok=eeff/8899aabbccdd0011 i64.rmw16.cmpxchg_u.no=eeff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i64.rmw32.cmpxchg_u.ok=ccddeeff/8899aabb89ab0011 i64.rmw32.cmpxchg_u.no=ccddeeff/8899aabbccddeeff
;; CHECK-SAME: {{ }}i32.load=89abcdef i32.load8_u=1 i32.load16_u=89ab i64.load=123456789abcdef
;; CHECK-SAME: {{ }}i64.load8_u=cd i64.load16_u=123 i64.load32_u=1234567 stores=dd225566bbcccdaa
;; CHECK-SAME: {{ }}store32=cafef00d
;; CHECK-SAME: {{ }}io.rmw.add=0/0000000000000005 s.64=0
;; CHECK-SAME: {{ }}w.rmw.add=1111111111111111/1111111111111112 w.rmw16.cmpxchg_u=1111/11111111beef1112
;; CHECK-SAME: {{ }}w.load8_u=be w.rmw32.xchg_u=11111111/00000022beef1112
;; CHECK-SAME: {{ }}wait32.ne=1 wait32.t0=2 wait32.1ms=2/1 wait64.ne=1 wait64.t0=2 wait64.1ms=2/1
;; CHECK-SAME: {{ }}notify=0 notify.all=0 notify.io=0 w.wait64.t0=2 w.wait32.ne=1 w.notify=0 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: unaligned atomic, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 2: wasm trap: unaligned atomic, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 3: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 4: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 5: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 6: wasm trap: expected shared memory, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 7: wasm trap: expected shared memory, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 8: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 9: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 10: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 11: wasm trap: unaligned atomic, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 12: wasm trap: unaligned atomic, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 13: wasm trap: out of bounds memory access, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 14: wasm trap: unaligned atomic, in function start exit status 134{{$}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get"
    (func $clock (param i32 i64 i32) (result i32)))
  ;; Memory 0: unshared, for WASI's buffers (and some atomics); 1, shared;
  ;; 2, a shared memory64.
  (memory $io (export "memory") 1)
  (memory $s 1 1 shared)
  (memory $w i64 1 1 shared)
  ;; Where the next output byte goes (memory 0, from 4096).
  (global $pos (mut i32) (i32.const 4096))
  ;; Whether the last timed wait took its timeout, at least.
  (global $waited (mut i32) (i32.const 0))

  ;; The names of the values, in order, from 1024.
  (data $io (i32.const 1024)
    "i32.rmw.addi32.rmw8.add_ui32.rmw16.add_ui64.rmw.addi64.rmw8."
    "add_ui64.rmw16.add_ui64.rmw32.add_ui32.rmw.subi32.rmw8.sub_u"
    "i32.rmw16.sub_ui64.rmw.subi64.rmw8.sub_ui64.rmw16.sub_ui64.r"
    "mw32.sub_ui32.rmw.andi32.rmw8.and_ui32.rmw16.and_ui64.rmw.an"
    "di64.rmw8.and_ui64.rmw16.and_ui64.rmw32.and_ui32.rmw.ori32.r"
    "mw8.or_ui32.rmw16.or_ui64.rmw.ori64.rmw8.or_ui64.rmw16.or_ui"
    "64.rmw32.or_ui32.rmw.xori32.rmw8.xor_ui32.rmw16.xor_ui64.rmw"
    ".xori64.rmw8.xor_ui64.rmw16.xor_ui64.rmw32.xor_ui32.rmw.xchg"
    "i32.rmw8.xchg_ui32.rmw16.xchg_ui64.rmw.xchgi64.rmw8.xchg_ui6"
    "4.rmw16.xchg_ui64.rmw32.xchg_ui32.rmw.cmpxchg.oki32.rmw.cmpx"
    "chg.noi32.rmw8.cmpxchg_u.oki32.rmw8.cmpxchg_u.noi32.rmw16.cm"
    "pxchg_u.oki32.rmw16.cmpxchg_u.noi64.rmw.cmpxchg.oki64.rmw.cm"
    "pxchg.noi64.rmw8.cmpxchg_u.oki64.rmw8.cmpxchg_u.noi64.rmw16."
    "cmpxchg_u.oki64.rmw16.cmpxchg_u.noi64.rmw32.cmpxchg_u.oki64."
    "rmw32.cmpxchg_u.noi32.loadi32.load8_ui32.load16_ui64.loadi64"
    ".load8_ui64.load16_ui64.load32_ustoresstore32io.rmw.adds.64w"
    ".rmw.addw.rmw16.cmpxchg_uw.load8_uw.rmw32.xchg_uwait32.newai"
    "t32.t0wait32.1mswait64.newait64.t0wait64.1msnotifynotify.all"
    "notify.iow.wait64.t0w.wait32.new.notify")

  ;; Appends the len bytes at off.
  (func $str (param $off i32) (param $len i32)
    (memory.copy $io $io (global.get $pos) (local.get $off) (local.get $len))
    (global.set $pos (i32.add (global.get $pos) (local.get $len))))
  (func $char (param $c i32)
    (i32.store8 $io (global.get $pos) (local.get $c))
    (global.set $pos (i32.add (global.get $pos) (i32.const 1))))
  ;; Appends v in hex, at least min digits.
  (func $hex (param $v i64) (param $min i32)
    (local $n i32) (local $d i32)
    (local.set $n (i32.const 16))
    (block $done
      (loop $count
        (br_if $done (i32.le_u (local.get $n) (local.get $min)))
        (br_if $done (i64.ne (i64.shr_u (local.get $v)
                                        (i64.extend_i32_u (i32.shl (i32.sub (local.get $n) (i32.const 1))
                                                                   (i32.const 2))))
                             (i64.const 0)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $count)))
    (loop $digit
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.set $d (i32.wrap_i64 (i64.and (i64.shr_u (local.get $v)
                                                      (i64.extend_i32_u (i32.shl (local.get $n) (i32.const 2))))
                                           (i64.const 15))))
      (call $char (i32.add (local.get $d)
                           (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $d) (i32.const 10)))))
      (br_if $digit (local.get $n))))
  ;; "NAME=V " (NAME the len bytes at off).
  (func $val (param $off i32) (param $len i32) (param $v i64)
    (call $str (local.get $off) (local.get $len))
    (call $char (i32.const 61))
    (call $hex (local.get $v) (i32.const 1))
    (call $char (i32.const 32)))
  ;; "NAME=OLD/CELL " (CELL at least min digits).
  (func $item (param $off i32) (param $len i32) (param $old i64) (param $cell i64) (param $min i32)
    (call $str (local.get $off) (local.get $len))
    (call $char (i32.const 61))
    (call $hex (local.get $old) (i32.const 1))
    (call $char (i32.const 47))
    (call $hex (local.get $cell) (local.get $min))
    (call $char (i32.const 32)))
  ;; Writes the output to stderr.
  (func $flush
    (i32.store $io (i32.const 0) (i32.const 4096))
    (i32.store $io (i32.const 4) (i32.sub (global.get $pos) (i32.const 4096)))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 16))))
  ;; The monotonic clock, in ns.
  (func $now (result i64)
    (drop (call $clock (i32.const 1) (i64.const 0) (i32.const 8)))
    (i64.load $io (i32.const 8)))
  ;; wait32/wait64 on memory 1 at p, noting in $waited whether at least
  ;; the timeout passed.
  (func $timed32 (param $p i32) (param $e i32) (param $t i64) (result i32)
    (local $start i64) (local $r i32)
    (local.set $start (call $now))
    (local.set $r (memory.atomic.wait32 $s (local.get $p) (local.get $e) (local.get $t)))
    (global.set $waited (i64.ge_u (i64.sub (call $now) (local.get $start)) (local.get $t)))
    (local.get $r))
  (func $timed64 (param $p i32) (param $e i64) (param $t i64) (result i32)
    (local $start i64) (local $r i32)
    (local.set $start (call $now))
    (local.set $r (memory.atomic.wait64 $s (local.get $p) (local.get $e) (local.get $t)))
    (global.set $waited (i64.ge_u (i64.sub (call $now) (local.get $start)) (local.get $t)))
    (local.get $r))

  ;; Case 0. Each read-modify-write: the cell at 8 of memory 1 set, the
  ;; operator applied, its old value and the cell shown (the name at the
  ;; given offset and length of the data above). The operands: for add, a
  ;; value that carries out of every width; for sub, one above the cell at
  ;; every width (truncated from i64 for the narrow forms).
  (func $functional
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1024) (i32.const 11)
      (i64.extend_i32_u (i32.atomic.rmw.add $s (i32.const 8) (i32.const 0x33221102)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1035) (i32.const 14)
      (i64.extend_i32_u (i32.atomic.rmw8.add_u $s (i32.const 8) (i32.const 0x33221102)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1049) (i32.const 15)
      (i64.extend_i32_u (i32.atomic.rmw16.add_u $s (i32.const 8) (i32.const 0x33221102)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1064) (i32.const 11)
      (i64.atomic.rmw.add $s (i32.const 8) (i64.const 0x7766554433221102))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1075) (i32.const 14)
      (i64.atomic.rmw8.add_u $s (i32.const 8) (i64.const 0x7766554433221102))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1089) (i32.const 15)
      (i64.atomic.rmw16.add_u $s (i32.const 8) (i64.const 0x7766554433221102))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1104) (i32.const 15)
      (i64.atomic.rmw32.add_u $s (i32.const 8) (i64.const 0x7766554433221102))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1119) (i32.const 11)
      (i64.extend_i32_u (i32.atomic.rmw.sub $s (i32.const 8) (i32.const 0x2)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1130) (i32.const 14)
      (i64.extend_i32_u (i32.atomic.rmw8.sub_u $s (i32.const 8) (i32.const 0x2)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1144) (i32.const 15)
      (i64.extend_i32_u (i32.atomic.rmw16.sub_u $s (i32.const 8) (i32.const 0x2)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1159) (i32.const 11)
      (i64.atomic.rmw.sub $s (i32.const 8) (i64.const 0x8899aabb00000002))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1170) (i32.const 14)
      (i64.atomic.rmw8.sub_u $s (i32.const 8) (i64.const 0x8899aabb00000002))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1184) (i32.const 15)
      (i64.atomic.rmw16.sub_u $s (i32.const 8) (i64.const 0x8899aabb00000002))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabb00000001))
    (call $item (i32.const 1199) (i32.const 15)
      (i64.atomic.rmw32.sub_u $s (i32.const 8) (i64.const 0x8899aabb00000002))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1214) (i32.const 11)
      (i64.extend_i32_u (i32.atomic.rmw.and $s (i32.const 8) (i32.const 0x3c3c3c3c)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1225) (i32.const 14)
      (i64.extend_i32_u (i32.atomic.rmw8.and_u $s (i32.const 8) (i32.const 0x3c3c3c3c)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1239) (i32.const 15)
      (i64.extend_i32_u (i32.atomic.rmw16.and_u $s (i32.const 8) (i32.const 0x3c3c3c3c)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1254) (i32.const 11)
      (i64.atomic.rmw.and $s (i32.const 8) (i64.const 0x3c3c3c3c3c3c3c3c))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1265) (i32.const 14)
      (i64.atomic.rmw8.and_u $s (i32.const 8) (i64.const 0x3c3c3c3c3c3c3c3c))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1279) (i32.const 15)
      (i64.atomic.rmw16.and_u $s (i32.const 8) (i64.const 0x3c3c3c3c3c3c3c3c))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1294) (i32.const 15)
      (i64.atomic.rmw32.and_u $s (i32.const 8) (i64.const 0x3c3c3c3c3c3c3c3c))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1309) (i32.const 10)
      (i64.extend_i32_u (i32.atomic.rmw.or $s (i32.const 8) (i32.const 0xf0f0f0f)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1319) (i32.const 13)
      (i64.extend_i32_u (i32.atomic.rmw8.or_u $s (i32.const 8) (i32.const 0xf0f0f0f)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1332) (i32.const 14)
      (i64.extend_i32_u (i32.atomic.rmw16.or_u $s (i32.const 8) (i32.const 0xf0f0f0f)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1346) (i32.const 10)
      (i64.atomic.rmw.or $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1356) (i32.const 13)
      (i64.atomic.rmw8.or_u $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1369) (i32.const 14)
      (i64.atomic.rmw16.or_u $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1383) (i32.const 14)
      (i64.atomic.rmw32.or_u $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1397) (i32.const 11)
      (i64.extend_i32_u (i32.atomic.rmw.xor $s (i32.const 8) (i32.const 0xffffffff)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1408) (i32.const 14)
      (i64.extend_i32_u (i32.atomic.rmw8.xor_u $s (i32.const 8) (i32.const 0xffffffff)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1422) (i32.const 15)
      (i64.extend_i32_u (i32.atomic.rmw16.xor_u $s (i32.const 8) (i32.const 0xffffffff)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1437) (i32.const 11)
      (i64.atomic.rmw.xor $s (i32.const 8) (i64.const 0xffffffffffffffff))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1448) (i32.const 14)
      (i64.atomic.rmw8.xor_u $s (i32.const 8) (i64.const 0xffffffffffffffff))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1462) (i32.const 15)
      (i64.atomic.rmw16.xor_u $s (i32.const 8) (i64.const 0xffffffffffffffff))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0xf0f0f0f0f0f0f0f0))
    (call $item (i32.const 1477) (i32.const 15)
      (i64.atomic.rmw32.xor_u $s (i32.const 8) (i64.const 0xffffffffffffffff))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1492) (i32.const 12)
      (i64.extend_i32_u (i32.atomic.rmw.xchg $s (i32.const 8) (i32.const 0x89abcdef)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1504) (i32.const 15)
      (i64.extend_i32_u (i32.atomic.rmw8.xchg_u $s (i32.const 8) (i32.const 0x89abcdef)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1519) (i32.const 16)
      (i64.extend_i32_u (i32.atomic.rmw16.xchg_u $s (i32.const 8) (i32.const 0x89abcdef)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1535) (i32.const 12)
      (i64.atomic.rmw.xchg $s (i32.const 8) (i64.const 0x123456789abcdef))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1547) (i32.const 15)
      (i64.atomic.rmw8.xchg_u $s (i32.const 8) (i64.const 0x123456789abcdef))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1562) (i32.const 16)
      (i64.atomic.rmw16.xchg_u $s (i32.const 8) (i64.const 0x123456789abcdef))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1578) (i32.const 16)
      (i64.atomic.rmw32.xchg_u $s (i32.const 8) (i64.const 0x123456789abcdef))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    ;; cmpxchg at every width, the expected value matching and not; the
    ;; replacement 0x0123456789ab0011, truncated to the width.
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1594) (i32.const 18)
      (i64.extend_i32_u (i32.atomic.rmw.cmpxchg $s (i32.const 8) (i32.const 0xccddeeff) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1612) (i32.const 18)
      (i64.extend_i32_u (i32.atomic.rmw.cmpxchg $s (i32.const 8) (i32.const 0xccddeefe) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1630) (i32.const 21)
      (i64.extend_i32_u (i32.atomic.rmw8.cmpxchg_u $s (i32.const 8) (i32.const 0xffffffff) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1651) (i32.const 21)
      (i64.extend_i32_u (i32.atomic.rmw8.cmpxchg_u $s (i32.const 8) (i32.const 0xfffffffe) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1672) (i32.const 22)
      (i64.extend_i32_u (i32.atomic.rmw16.cmpxchg_u $s (i32.const 8) (i32.const 0x1234eeff) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1694) (i32.const 22)
      (i64.extend_i32_u (i32.atomic.rmw16.cmpxchg_u $s (i32.const 8) (i32.const 0x1234eefe) (i32.const 0x89ab0011)))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1716) (i32.const 18)
      (i64.atomic.rmw.cmpxchg $s (i32.const 8) (i64.const 0x8899aabbccddeeff) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1734) (i32.const 18)
      (i64.atomic.rmw.cmpxchg $s (i32.const 8) (i64.const 0x899aabbccddeeff) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1752) (i32.const 21)
      (i64.atomic.rmw8.cmpxchg_u $s (i32.const 8) (i64.const 0x123456789abcdeff) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1773) (i32.const 21)
      (i64.atomic.rmw8.cmpxchg_u $s (i32.const 8) (i64.const 0x123456789abcdefe) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1794) (i32.const 22)
      (i64.atomic.rmw16.cmpxchg_u $s (i32.const 8) (i64.const 0xfedcba987654eeff) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1816) (i32.const 22)
      (i64.atomic.rmw16.cmpxchg_u $s (i32.const 8) (i64.const 0xfedcba987654effe) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1838) (i32.const 22)
      (i64.atomic.rmw32.cmpxchg_u $s (i32.const 8) (i64.const 0x1ccddeeff) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    (i64.atomic.store $s (i32.const 8) (i64.const 0x8899aabbccddeeff))
    (call $item (i32.const 1860) (i32.const 22)
      (i64.atomic.rmw32.cmpxchg_u $s (i32.const 8) (i64.const 0x1ccddeefe) (i64.const 0x123456789ab0011))
      (i64.atomic.load $s (i32.const 8)) (i32.const 16))
    ;; Loads and stores of every width, round trip.
    (i64.atomic.store $s (i32.const 16) (i64.const 0x0123456789abcdef))
    (call $val (i32.const 1882) (i32.const 8) (i64.extend_i32_u (i32.atomic.load $s (i32.const 16))))
    (call $val (i32.const 1890) (i32.const 11) (i64.extend_i32_u (i32.atomic.load8_u $s offset=7 (i32.const 16))))
    (call $val (i32.const 1901) (i32.const 12) (i64.extend_i32_u (i32.atomic.load16_u $s offset=2 (i32.const 16))))
    (call $val (i32.const 1913) (i32.const 8) (i64.atomic.load $s (i32.const 16)))
    (call $val (i32.const 1921) (i32.const 11) (i64.atomic.load8_u $s (i32.const 17)))
    (call $val (i32.const 1932) (i32.const 12) (i64.atomic.load16_u $s (i32.const 22)))
    (call $val (i32.const 1944) (i32.const 12) (i64.atomic.load32_u $s offset=4 (i32.const 16)))
    (i32.atomic.store8 $s (i32.const 16) (i32.const 0x123456aa))
    (i32.atomic.store16 $s (i32.const 18) (i32.const 0xffffbbcc))
    (i64.atomic.store32 $s (i32.const 20) (i64.const 0xdeadbeef11223344))
    (i64.atomic.store8 $s offset=7 (i32.const 16) (i64.const 0x77777777777777dd))
    (i64.atomic.store16 $s (i32.const 20) (i64.const 0x7777777777775566))
    (i32.atomic.store $s (i32.const 24) (i32.const 0xcafef00d))
    atomic.fence
    (call $val (i32.const 1956) (i32.const 6) (i64.atomic.load $s (i32.const 16)))
    (call $val (i32.const 1962) (i32.const 7) (i64.atomic.load $s (i32.const 24)))
    ;; Memory 0, unshared: atomics work there too, on its own bytes.
    (call $item (i32.const 1969) (i32.const 10)
      (i64.extend_i32_u (i32.atomic.rmw.add $io (i32.const 64) (i32.const 5)))
      (i64.atomic.load $io (i32.const 64)) (i32.const 16))
    (call $val (i32.const 1979) (i32.const 4) (i64.atomic.load $s (i32.const 64)))
    ;; Memory 2, a shared memory64: i64 addresses.
    (i64.atomic.store $w (i64.const 0x100) (i64.const 0x1111111111111111))
    (call $item (i32.const 1983) (i32.const 9)
      (i64.atomic.rmw.add $w offset=8 (i64.const 0xf8) (i64.const 1))
      (i64.atomic.load $w (i64.const 0x100)) (i32.const 16))
    (call $item (i32.const 1992) (i32.const 17)
      (i64.extend_i32_u (i32.atomic.rmw16.cmpxchg_u $w (i64.const 0x102) (i32.const 0x1111) (i32.const 0xbeef)))
      (i64.atomic.load $w (i64.const 0x100)) (i32.const 16))
    (call $val (i32.const 2009) (i32.const 9) (i64.atomic.load8_u $w (i64.const 0x103)))
    (call $item (i32.const 2018) (i32.const 14)
      (i64.atomic.rmw32.xchg_u $w (i64.const 0x104) (i64.const 0x100000022))
      (i64.atomic.load $w (i64.const 0x100)) (i32.const 16))
    ;; wait: 1 when the value differs (never blocking, whatever the timeout),
    ;; 2 when it is equal and the timeout passes; notify: 0, none waiting.
    (i32.atomic.store $s (i32.const 32) (i32.const 7))
    (call $val (i32.const 2032) (i32.const 9) (i64.extend_i32_u (memory.atomic.wait32 $s (i32.const 32) (i32.const 8) (i64.const -1))))
    (call $val (i32.const 2041) (i32.const 9) (i64.extend_i32_u (memory.atomic.wait32 $s (i32.const 32) (i32.const 7) (i64.const 0))))
    (call $item (i32.const 2050) (i32.const 10)
      (i64.extend_i32_u (call $timed32 (i32.const 32) (i32.const 7) (i64.const 1000000)))
      (i64.extend_i32_u (global.get $waited)) (i32.const 1))
    (i64.atomic.store $s (i32.const 40) (i64.const 0x100000007))
    (call $val (i32.const 2060) (i32.const 9) (i64.extend_i32_u (memory.atomic.wait64 $s (i32.const 40) (i64.const 7) (i64.const -1))))
    (call $val (i32.const 2069) (i32.const 9) (i64.extend_i32_u (memory.atomic.wait64 $s (i32.const 40) (i64.const 0x100000007) (i64.const 0))))
    (call $item (i32.const 2078) (i32.const 10)
      (i64.extend_i32_u (call $timed64 (i32.const 40) (i64.const 0x100000007) (i64.const 1000000)))
      (i64.extend_i32_u (global.get $waited)) (i32.const 1))
    (call $val (i32.const 2088) (i32.const 6) (i64.extend_i32_u (memory.atomic.notify $s (i32.const 32) (i32.const 1))))
    (call $val (i32.const 2094) (i32.const 10) (i64.extend_i32_u (memory.atomic.notify $s (i32.const 40) (i32.const -1))))
    (call $val (i32.const 2104) (i32.const 9) (i64.extend_i32_u (memory.atomic.notify $io (i32.const 32) (i32.const 1))))
    (call $val (i32.const 2113) (i32.const 11) (i64.extend_i32_u (memory.atomic.wait64 $w (i64.const 0x100) (i64.const 0x00000022beef1112) (i64.const 0))))
    (call $val (i32.const 2124) (i32.const 11) (i64.extend_i32_u (memory.atomic.wait32 $w (i64.const 0x104) (i32.const 0x23) (i64.const -1))))
    (call $val (i32.const 2135) (i32.const 8) (i64.extend_i32_u (memory.atomic.notify $w (i64.const 0x100) (i32.const 2))))
    (call $flush))

  ;; The argument count picks the case; each trap case traps in $start
  ;; itself.
  (func $start (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c14 (block $c13 (block $c12 (block $c11 (block $c10 (block $c9 (block $c8
    (block $c7 (block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 $c9 $c10 $c11 $c12 $c13 $c14
                (local.get $argc)))
      (call $functional)
      (return))
      ;; 1: i32.atomic.load at 2.
      (drop (i32.atomic.load $s (i32.const 2)))
      (return))
      ;; 2: i64.atomic.rmw.cmpxchg at 4.
      (drop (i64.atomic.rmw.cmpxchg $s (i32.const 4) (i64.const 0) (i64.const 1)))
      (return))
      ;; 3: i32.atomic.store at the end.
      (i32.atomic.store $s (i32.const 65536) (i32.const 1))
      (return))
      ;; 4: i64.atomic.load at 65532: unaligned, and out of bounds.
      (drop (i64.atomic.load $s (i32.const 65532)))
      (return))
      ;; 5: i32.atomic.rmw.add at 0 offset=65535: the same.
      (drop (i32.atomic.rmw.add $s offset=65535 (i32.const 0) (i32.const 1)))
      (return))
      ;; 6: wait32 on memory 0, unshared, its value equal.
      (drop (memory.atomic.wait32 $io (i32.const 64) (i32.const 0) (i64.const 0)))
      (return))
      ;; 7: wait64 on memory 0, its value not equal.
      (drop (memory.atomic.wait64 $io (i32.const 64) (i64.const 1) (i64.const -1)))
      (return))
      ;; 8: memory64: i64.atomic.rmw.add at the end.
      (drop (i64.atomic.rmw.add $w (i64.const 65536) (i64.const 1)))
      (return))
      ;; 9: memory64: i32.atomic.load at 65534, unaligned and out of bounds.
      (drop (i32.atomic.load $w (i64.const 65534)))
      (return))
      ;; 10: memory64: an index and offset whose sum wraps to 8: out of
      ;; bounds, not an access at 8.
      (drop (i64.atomic.load $w offset=0x100000000 (i64.const 0xffffffff00000008)))
      (return))
      ;; 11: memory64: i64.atomic.store at 12.
      (i64.atomic.store $w (i64.const 12) (i64.const 1))
      (return))
      ;; 12: notify at 2.
      (drop (memory.atomic.notify $s (i32.const 2) (i32.const 1)))
      (return))
      ;; 13: memory 0, unshared: i32.atomic.rmw.xchg at the end.
      (drop (i32.atomic.rmw.xchg $io (i32.const 65536) (i32.const 1)))
      (return))
    ;; 14: memory 0: i64.atomic.rmw16.or_u at 65.
    (drop (i64.atomic.rmw16.or_u $io (i32.const 65) (i64.const 1))))
)
