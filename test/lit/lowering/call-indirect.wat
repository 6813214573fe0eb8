;; call_indirect: the index is checked against the table's current size
;; ("undefined element", kind 4), the entry against null ("uninitialized
;; element", 5), and the callee's canonical type id against the id of the
;; expected type, read from the instance's type-id table ("indirect call
;; type mismatch", 6); then fn(ctx, args) is called through the record.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.ll
;; RUN: FileCheck %s < %t.ll
;; RUN: FileCheck %s --check-prefix=TRAPS < %t.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=DIRECT

(module
  (type $binop (func (param i32 i32) (result i32)))
  (table $t 4 funcref)

  ;; CHECK-LABEL: @f0.dispatch(
  ;; CHECK: [[TABLE:%.*]] = load ptr, ptr %{{.*}}, align 8, !invariant.load
  ;; CHECK: [[SIZEP:%.*]] = getelementptr inbounds i8, ptr [[TABLE]], i64 8
  ;; CHECK: [[SIZE:%.*]] = load i32, ptr [[SIZEP]]
  ;; CHECK: icmp ugt i32 [[SIZE]], [[IDX:%.*]]
  ;; CHECK: [[ELEMS:%.*]] = load ptr, ptr [[TABLE]]
  ;; CHECK: [[SLOT:%.*]] = getelementptr inbounds ptr, ptr [[ELEMS]], i64 %{{.*}}
  ;; CHECK: [[REC:%.*]] = load ptr, ptr [[SLOT]]
  ;; CHECK: icmp eq ptr [[REC]], null
  ;; CHECK: [[IDS:%.*]] = load ptr, ptr %{{.*}}, align 8, !invariant.load
  ;; CHECK: [[WANT:%.*]] = load i32, ptr [[IDS]], align 4, !invariant.load
  ;; CHECK: [[HAVE:%.*]] = load i32, ptr [[REC]]
  ;; CHECK: icmp eq i32 [[HAVE]], [[WANT]]
  ;; CHECK: [[FNP:%.*]] = getelementptr inbounds i8, ptr [[REC]], i64 8
  ;; CHECK: [[FN:%.*]] = load ptr, ptr [[FNP]]
  ;; CHECK: [[CTXP:%.*]] = getelementptr inbounds i8, ptr [[REC]], i64 16
  ;; CHECK: [[CTX:%.*]] = load ptr, ptr [[CTXP]]
  ;; CHECK: call i32 [[FN]](ptr [[CTX]], i32 %{{.*}}, i32 %{{.*}})
  ;; TRAPS-LABEL: @f0.dispatch(
  ;; TRAPS-DAG: call void @w2n_trap(i32 4)
  ;; TRAPS-DAG: call void @w2n_trap(i32 5)
  ;; TRAPS-DAG: call void @w2n_trap(i32 6)
  ;; TRAPS: }
  (func $dispatch (param i32 i32 i32) (result i32)
    (call_indirect $t (type $binop) (local.get 0) (local.get 1) (local.get 2)))

  ;; A direct call to a defined function passes the caller's instance (at
  ;; -O0, where the call is not inlined).
  ;; DIRECT-LABEL: @f1.direct(
  ;; DIRECT: call i32 @f0.dispatch(ptr %instance,
  (func $direct (param i32) (result i32)
    (call $dispatch (local.get 0) (local.get 0) (local.get 0)))

  (export "dispatch" (func $dispatch))
  (export "direct" (func $direct)))
