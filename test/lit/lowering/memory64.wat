;; A program on a 64-bit memory 0 (memory64), with a 32-bit memory 1 and an
;; empty 64-bit memory 2 beside it, and a table64; on each target, in both
;; bounds-check modes (a 64-bit memory is checked explicitly in both). In
;; bounds: i64 addresses and offsets past 4 GiB of address arithmetic,
;; memory.size and memory.grow in i64 (growing by 2^32 + 1 pages fails, it
;; is not taken as 1), the bulk operators, memory.copy between a 64-bit and
;; a 32-bit memory, call_indirect, table.size and table.grow on the table64,
;; a memory that grows past 4 GiB. Out of bounds, each trapping: an access
;; across the end, one whose index + offset wraps past 2^64 to an address
;; in bounds, indices that are in bounds once truncated to 32 bits (for
;; loads, stores, the bulk operators, call_indirect and table.get), an
;; offset of 4 GiB, an empty memory until it grows, a 32-bit memory beside
;; them (guard pages). The argument count picks the case.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %python %S/../exe/Inputs/each-case.py 16 %t/x86_64-guard > %t/x86_64-guard.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 16 %t/x86_64-explicit > %t/x86_64-explicit.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 16 %run-aarch64 %t/aarch64-guard > %t/aarch64-guard.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 16 %run-riscv64 %t/riscv64-guard > %t/riscv64-guard.txt
;; RUN: FileCheck %s < %t/x86_64-guard.txt
;; RUN: FileCheck %s < %t/x86_64-explicit.txt
;; RUN: FileCheck %s < %t/aarch64-guard.txt
;; RUN: FileCheck %s < %t/riscv64-guard.txt
;;
;; CHECK: case 0: exit status 3
;; CHECK-NEXT: case 1: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 2: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 3: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 4: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 5: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 6: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 7: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 8: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 9: wasm trap: undefined element{{.*}} exit status 134
;; CHECK-NEXT: case 10: wasm trap: out of bounds table access{{.*}} exit status 134
;; CHECK-NEXT: case 11: wasm trap: out of bounds table access{{.*}} exit status 134
;; CHECK-NEXT: case 12: exit status 3
;; CHECK-NEXT: case 13: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 14: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 15: exit status 3

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  ;; WASI's memory, 64-bit: 1 page, up to 70000 (past 4 GiB).
  (memory $m (export "memory") i64 1 70000)
  (memory $small 1)
  (memory $empty i64 0 1)
  (data (i64.const 0x100) "\2a\00\00\00")
  (data $bytes "abcd")
  (type $to_i32 (func (result i32)))
  (table $t i64 4 funcref)
  (elem (table $t) (i64.const 1) func $seven $eight)
  (func $seven (result i32) (i32.const 7))
  (func $eight (result i32) (i32.const 8))
  (func $addr (param i64) (result i64) (local.get 0)) ;; hides constants
  (func $check (param i32 i32)
    (if (i32.eqz (local.get 0)) (then (call $exit (local.get 1)))))
  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i64.const 0)))
    (block $c15 (block $c14 (block $c13 (block $c12 (block $c11 (block $c10
    (block $c9 (block $c8 (block $c7 (block $c6 (block $c5 (block $c4 (block $c3
    (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 $c9 $c10 $c11 $c12 $c13 $c14 $c15
        (local.get $argc)))
      ;; 0: in bounds.
      (call $check (i32.eq (i32.load (call $addr (i64.const 0x100))) (i32.const 42)) (i32.const 10))
      (i64.store (call $addr (i64.const 0xfff8)) (i64.const 0x1122334455667788))
      (call $check (i64.eq (i64.load (call $addr (i64.const 0xfff8))) (i64.const 0x1122334455667788)) (i32.const 11))
      (call $check (i64.eq (memory.size) (i64.const 1)) (i32.const 12))
      (call $check (i64.eq (memory.grow (i64.const 2)) (i64.const 1)) (i32.const 13))
      (call $check (i64.eq (memory.size) (i64.const 3)) (i32.const 14))
      (i32.store offset=0x20000 (call $addr (i64.const 0xfffc)) (i32.const 5))
      (call $check (i32.eq (i32.load (call $addr (i64.const 0x2fffc))) (i32.const 5)) (i32.const 15))
      (call $check (i64.eq (memory.grow (i64.const 0x100000001)) (i64.const -1)) (i32.const 16))
      (call $check (i64.eq (memory.size) (i64.const 3)) (i32.const 17))
      (memory.fill (call $addr (i64.const 0x10000)) (i32.const 0x61) (i64.const 0x10000))
      (call $check (i32.eq (i32.load8_u (i64.const 0x1ffff)) (i32.const 0x61)) (i32.const 18))
      (memory.init $bytes (i64.const 0x20000) (i32.const 0) (i32.const 4))
      (memory.copy (i64.const 0x20004) (i64.const 0x20000) (i64.const 4))
      (call $check (i64.eq (i64.load (i64.const 0x20000)) (i64.const 0x6463626164636261)) (i32.const 19))
      ;; To the 32-bit memory and back, with i32 lengths.
      (memory.copy $small $m (i32.const 8) (i64.const 0x20000) (i32.const 4))
      (call $check (i32.eq (i32.load $small (i32.const 8)) (i32.const 0x64636261)) (i32.const 20))
      (memory.copy $m $small (i64.const 0x2fff0) (i32.const 8) (i32.const 4))
      (call $check (i32.eq (i32.load (i64.const 0x2fff0)) (i32.const 0x64636261)) (i32.const 21))
      (call $check (i32.eq (call_indirect $t (type $to_i32) (call $addr (i64.const 1))) (i32.const 7)) (i32.const 22))
      (call $check (i32.eq (call_indirect $t (type $to_i32) (call $addr (i64.const 2))) (i32.const 8)) (i32.const 23))
      (call $check (i64.eq (table.size $t) (i64.const 4)) (i32.const 24))
      (call $check (i64.eq (table.grow $t (ref.null func) (i64.const 2)) (i64.const 4)) (i32.const 25))
      (call $check (i64.eq (table.grow $t (ref.null func) (i64.const 0x100000000)) (i64.const -1)) (i32.const 26))
      (call $check (i64.eq (table.size $t) (i64.const 6)) (i32.const 27))
      (call $exit (i32.const 3)))
      ;; 1: eight bytes at the last four.
      (drop (i64.load (call $addr (i64.const 0xfffc))))
      (call $exit (i32.const 0)))
      ;; 2: index + offset wraps past 2^64, to 0x10.
      (drop (i32.load offset=0x20 (call $addr (i64.const 0xfffffffffffffff0))))
      (call $exit (i32.const 0)))
      ;; 3: a store at 2^32 (0 in 32 bits).
      (i32.store (call $addr (i64.const 0x100000000)) (i32.const 1))
      (call $exit (i32.const 0)))
      ;; 4: an offset of 4 GiB at index 0.
      (drop (i32.load8_u offset=0x100000000 (call $addr (i64.const 0))))
      (call $exit (i32.const 0)))
      ;; 5: memory.fill one byte past the end.
      (memory.fill (i64.const 0) (i32.const 0) (call $addr (i64.const 0x10001)))
      (call $exit (i32.const 0)))
      ;; 6: memory.copy from 2^32 (0 in 32 bits).
      (memory.copy (i64.const 0) (call $addr (i64.const 0x100000000)) (i64.const 1))
      (call $exit (i32.const 0)))
      ;; 7: memory.init at 2^32.
      (memory.init $bytes (call $addr (i64.const 0x100000000)) (i32.const 0) (i32.const 1))
      (call $exit (i32.const 0)))
      ;; 8: memory.copy into the 32-bit memory from 2^32.
      (memory.copy $small $m (i32.const 0) (call $addr (i64.const 0x100000000)) (i32.const 1))
      (call $exit (i32.const 0)))
      ;; 9: call_indirect at 2^32 + 1 (1 in 32 bits).
      (drop (call_indirect $t (type $to_i32) (call $addr (i64.const 0x100000001))))
      (call $exit (i32.const 0)))
      ;; 10: table.get at 2^32 + 1.
      (drop (table.get $t (call $addr (i64.const 0x100000001))))
      (call $exit (i32.const 0)))
      ;; 11: table.fill at 2^32.
      (table.fill $t (call $addr (i64.const 0x100000000)) (ref.null func) (i64.const 1))
      (call $exit (i32.const 0)))
      ;; 12: past 4 GiB, in a memory grown past 4 GiB: not the same bytes as
      ;; 4 GiB below.
      (call $check (i64.eq (memory.grow (i64.const 65536)) (i64.const 1)) (i32.const 30))
      (i64.store (call $addr (i64.const 0x100000008)) (i64.const 77))
      (call $check (i64.eq (i64.load offset=0x100000000 (call $addr (i64.const 8))) (i64.const 77)) (i32.const 31))
      (call $check (i64.eqz (i64.load (i64.const 8))) (i32.const 32))
      (call $exit (i32.const 3)))
      ;; 13: the empty memory.
      (drop (i32.load8_u $empty (call $addr (i64.const 0))))
      (call $exit (i32.const 0)))
      ;; 14: the 32-bit memory, one page.
      (drop (i32.load $small (i32.wrap_i64 (call $addr (i64.const 65533)))))
      (call $exit (i32.const 0)))
    ;; 15: the empty memory, grown to its maximum.
    (call $check (i64.eqz (memory.grow $empty (i64.const 1))) (i32.const 40))
    (i32.store8 $empty (call $addr (i64.const 0xffff)) (i32.const 1))
    (call $check (i32.eq (i32.load8_u $empty (i64.const 0xffff)) (i32.const 1)) (i32.const 41))
    (call $check (i64.eq (memory.grow $empty (i64.const 1)) (i64.const -1)) (i32.const 42))
    (call $exit (i32.const 3)))
)
