;; A loop whose accesses have affine indices runs a copy without per-access
;; checks when one test before it shows that no index wraps around 2^32 and
;; every access ends within the memory (lowering/LoopBoundsChecks.cpp):
;; the copy is vectorised. The original loop, with its checks, runs
;; otherwise. Inputs/loop-bounds.wast runs both copies of such loops.

;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=CHECK,GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,EXPLICIT
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=O0
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 1 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 0 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %w2n compile %t.wasm -o %t.exe --target=aarch64-linux
;; RUN: %w2n compile %t.wasm -o %t.exe --target=riscv64-linux

;; SPEC-NOT: FAILED
;; SPEC: {{^}}42 passed, 0 failed

(module
  (memory 1)
  ;; CHECK-LABEL: define internal i64 @f0(
  ;; The test: the highest index below 2^32, the highest end within the size.
  ;; CHECK: [[SIZE:%.*]] = load i64, ptr
  ;; CHECK: icmp ule i64 %{{.*}}, [[SIZE]]
  ;; CHECK: br i1 %{{.*}}, label %{{.*}}unchecked{{.*}}, label
  ;; CHECK: vector.body:
  ;; CHECK-NOT: asm sideeffect
  ;; CHECK-NOT: br {{.*}}trap
  ;; CHECK: load <2 x i64>
  ;; CHECK: middle.block:
  ;; The original loop keeps its checks.
  ;; GUARD: call void asm sideeffect "", "r"(i64
  ;; EXPLICIT: icmp ugt i64
  ;; CHECK-LABEL: {{^}}}
  ;; O0-NOT: unchecked
  (func (export "sum") (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i64.add (local.get $s)
          (i64.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; A table lookup: with explicit checks the copy drops the lookup's compare
  ;; (its index is bounded by its value range); with guard pages that pays
  ;; nothing and the loop is left alone.
  ;; EXPLICIT-LABEL: define internal i32 @f1(
  ;; EXPLICIT: br i1 %{{.*}}, label %{{.*}}unchecked{{.*}}, label
  ;; EXPLICIT: {{^}}br_if.cont.unchecked:
  ;; EXPLICIT-NOT: icmp ugt
  ;; EXPLICIT: {{^}}end:
  ;; EXPLICIT: icmp ugt
  ;; EXPLICIT: call void @w2n_trap
  ;; GUARD-LABEL: define internal i32 @f1(
  ;; GUARD-NOT: unchecked
  ;; GUARD: {{^}}}
  (func (export "lookup") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load offset=4096
            (i32.shl (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s)))
