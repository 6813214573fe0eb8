;; A guest cannot reach outside its linear memory, in either bounds-check
;; mode, on each target: after memory.grow to the 4 GiB maximum the last
;; bytes work and an access crossing 4 GiB traps; offsets near 4 GiB on an
;; address near 4 GiB (effective addresses near 8 GiB) trap; growing past
;; the maximum fails without effect; an access crossing the end of a
;; one-page memory traps. The argument count picks the case.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit
;; RUN: %python %S/Inputs/each-case.py 6 %t/x86_64-guard > %t/x86_64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 6 %t/x86_64-explicit > %t/x86_64-explicit.txt
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-guard > %t/aarch64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-explicit > %t/aarch64-explicit.txt
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-guard > %t/riscv64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-explicit > %t/riscv64-explicit.txt
;; RUN: FileCheck %s < %t/x86_64-guard.txt
;; RUN: FileCheck %s < %t/x86_64-explicit.txt
;; RUN: FileCheck %s < %t/aarch64-guard.txt
;; RUN: FileCheck %s < %t/aarch64-explicit.txt
;; RUN: FileCheck %s < %t/riscv64-guard.txt
;; RUN: FileCheck %s < %t/riscv64-explicit.txt
;;
;; CHECK: case 0: exit status 3
;; CHECK-NEXT: case 1: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 2: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 3: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 4: exit status 5
;; CHECK-NEXT: case 5: wasm trap: out of bounds memory access{{.*}} exit status 134

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory (export "memory") 1 65536)
  (func $grow_to_max
    (if (i32.ne (memory.grow (i32.const 65535)) (i32.const 1))
      (then (call $exit (i32.const 1))))
    (if (i32.ne (memory.size) (i32.const 65536))
      (then (call $exit (i32.const 2)))))
  (func $addr (param i32) (result i32) (local.get 0)) ;; hides constants
  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $end5 (block $end4 (block $end3 (block $end2 (block $end1 (block $end0
      (br_table $end0 $end0 $end1 $end2 $end3 $end4 $end5 (local.get $argc)))
      ;; 0: the last four bytes of a 4 GiB memory work.
      (call $grow_to_max)
      (i32.store (call $addr (i32.const 0xfffffffc)) (i32.const 42))
      (call $exit (select (i32.const 3) (i32.const 4)
        (i32.eq (i32.load (call $addr (i32.const 0xfffffffc))) (i32.const 42)))))
      ;; 1: eight bytes at 4 GiB - 4 cross the end.
      (call $grow_to_max)
      (drop (i64.load (call $addr (i32.const 0xfffffffc))))
      (call $exit (i32.const 0)))
      ;; 2: an offset near 4 GiB on an address near 4 GiB.
      (call $grow_to_max)
      (drop (i32.load offset=0xffffffff (call $addr (i32.const 0xffffffff))))
      (call $exit (i32.const 0)))
      ;; 3: a one-byte store just past 4 GiB.
      (call $grow_to_max)
      (i32.store8 offset=1 (call $addr (i32.const 0xffffffff)) (i32.const 1))
      (call $exit (i32.const 0)))
      ;; 4: growing past the maximum fails, and the size stays.
      (if (i32.ne (memory.grow (i32.const 65536)) (i32.const -1))
        (then (call $exit (i32.const 1))))
      (call $exit (select (i32.const 5) (i32.const 6)
        (i32.eq (memory.size) (i32.const 1)))))
    ;; 5: four bytes at the last two of a one-page memory.
    (drop (i32.load (call $addr (i32.const 65534))))
    (call $exit (i32.const 0))))
