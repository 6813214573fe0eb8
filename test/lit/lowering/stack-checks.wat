;; Inlining copies a callee's call-stack check into its caller, where it
;; compares the same stack pointer with the same limit as the caller's own
;; check: once that passed, the copy cannot fail, and
;; RedundantStackChecks.cpp removes it. Then a chain of small functions
;; inlines all the way down ($top takes $mid and $low, each of which calls),
;; and $top keeps one check: one trap with kind 10, call stack exhausted.
;; Recursion still traps (the check in $low's own copy, and the one
;; inlined into $top, are the entry checks of their frames).

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=O0

;; RUN: awk '/^define.*@f0.top\(/,/^}/' %t.ll > %t.top
;; RUN: grep -c 'w2n_trap(i32 10)' %t.top | FileCheck %s --check-prefix=ONE
;; ONE: {{^1$}}
;; RUN: not grep '@f1.mid' %t.top
;; RUN: grep -q 'call .*@f2.low(' %t.top

;; Without optimisation every function keeps its check and its calls.
;; O0-LABEL: define {{.*}} @f0.top(
;; O0: call {{.*}}@f1.mid(
;; O0: @w2n_trap(i32 10)
;; O0-LABEL: define {{.*}} @f1.mid(
;; O0: @w2n_trap(i32 10)

(module
  (func $top (export "top") (param i32) (result i32)
    (i32.add (call $mid (local.get 0)) (i32.const 1)))
  (func $mid (param i32) (result i32)
    (i32.mul (call $low (local.get 0)) (i32.const 3)))
  ;; Calls itself, so that it stays a call after one level of inlining.
  (func $low (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 1))
      (else (i32.add (call $low (i32.sub (local.get 0) (i32.const 1)))
                     (local.get 0)))))
)
