;; A chain of one associative operation on a loop's recurrence is rebuilt
;; as a tree with the value from the previous iteration combined last
;; (lowering/passes/BalancedChains.cpp); a chain off any recurrence stays as it is.
;; Inputs/balanced-chains.wast runs such loops for their results.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=O0
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/balanced-chains.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/balanced-chains.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 1 %S/Inputs/balanced-chains.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 0 %S/Inputs/balanced-chains.wast | FileCheck %s --check-prefix=SPEC

;; SPEC-NOT: FAILED
;; SPEC: {{^}}26 passed, 0 failed

;; O0-NOT: .tree

(module
  (memory 1)

  ;; h = T[h] ^ a ^ b ^ c: the three loads from P combine first, then the
  ;; lookup that waits for the previous h.
  ;; CHECK-LABEL: define internal i32 @f0(
  ;; CHECK: loop.unchecked:
  ;; CHECK-NEXT: [[H:%[^ ]+]] = phi i32
  ;; CHECK-NEXT: phi i64
  ;; CHECK: [[MASK:%[0-9]+]] = and i32 [[H]], 1020
  ;; CHECK: [[T:%[0-9]+]] = load i32
  ;; CHECK: [[AB:%.*tree[0-9]*]] = xor i32
  ;; CHECK: [[ABC:%.*tree[0-9]*]] = xor i32 {{.*}}[[AB]]
  ;; CHECK-NEXT: {{%.*tree[0-9]*}} = xor i32 [[ABC]], [[T]]
  (func (export "xor32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.xor (i32.xor (i32.xor
        (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
        (i32.load (local.get $p)))
        (i32.load offset=4 (local.get $p)))
        (i32.load offset=8 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 12)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; With + and a constant, which joins the early operands.
  ;; CHECK-LABEL: define internal i32 @f1(
  ;; CHECK: loop.unchecked:
  ;; CHECK: [[T:%[0-9]+]] = load i32
  ;; CHECK: = add i32 {{.*}}, 1000
  ;; CHECK: [[SUM:%.*tree[0-9]*]] = add i32 {{%.*tree[0-9]*}}, [[T]]
  ;; CHECK: and i32 [[SUM]], 1020
  (func (export "add32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.add (i32.add (i32.add (i32.add
        (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
        (i32.load (local.get $p)))
        (i32.load offset=4 (local.get $p)))
        (i32.load offset=8 (local.get $p)))
        (i32.const 1000)))
      (local.set $p (i32.add (local.get $p) (i32.const 12)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; No recurrence: a ^ b ^ c ^ d of four loads is ready when they are, in
  ;; any order, and stays a chain.
  ;; CHECK-LABEL: define internal i32 @f2(
  ;; CHECK-NOT: tree
  ;; CHECK: ret i32
  (func (export "four") (param $p i32) (result i32)
    (i32.xor (i32.xor (i32.xor
      (i32.load (local.get $p))
      (i32.load offset=4 (local.get $p)))
      (i32.load offset=8 (local.get $p)))
      (i32.load offset=12 (local.get $p))))
)
