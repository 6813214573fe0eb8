;; With explicit checks, the accesses of a stretch of straight-line code
;; share one load of the memory size (lowering/BoundsChecks.cpp,
;; memorySize): until a call or memory.grow, which may change it, and not
;; past a point where other paths join. Inputs/memory-size.wast runs
;; accesses just past the end with the memory grown in between.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %spec --bounds-checks=explicit -O 0 %S/Inputs/memory-size.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/memory-size.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/memory-size.wast | FileCheck %s --check-prefix=SPEC

;; SPEC-NOT: FAILED
;; SPEC: {{^}}17 passed, 0 failed

(module
  (memory 1 4)
  (func $callee)

  ;; The size carries a range (!range); the call-stack limit, the other i64
  ;; load of the entry, does not.
  ;; CHECK-LABEL: define internal i32 @f1.straight(
  ;; CHECK: load i64, {{.*}} !range
  ;; CHECK-NOT: load i64, {{.*}} !range
  ;; CHECK: call void @f0.callee(
  ;; CHECK: load i64, {{.*}} !range
  ;; CHECK-NOT: load i64, {{.*}} !range
  ;; CHECK: call i64 @w2n_memory_grow(
  ;; CHECK: load i64, {{.*}} !range
  ;; CHECK-NOT: load i64, {{.*}} !range
  ;; CHECK: {{^}}}
  (func $straight (param i32) (result i32)
    (i32.store (local.get 0) (i32.load offset=4 (local.get 0)))
    (i64.store offset=8 (local.get 0) (i64.const 1))
    (call $callee)
    (i32.store (local.get 0) (i32.load offset=4 (local.get 0)))
    (drop (memory.grow (i32.const 1)))
    (i32.store (local.get 0) (i32.load offset=4 (local.get 0)))
    (i32.load (local.get 0)))

  ;; Each arm of an if, and the code after it, loads the size again.
  ;; CHECK-LABEL: define internal i32 @f2.join(
  ;; CHECK-COUNT-4: load i64, {{.*}} !range
  ;; CHECK-NOT: load i64, {{.*}} !range
  ;; CHECK: {{^}}}
  (func $join (param i32) (result i32)
    (drop (i32.load (local.get 0)))
    (if (local.get 0)
      (then (drop (i32.load offset=4 (local.get 0))))
      (else (drop (i32.load offset=8 (local.get 0)))))
    (i32.load offset=12 (local.get 0)))
)
