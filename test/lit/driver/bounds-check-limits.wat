;; With explicit checks, each check compares the access's index with a limit
;; computed once where the size is loaded, the size less the access's offset
;; and width (lowering/passes/BoundsCheckLimits.cpp); where the size is a phi (a
;; loop that may grow the memory), so is the limit. Inputs/bounds-check-
;; limits.wast runs accesses at the boundaries.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -O0 -o - | FileCheck %s --check-prefix=NONE
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=guard -o - | FileCheck %s --check-prefix=NONE
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 1 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 0 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/bounds-check-limits.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o - | grep -B1 'sub nsw i64 %[0-9]*, 1004$' | FileCheck %s --check-prefix=WEB

;; SPEC-NOT: FAILED
;; SPEC: {{^}}38 passed, 0 failed

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

  ;; Eighteen accesses at offsets of their own, each after a branch that
  ;; may grow the memory: the size reaching the k-th is a phi with k phis
  ;; behind it, and so would its limit be, one phi for each (quadratic in
  ;; the accesses). Past MaxLimitPhis (16) phis, the limit is computed
  ;; after the size's phi instead.
  ;; WEB: [[SIZE:%[0-9]+]] = phi i64
  ;; WEB-NEXT: = sub nsw i64 [[SIZE]], 1004
  (func (export "sum_web") (param $p i32) (param $g i32) (result i32)
    (local $s i32)
    (if (i32.and (local.get $g) (i32.const 0x1)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=0 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x2)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=4 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x4)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=8 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x8)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=12 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x10)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=16 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x20)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=20 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x40)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=24 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x80)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=28 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x100)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=32 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x200)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=36 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x400)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=40 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x800)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=44 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x1000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=48 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x2000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=52 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x4000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=56 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x8000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=60 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x10000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=64 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x20000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=1000 (local.get $p))))
    (local.get $s))
)

;; At most 4 GiB, the largest memory32.
;; CHECK: [[RANGE]] = !{i64 0, i64 4294967297}
