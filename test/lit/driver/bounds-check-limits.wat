;; With explicit checks, each check compares the access's index with a limit
;; computed once where the size is loaded, the size less the access's offset
;; and width (lowering/BoundsCheckLimits.cpp); where the size is a phi (a
;; loop that may grow the memory), so is the limit. Inputs/bounds-check-
;; limits.wast runs accesses at the boundaries.

;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -O0 -o - | FileCheck %s --check-prefix=NONE
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=guard -o - | FileCheck %s --check-prefix=NONE
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 1 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 0 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC

;; SPEC-NOT: FAILED
;; SPEC: {{^}}30 passed, 0 failed

;; NONE-NOT: {{%[^ ]*\.limit}}

(module
  (memory 1 4)

  ;; CHECK-LABEL: define internal i32 @f0(
  ;; CHECK: [[SIZE:%[0-9]+]] = load i64, {{.*}} !range [[RANGE:![0-9]+]]
  ;; CHECK-NEXT: [[LIMIT:%.limit[0-9]*]] = sub nsw i64 [[SIZE]], 20
  ;; CHECK-NEXT: icmp sgt i64 %{{[0-9]+}}, [[LIMIT]]
  ;; CHECK-NOT: icmp ugt
  ;; CHECK: ret i32
  (func (export "load32_off16") (param $a i32) (result i32)
    (i32.load offset=16 (local.get $a)))

  ;; The size is a phi in the loop (joining the load before it and the load
  ;; after each grow): the limit is a phi fed by limits computed after each
  ;; load, and the size's phis are gone.
  ;; CHECK-LABEL: define internal i32 @f1(
  ;; CHECK: loop:
  ;; CHECK: [[HEAD:%.limit[0-9]*]] = phi i64
  ;; CHECK-NOT: = phi i64
  ;; CHECK: [[JOIN:%.limit[0-9]*]] = phi i64 [ [[HEAD]], %loop ], [ [[AFTER:%.*]], %then ]
  ;; CHECK-NOT: = phi i64
  ;; CHECK: icmp sgt i64 %{{[0-9]+}}, [[JOIN]]
  ;; CHECK: [[RELOAD:%.*]] = load i64, {{.*}} !range [[RANGE]]
  ;; CHECK-NEXT: [[AFTER]] = sub nsw i64 [[RELOAD]], 8
  ;; CHECK: ret i32
  (func (export "chase") (param $p i32) (param $n i32) (param $g i32) (result i32)
    (local.set $p (i32.load (local.get $p)))
    (loop $next
      (if (local.get $g) (then (drop (memory.grow (i32.const 1)))))
      (local.set $p (i32.load offset=4 (local.get $p)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $p))
)

;; At most 4 GiB, the largest memory32.
;; CHECK: [[RANGE]] = !{i64 0, i64 4294967297}
