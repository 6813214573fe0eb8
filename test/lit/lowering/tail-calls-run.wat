;; Tail calls in executables: chains of 10^7 tail calls, which would need
;; far more than the 8 MiB of a native stack (and trip the runtime's stack
;; check, "call stack exhausted") if each took a frame; so finishing proves
;; they run in constant stack. $a [i64 f64] -> [i32 i64] and $b, of 18
;; parameters of all four number types (past the argument registers of
;; every target: 9 integers and 9 floats) and the same two results, call
;; each other; $b checks every argument each step (a wrong one traps:
;; unreachable). On x86_64 (guard pages and explicit bounds checks, -O2
;; and -O0), aarch64 and riscv64 (-O2 and -O0) under qemu. The argument
;; count picks the case; each exits with its own status when its results
;; are right, with 1 when not:
;;   0: $a -> $b -> $a ... direct return_call, 10^7 steps, from $a's
;;      ordinary entry: exit status 3.
;;   1: the same chain entered at $b's ordinary entry (stack arguments):
;;      exit status 4.
;;   2: the same through return_call_indirect via the table; the chain ends
;;      in a return_call_indirect of $leaf, which has no tail-call entry
;;      (the ordinary call of the record): exit status 5.
;;   3: $c (one i32) 10^7 times through return_call, then a return_call of
;;      the imported WASI proc_exit (no tail-call entry): exit status 7.
;;   4: the same through return_call_indirect, ending in a
;;      return_call_indirect of proc_exit from the table: exit status 9.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-O0 -O0
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-O0 --target=aarch64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-O0 --target=riscv64-linux -O0
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %t/x86_64-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: exit status 3{{$}}
;; CHECK-NEXT: {{^}}case 1: exit status 4{{$}}
;; CHECK-NEXT: {{^}}case 2: exit status 5{{$}}
;; CHECK-NEXT: {{^}}case 3: exit status 7{{$}}
;; CHECK-NEXT: {{^}}case 4: exit status 9{{$}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (type $ta (func (param i64 f64) (result i32 i64)))
  (type $tb (func (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64
                         i32 i64 f32 f64 i64 f32) (result i32 i64)))
  (type $tc (func (param i32)))
  ;; 0: $ai, 1: $bi, 2: $leaf, 3: $ci, 4: proc_exit.
  (table 5 funcref)
  (elem (i32.const 0) func $ai $bi $leaf $ci $exit)

  ;; The chain's end: acc (10^7 steps of 1.0) and a constant.
  (func $leaf (type $ta)
    (i32.trunc_f64_u (local.get 1)) (i64.const 0x123456789))

  ;; Traps unless every argument of $b is what $a passes.
  (func $check_b (type $tb)
    (if (i32.ne (local.get 0) (i32.wrap_i64 (local.get 1))) (then unreachable))
    (if (f32.ne (local.get 2) (f32.const 2.5)) (then unreachable))
    (if (i32.ne (local.get 4) (i32.const -4)) (then unreachable))
    (if (i64.ne (local.get 5) (i64.const 0x500000005)) (then unreachable))
    (if (f32.ne (local.get 6) (f32.const 6.5)) (then unreachable))
    (if (f64.ne (local.get 7) (f64.const -7.25)) (then unreachable))
    (if (i32.ne (local.get 8) (i32.const 8)) (then unreachable))
    (if (i64.ne (local.get 9) (i64.const -9)) (then unreachable))
    (if (f32.ne (local.get 10) (f32.const 10.5)) (then unreachable))
    (if (f64.ne (local.get 11) (f64.const 11.75)) (then unreachable))
    (if (i32.ne (local.get 12) (i32.const 12)) (then unreachable))
    (if (i64.ne (local.get 13) (i64.const 0x7fffffffffffff0d)) (then unreachable))
    (if (f32.ne (local.get 14) (f32.const 14.5)) (then unreachable))
    (if (f64.ne (local.get 15) (f64.const 15.5)) (then unreachable))
    (if (i64.ne (local.get 16) (i64.const 16)) (then unreachable))
    (if (f32.ne (local.get 17) (f32.const -17.5)) (then unreachable))
    (i32.const 0) (i64.const 0))

  ;; $a: n steps left, acc. Ends in $leaf (which has no tail-call entry).
  (func $a (type $ta)
    (if (i64.eqz (local.get 0))
      (then (return_call $leaf (local.get 0) (local.get 1))))
    (return_call $b
      (i32.wrap_i64 (local.get 0)) (local.get 0) (f32.const 2.5) (local.get 1)
      (i32.const -4) (i64.const 0x500000005) (f32.const 6.5) (f64.const -7.25)
      (i32.const 8) (i64.const -9) (f32.const 10.5) (f64.const 11.75)
      (i32.const 12) (i64.const 0x7fffffffffffff0d) (f32.const 14.5) (f64.const 15.5)
      (i64.const 16) (f32.const -17.5)))
  ;; $b: checks its arguments, then one step: n - 1, acc + 1.
  (func $b (type $tb)
    (call $check_b
      (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (local.get 4) (local.get 5) (local.get 6) (local.get 7)
      (local.get 8) (local.get 9) (local.get 10) (local.get 11)
      (local.get 12) (local.get 13) (local.get 14) (local.get 15)
      (local.get 16) (local.get 17))
    (drop) (drop)
    (return_call $a (i64.sub (local.get 1) (i64.const 1))
                    (f64.add (local.get 3) (f64.const 1))))

  ;; The same through the table.
  (func $ai (type $ta)
    (if (i64.eqz (local.get 0))
      (then (return_call_indirect (type $ta) (local.get 0) (local.get 1) (i32.const 2))))
    (return_call_indirect (type $tb)
      (i32.wrap_i64 (local.get 0)) (local.get 0) (f32.const 2.5) (local.get 1)
      (i32.const -4) (i64.const 0x500000005) (f32.const 6.5) (f64.const -7.25)
      (i32.const 8) (i64.const -9) (f32.const 10.5) (f64.const 11.75)
      (i32.const 12) (i64.const 0x7fffffffffffff0d) (f32.const 14.5) (f64.const 15.5)
      (i64.const 16) (f32.const -17.5)
      (i32.const 1)))
  (func $bi (type $tb)
    (call $check_b
      (local.get 0) (local.get 1) (local.get 2) (local.get 3)
      (local.get 4) (local.get 5) (local.get 6) (local.get 7)
      (local.get 8) (local.get 9) (local.get 10) (local.get 11)
      (local.get 12) (local.get 13) (local.get 14) (local.get 15)
      (local.get 16) (local.get 17))
    (drop) (drop)
    (return_call_indirect (type $ta)
      (i64.sub (local.get 1) (i64.const 1)) (f64.add (local.get 3) (f64.const 1))
      (i32.const 0)))

  ;; n steps, then proc_exit(7), directly.
  (func $c (type $tc)
    (if (i32.eqz (local.get 0)) (then (return_call $exit (i32.const 7))))
    (return_call $c (i32.sub (local.get 0) (i32.const 1))))
  ;; n steps, then proc_exit(9), through the table.
  (func $ci (type $tc)
    (if (i32.eqz (local.get 0))
      (then (return_call_indirect (type $tc) (i32.const 9) (i32.const 4))))
    (return_call_indirect (type $tc) (i32.sub (local.get 0) (i32.const 1)) (i32.const 3)))

  ;; Exits with status if the results are (10^7, 0x123456789), else 1.
  (func $expect (param i32 i64) (param $status i32)
    (if (i32.and (i32.eq (local.get 0) (i32.const 10000000))
                 (i64.eq (local.get 1) (i64.const 0x123456789)))
      (then (call $exit (local.get $status))))
    (call $exit (i32.const 1)))

  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 (local.get $argc)))
      (call $expect (call $a (i64.const 10000000) (f64.const 0)) (i32.const 3))
      unreachable)
      (call $expect
        (call $b
          (i32.const 10000000) (i64.const 10000000) (f32.const 2.5) (f64.const 0)
          (i32.const -4) (i64.const 0x500000005) (f32.const 6.5) (f64.const -7.25)
          (i32.const 8) (i64.const -9) (f32.const 10.5) (f64.const 11.75)
          (i32.const 12) (i64.const 0x7fffffffffffff0d) (f32.const 14.5) (f64.const 15.5)
          (i64.const 16) (f32.const -17.5))
        (i32.const 4))
      unreachable)
      (call $expect (call $ai (i64.const 10000000) (f64.const 0)) (i32.const 5))
      unreachable)
      (call $c (i32.const 10000000))
      unreachable)
    (call $ci (i32.const 10000000))
    unreachable)
)
