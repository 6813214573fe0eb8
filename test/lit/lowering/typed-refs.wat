;; Typed function references in IR. A function reference is a pointer to
;; its funcref record (fn at offset 8, ctx at 16); call_ref calls fn(ctx,
;; args) through it, as call_indirect does after its checks, with no type
;; check (validation proved the type). A reference of a nullable type is
;; compared with null first, once, branching to the trap "null function
;; reference" (w2n_trap(13)); one of a non-null type, (ref $t), is not
;; compared at all: a (ref $t) parameter, ref.func, table.get of a table of
;; (ref $t), the reference br_on_null leaves and the one ref.as_non_null
;; leaves. ref.as_non_null traps with "null reference" (w2n_trap(12)) on
;; null, and is nothing on a non-null reference. br_on_null and
;; br_on_non_null are a conditional branch on `icmp eq ptr R, null` and
;; `icmp ne ptr R, null`, to the label or on (.cont), no trap. The checks
;; are on -O0's IR, as lowered (a store and reload of each local); at -O2
;; the nullable call_ref keeps its one compare and the non-null one has
;; none. (Trap 10, call stack exhausted, is the stack check on entry.)

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o %t.O0.ll
;; RUN: FileCheck %s < %t.O0.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.O2.ll
;; RUN: FileCheck %s --check-prefix=O2 < %t.O2.ll

