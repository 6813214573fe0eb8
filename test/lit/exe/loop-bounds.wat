;; Loops versioned on a hoisted bounds check (lowering/passes/LoopBoundsChecks.cpp)
;; on each target and in both modes: the unchecked copy computes the right
;; result; an index that wraps around 2^32 takes the checked loop and still
;; reads the right bytes; loads and stores crossing the end of the memory
;; trap; a loop whose stores and loads are apart (alias scopes) or overlap
;; (each iteration sees the last one's stores) computes the right result.
;; The argument count picks the case.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit
;; RUN: %python %S/Inputs/each-case.py 7 %t/x86_64-guard > %t/x86_64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 7 %t/x86_64-explicit > %t/x86_64-explicit.txt
;; RUN: %python %S/Inputs/each-case.py 7 %run-aarch64 %t/aarch64-guard > %t/aarch64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 7 %run-aarch64 %t/aarch64-explicit > %t/aarch64-explicit.txt
;; RUN: %python %S/Inputs/each-case.py 7 %run-riscv64 %t/riscv64-guard > %t/riscv64-guard.txt
;; RUN: %python %S/Inputs/each-case.py 7 %run-riscv64 %t/riscv64-explicit > %t/riscv64-explicit.txt
;; RUN: FileCheck %s < %t/x86_64-guard.txt
;; RUN: FileCheck %s < %t/x86_64-explicit.txt
;; RUN: FileCheck %s < %t/aarch64-guard.txt
;; RUN: FileCheck %s < %t/aarch64-explicit.txt
;; RUN: FileCheck %s < %t/riscv64-guard.txt
;; RUN: FileCheck %s < %t/riscv64-explicit.txt
;;
;; CHECK: case 0: exit status 10
;; CHECK-NEXT: case 1: exit status 11
;; CHECK-NEXT: case 2: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 3: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CHECK-NEXT: case 4: exit status 12
;; CHECK-NEXT: case 5: exit status 13
;; CHECK-NEXT: case 6: exit status 14

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; Stores I+1 to the N i32s from P.
  (func $fill (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
                   (i32.add (local.get $i) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  ;; The sum of the i32s at P + 4*i for I from FROM to N - 1.
  (func $sum (param $p i32) (param $from i32) (param $n i32) (result i32)
    (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load (i32.add (local.get $p) (i32.shl (local.get $from) (i32.const 2))))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $s))
  ;; C[j] += B[j] over N pairs of i32s, unrolled by two.
  (func $add-pairs (param $c i32) (param $b i32) (param $n i32)
    (local $k i32) (local $j i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $j (i32.shl (local.get $k) (i32.const 3)))
        (i32.store (i32.add (local.get $c) (local.get $j))
          (i32.add (i32.load (i32.add (local.get $c) (local.get $j)))
                   (i32.load (i32.add (local.get $b) (local.get $j)))))
        (i32.store offset=4 (i32.add (local.get $c) (local.get $j))
          (i32.add (i32.load offset=4 (i32.add (local.get $c) (local.get $j)))
                   (i32.load offset=4 (i32.add (local.get $b) (local.get $j)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (i64.store (i32.const 0) (i64.const 0))
    (i64.store (i32.const 8) (i64.const 0))
    (call $fill (i32.const 16) (i32.const 1000))
    (block $end6 (block $end5
    (block $end4 (block $end3 (block $end2 (block $end1 (block $end0
      (br_table $end0 $end0 $end1 $end2 $end3 $end4 $end5 $end6 (local.get $argc)))
      ;; 0: in bounds: 1 + ... + 1000.
      (call $exit (select (i32.const 10) (i32.const 1)
        (i32.eq (call $sum (i32.const 16) (i32.const 0) (i32.const 1000)) (i32.const 500500)))))
      ;; 1: P = 16 - 2^32 + 16: the index wraps at i = 4 and reads 1..3 and
      ;; the zeros below address 16.
      (call $exit (select (i32.const 11) (i32.const 1)
        (i32.eq (call $sum (i32.const -16) (i32.const 4) (i32.const 11)) (i32.const 6)))))
      ;; 2: a load loop crossing the end.
      (drop (call $sum (i32.const 65000) (i32.const 0) (i32.const 1000)))
      (call $exit (i32.const 0)))
    ;; 3: a store loop crossing the end.
    (call $fill (i32.const 65000) (i32.const 1000))
    (call $exit (i32.const 0)))
    ;; 4: a store loop ending exactly at the end.
    (call $fill (i32.const 65532) (i32.const 1))
    (call $exit (select (i32.const 12) (i32.const 1)
      (i32.eq (call $sum (i32.const 65532) (i32.const 0) (i32.const 1)) (i32.const 1)))))
    ;; 5: apart: 1..1000 added to a copy of itself.
    (call $fill (i32.const 4016) (i32.const 1000))
    (call $add-pairs (i32.const 4016) (i32.const 16) (i32.const 500))
    (call $exit (select (i32.const 13) (i32.const 1)
      (i32.eq (call $sum (i32.const 4016) (i32.const 0) (i32.const 1000)) (i32.const 1001000)))))
    ;; 6: C = B + 4: running sums, element 998 becoming 1 + ... + 999.
    (call $add-pairs (i32.const 20) (i32.const 16) (i32.const 499))
    (call $exit (select (i32.const 14) (i32.const 1)
      (i32.eq (call $sum (i32.const 16) (i32.const 998) (i32.const 999)) (i32.const 499500))))))
