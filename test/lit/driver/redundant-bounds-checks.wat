;; With explicit checks, a check of an index is dropped where a check of the
;; same index value with an end at least as far has passed on every path to
;; it, even across a call or memory.grow: the memory never shrinks
;; (lowering/passes/RedundantBoundsChecks.cpp). A later, wider access keeps its
;; check, and so does one that only some paths checked before.
;; Inputs/redundant-bounds-checks.wast runs each at the boundary.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/redundant-bounds-checks.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 1 %S/Inputs/redundant-bounds-checks.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 0 %S/Inputs/redundant-bounds-checks.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/redundant-bounds-checks.wast | FileCheck %s --check-prefix=SPEC

;; SPEC-NOT: FAILED
;; SPEC: {{^}}30 passed, 0 failed

(module
  (memory 1 4)

  ;; The widest field first: the two narrower ones need no check.
  ;; CHECK-LABEL: define internal i32 @f0(
  ;; CHECK: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 16
  ;; CHECK-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; CHECK-NOT: icmp
  ;; CHECK: ret i32
  (func (export "fields") (param $p i32) (result i32)
    (i32.add
      (i32.wrap_i64 (i64.load offset=8 (local.get $p)))
      (i32.add (i32.load (local.get $p)) (i32.load offset=12 (local.get $p)))))

  ;; memory.grow between: the size is loaded again, and is no smaller.
  ;; CHECK-LABEL: define internal i32 @f1(
  ;; CHECK: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 16
  ;; CHECK-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; CHECK-NOT: icmp
  ;; CHECK: @w2n_memory_grow(
  ;; CHECK-NOT: icmp
  ;; CHECK: ret i32
  (func (export "across_grow") (param $p i32) (result i32)
    (local $v i32)
    (local.set $v (i32.wrap_i64 (i64.load offset=8 (local.get $p))))
    (drop (memory.grow (i32.const 1)))
    (i32.add (local.get $v) (i32.load offset=4 (local.get $p))))

  ;; Stores, the wider first: the second is dropped; a trap at the first
  ;; writes nothing.
  ;; CHECK-LABEL: define internal void @f2(
  ;; CHECK: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 8
  ;; CHECK-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; CHECK-NOT: icmp
  ;; CHECK: ret void
  (func (export "stores") (param $p i32)
    (i64.store (local.get $p) (i64.const -1))
    (i32.store16 offset=2 (local.get $p) (i32.const 0x1234)))

  ;; The narrower first: both checks stay, and a store between them is made
  ;; before the second traps.
  ;; CHECK-LABEL: define internal void @f3(
  ;; CHECK: icmp
  ;; CHECK: store i8
  ;; CHECK: icmp sgt
  ;; CHECK: store i64
  (func (export "narrow_first") (param $p i32)
    (i32.store8 (local.get $p) (i32.const 0x55))
    (i64.store offset=8 (local.get $p) (i64.const 0)))

  ;; Checked on one path only: the access after the join keeps its check.
  ;; CHECK-LABEL: define internal i32 @f4(
  ;; CHECK: icmp sgt
  ;; CHECK: icmp sgt
  ;; CHECK: ret i32
  (func (export "one_path") (param $p i32) (param $c i32) (result i32)
    (local $v i32)
    (if (local.get $c)
      (then (local.set $v (i32.wrap_i64 (i64.load offset=8 (local.get $p))))))
    (i32.add (local.get $v) (i32.load (local.get $p))))

  ;; Another index value (p + 4 in i32, which may wrap): checked again.
  ;; CHECK-LABEL: define internal i32 @f5(
  ;; CHECK: icmp sgt
  ;; CHECK: icmp sgt
  ;; CHECK: ret i32
  (func (export "other_index") (param $p i32) (result i32)
    (i32.add
      (i32.wrap_i64 (i64.load offset=8 (local.get $p)))
      (i32.load (i32.add (local.get $p) (i32.const 4)))))

  ;; A structure checked before a loop that grows the memory on every
  ;; iteration (as a call would): no check of it is left in the loop.
  ;; CHECK-LABEL: define internal i32 @f6(
  ;; CHECK: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 12
  ;; CHECK-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; CHECK: loop:
  ;; CHECK: @w2n_memory_grow(
  ;; CHECK-NOT: icmp sgt
  ;; CHECK: ret i32
  (func (export "loop_fields") (param $p i32) (param $n i32) (result i32)
    (local $s i32)
    (local.set $s (i32.load offset=8 (local.get $p)))
    (loop $next
      (drop (memory.grow (i32.const 0)))
      (local.set $s (i32.add (local.get $s)
        (i32.add (i32.load (local.get $p)) (i32.load offset=4 (local.get $p)))))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
)