(module
  (type $ft (func (param i32) (result i32)))
  (func $inc (type $ft) (i32.add (local.get 0) (i32.const 1)))
  (elem declare func $inc)
  (table $t 2 (ref $ft) (ref.func $inc))

  ;; A non-null parameter: no compare, the record's fn and ctx loaded and
  ;; called.
  ;; CHECK-LABEL: define internal i32 @f1.nonnull(
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[FNP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 8
  ;; CHECK-NEXT:    [[FN:%.*]] = load ptr, ptr [[FNP]]
  ;; CHECK-NEXT:    [[CTXP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 16
  ;; CHECK-NEXT:    [[CTX:%.*]] = load ptr, ptr [[CTXP]]
  ;; CHECK-NEXT:    call i32 [[FN]](ptr [[CTX]], i32 %{{.*}})
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 13)
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f1.nonnull(
  ;; O2-NOT:     icmp {{eq|ne}} ptr
  ;; O2:         call i32 %{{.*}}(ptr %{{.*}}, i32 %{{.*}})
  ;; O2-NOT:     icmp {{eq|ne}} ptr
  ;; O2-NOT:     @w2n_trap(i32 13)
  ;; O2:       {{^}}}
  (func $nonnull (param $r (ref $ft)) (param i32) (result i32)
    (call_ref $ft (local.get 1) (local.get $r)))

  ;; A nullable parameter: one compare with null, to the trap.
  ;; CHECK-LABEL: define internal i32 @f2.nullable(
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NULL:%.*]] = icmp eq ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NULL]], label %[[TRAP:.*]], label %[[OK:[^,]*]], !prof
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       [[OK]]:
  ;; CHECK-NEXT:    [[FNP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 8
  ;; CHECK-NEXT:    [[FN:%.*]] = load ptr, ptr [[FNP]]
  ;; CHECK-NEXT:    [[CTXP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 16
  ;; CHECK-NEXT:    [[CTX:%.*]] = load ptr, ptr [[CTXP]]
  ;; CHECK-NEXT:    call i32 [[FN]](ptr [[CTX]], i32 %{{.*}})
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       [[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 13)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f2.nullable(
  ;; O2:         [[NULL:%.*]] = icmp eq ptr %{{.*}}, null
  ;; O2-NEXT:    br i1 [[NULL]], label %[[TRAP:.*]], label %{{.*}}, !prof
  ;; O2-NOT:     icmp {{eq|ne}} ptr
  ;; O2:       [[TRAP]]:
  ;; O2-NEXT:    call void @w2n_trap(i32 13)
  ;; O2-NOT:     icmp {{eq|ne}} ptr
  ;; O2:       {{^}}}
  (func $nullable (param $r (ref null $ft)) (param i32) (result i32)
    (call_ref $ft (local.get 1) (local.get $r)))

  ;; ref.func, and table.get of a table of (ref $ft): non-null, no compare
  ;; (table.get checks its index: trap 3).
  ;; CHECK-LABEL: define internal i32 @f3.known(
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         call i32 %{{.*}}(ptr %{{.*}}, i32 1)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         call i32 %{{.*}}(ptr %{{.*}}, i32 2)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 13)
  ;; CHECK:       {{^}}}
  (func $known (param $i i32) (result i32)
    (i32.add
      (call_ref $ft (i32.const 1) (ref.func $inc))
      (call_ref $ft (i32.const 2) (table.get $t (local.get $i)))))

  ;; br_on_null: a branch to the label on null; on, the reference is
  ;; non-null, and call_ref does not compare it again.
  ;; CHECK-LABEL: define internal i32 @f4.bon(
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NULL:%.*]] = icmp eq ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NULL]], label %[[LABEL:.*]], label %br_on_null.cont{{$}}
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       br_on_null.cont:
  ;; CHECK-NEXT:    [[FNP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 8
  ;; CHECK-NEXT:    [[FN:%.*]] = load ptr, ptr [[FNP]]
  ;; CHECK-NEXT:    [[CTXP:%.*]] = getelementptr inbounds i8, ptr [[R]], i64 16
  ;; CHECK-NEXT:    [[CTX:%.*]] = load ptr, ptr [[CTXP]]
  ;; CHECK-NEXT:    call i32 [[FN]](ptr [[CTX]], i32 7)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 13)
  ;; CHECK:       {{^}}}
  (func $bon (param $r (ref null $ft)) (result i32)
    (block $null
      (return (call_ref $ft (i32.const 7) (br_on_null $null (local.get $r)))))
    (i32.const -1))

  ;; br_on_non_null: a branch to the label, with the reference, when not
  ;; null.
  ;; CHECK-LABEL: define internal i32 @f5.bonn(
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NONNULL:%.*]] = icmp ne ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NONNULL]], label %[[LABEL:.*]], label %br_on_non_null.cont{{$}}
  ;; CHECK-NOT:     icmp {{eq|ne}} ptr
  ;; CHECK-NOT:     @w2n_trap(i32 1{{[23]}})
  ;; CHECK:       {{^}}}
  (func $bonn (param $r (ref null $ft)) (result i32)
    (call_ref $ft (i32.const 8)
      (block $some (result (ref $ft))
        (br_on_non_null $some (local.get $r))
        (return (i32.const -1)))))

  ;; ref.as_non_null of a nullable reference: a compare, trap 12 on null;
  ;; call_ref of its result does not compare again.
  ;; CHECK-LABEL: define internal i32 @f6.asnn(
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NULL:%.*]] = icmp eq ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NULL]], label %[[TRAP:.*]], label %{{.*}}, !prof
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         call i32 %{{.*}}(ptr %{{.*}}, i32 9)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       [[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 12)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 13)
  ;; CHECK:       {{^}}}
  (func $asnn (param $r (ref null $ft)) (result i32)
    (call_ref $ft (i32.const 9) (ref.as_non_null (local.get $r))))

  ;; ref.as_non_null of a non-null reference: no compare, no trap.
  ;; CHECK-LABEL: define internal ptr @f7.asnn_nonnull(
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 12)
  ;; CHECK:       {{^}}}
  (func $asnn_nonnull (param $r (ref $ft)) (result (ref $ft))
    (ref.as_non_null (local.get $r)))

  ;; return_call_ref: the same compare when nullable (then the record's
  ;; tail_fn decides between a jump and a call), none when not.
  ;; CHECK-LABEL: define internal void @f8.tail_nullable.tail(
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NULL:%.*]] = icmp eq ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NULL]], label %[[TRAP:.*]], label %{{.*}}, !prof
  ;; CHECK-DAG:     musttail call void
  ;; CHECK-DAG:   {{^}}[[TRAP]]:
  ;; CHECK-DAG:     call void @w2n_trap(i32 13)
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       {{^}}}
  (func $tail_nullable (param $r (ref null $ft)) (param i32) (result i32)
    (return_call_ref $ft (local.get 1) (local.get $r)))
  ;; CHECK-LABEL: define internal void @f9.tail_nonnull.tail(
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         musttail call void
  ;; CHECK-NOT:     @w2n_trap(i32 13)
  ;; CHECK:       {{^}}}
  (func $tail_nonnull (param $r (ref $ft)) (param i32) (result i32)
    (return_call_ref $ft (local.get 1) (local.get $r)))

  (export "nonnull" (func $nonnull))
  (export "nullable" (func $nullable))
  (export "known" (func $known))
  (export "bon" (func $bon))
  (export "bonn" (func $bonn))
  (export "asnn" (func $asnn))
  (export "asnn_nonnull" (func $asnn_nonnull))
  (export "tail_nullable" (func $tail_nullable))
  (export "tail_nonnull" (func $tail_nonnull)))
