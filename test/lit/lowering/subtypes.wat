;; call_indirect's type check with declared subtypes, in IR. The callee's
;; canonical type id is compared with the expected type's, read from the
;; instance's type-id table. A final expected type (a plain func type, one
;; declared `sub final`, a plain member of a rec group) has no subtypes but
;; itself: a mismatch traps at once, "indirect call type mismatch"
;; (w2n_trap(6)), and w2n_type_is_subtype is never called. A non-final one
;; (declared with `sub`) may be a callee's supertype: on a mismatch, and
;; only then, the branch goes to subtype.check, which asks
;; w2n_type_is_subtype(actual, expected) once and traps if it says 0, else
;; joins subtype.ok, where the call is made; on a match the branch goes
;; straight to subtype.ok. So each non-final call site has exactly one call
;; to w2n_type_is_subtype, in a block of its own, reached by the mismatch
;; edge alone. return_call_indirect checks alike, in its tail body;
;; call_ref has no type check at all. Checked on -O0's IR as lowered and on
;; -O2's (where the compare is inverted to icmp eq and the branch weights
;; keep the slow path out of line). The type descriptors carry what the
;; runtime needs: the size of a rec group in its first type (0 in the
;; others), the declared supertype's index + 1, and non-final.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o %t.O0.ll
;; RUN: FileCheck %s < %t.O0.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.O2.ll
;; RUN: FileCheck %s --check-prefix=O2 < %t.O2.ll
;; RUN: FileCheck %s --check-prefix=TYPES < %t.O2.ll
;; Four non-final call sites ($super, $sub, $rb, the tail call's $sub):
;; four calls, at -O0 and -O2 alike.
;; RUN: grep -c 'call i32 @w2n_type_is_subtype(' %t.O0.ll | FileCheck %s --check-prefix=COUNT
;; RUN: grep -c 'call i32 @w2n_type_is_subtype(' %t.O2.ll | FileCheck %s --check-prefix=COUNT
;; COUNT: {{^}}4{{$}}

;; The six declared types, then the two the functions' inline signatures
;; add (plain, final, each a group of its own).
;; TYPES:      @types = private constant [8 x { i32, i32, ptr, i32, i32, i8 }]
;; TYPES-SAME: { i32 1, i32 1, ptr @type0, i32 1, i32 0, i8 0 }
;; TYPES-SAME: { i32 1, i32 1, ptr @type1, i32 1, i32 0, i8 1 }
;; TYPES-SAME: { i32 1, i32 1, ptr @type2, i32 1, i32 2, i8 1 }
;; TYPES-SAME: { i32 1, i32 1, ptr @type3, i32 1, i32 3, i8 0 }
;; TYPES-SAME: { i32 2, i32 1, ptr @type4, i32 2, i32 0, i8 0 }
;; TYPES-SAME: { i32 2, i32 1, ptr @type5, i32 0, i32 0, i8 1 }
;; TYPES-SAME: { i32 2, i32 1, ptr @type6, i32 1, i32 0, i8 0 }
;; TYPES-SAME: { i32 2, i32 1, ptr @type7, i32 1, i32 0, i8 0 }]{{$}}

(module
  (type $plain (func (param i32) (result i32)))
  (type $super (sub (func (param i32) (result i32))))
  (type $sub (sub $super (func (param i32) (result i32))))
  (type $subfin (sub final $sub (func (param i32) (result i32))))
  (rec
    (type $ra (func (param i32 (ref null $rb)) (result i32)))
    (type $rb (sub (func (param i32 (ref null $ra)) (result i32)))))
  (table $t 4 funcref)

  ;; A plain (final) type: one compare, its mismatch edge to the trap.
  ;; CHECK-LABEL: define internal i32 @f0.final(
  ;; CHECK-NOT:     subtype
  ;; CHECK:         [[WANT:%.*]] = load i32, ptr %{{.*}}, align 4, !invariant.load
  ;; CHECK-NEXT:    [[HAVE:%.*]] = load i32, ptr %{{.*}}, align 4
  ;; CHECK-NEXT:    [[NE:%.*]] = icmp ne i32 [[HAVE]], [[WANT]]
  ;; CHECK-NEXT:    br i1 [[NE]], label %[[TRAP:[^,]*]], label %{{[^,]*}}, !prof
  ;; CHECK-NOT:     subtype
  ;; CHECK:       [[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 6)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NOT:     subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f0.final(
  ;; O2-NOT:     subtype
  ;; O2:         call void @w2n_trap(i32 6)
  ;; O2-NOT:     subtype
  ;; O2:       {{^}}}
  (func $final (param i32 i32) (result i32)
    (call_indirect $t (type $plain) (local.get 0) (local.get 1)))

  ;; `sub final`, with a supertype: final all the same.
  ;; CHECK-LABEL: define internal i32 @f1.subfinal(
  ;; CHECK-NOT:     subtype
  ;; CHECK:         [[NE:%.*]] = icmp ne i32 %{{.*}}, %{{.*}}
  ;; CHECK-NEXT:    br i1 [[NE]], label %[[TRAP:[^,]*]], label %{{[^,]*}}, !prof
  ;; CHECK-NOT:     subtype
  ;; CHECK:       [[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 6)
  ;; CHECK-NOT:     subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f1.subfinal(
  ;; O2-NOT:     subtype
  ;; O2:         call void @w2n_trap(i32 6)
  ;; O2-NOT:     subtype
  ;; O2:       {{^}}}
  (func $subfinal (param i32 i32) (result i32)
    (call_indirect $t (type $subfin) (local.get 0) (local.get 1)))

  ;; `sub` without a supertype: non-final, so the slow path.
  ;; CHECK-LABEL: define internal i32 @f2.nonfinal(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         [[WANT:%.*]] = load i32, ptr %{{.*}}, align 4, !invariant.load
  ;; CHECK-NEXT:    [[HAVE:%.*]] = load i32, ptr %{{.*}}, align 4
  ;; CHECK-NEXT:    [[NE:%.*]] = icmp ne i32 [[HAVE]], [[WANT]]
  ;; CHECK-NEXT:    br i1 [[NE]], label %subtype.check, label %subtype.ok, !prof
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.check: {{ *}}; preds = %{{[^,]*}}{{$}}
  ;; CHECK-NEXT:    [[IS:%.*]] = call i32 @w2n_type_is_subtype(i32 [[HAVE]], i32 [[WANT]])
  ;; CHECK-NEXT:    [[NO:%.*]] = icmp eq i32 [[IS]], 0
  ;; CHECK-NEXT:    br i1 [[NO]], label %[[TRAP:[^,]*]], label %[[OK:[^,]*]], !prof
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.ok:
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         call i32 %{{.*}}(ptr %{{.*}}, i32 %{{.*}})
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}[[OK]]:
  ;; CHECK-NEXT:    br label %subtype.ok
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}[[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 6)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f2.nonfinal(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:         [[EQ:%[^ ]+]] = icmp eq i32 [[HAVE:%[^ ]+]], [[WANT:%[^ ]+]]
  ;; O2-NEXT:    br i1 [[EQ]], label %subtype.ok, label %subtype.check, !prof
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}subtype.check: {{ *}}; preds = %{{[^,]*}}{{$}}
  ;; O2-NEXT:    [[IS:%.*]] = tail call i32 @w2n_type_is_subtype(i32 [[HAVE]], i32 [[WANT]])
  ;; O2-NEXT:    [[NO:%.*]] = icmp eq i32 [[IS]], 0
  ;; O2-NEXT:    br i1 [[NO]], label %[[TRAP:[^,]*]], label %subtype.ok, !prof
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}[[TRAP]]:
  ;; O2-NEXT:    call void @w2n_trap(i32 6)
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}}
  (func $nonfinal (param i32 i32) (result i32)
    (call_indirect $t (type $super) (local.get 0) (local.get 1)))

  ;; A non-final call site whose result feeds a final one: one call, the
  ;; first site's; the second's compare branches to the trap itself.
  ;; CHECK-LABEL: define internal i32 @f3.mixed(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         br i1 %{{.*}}, label %subtype.check, label %subtype.ok, !prof
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.check:
  ;; CHECK-NEXT:    call i32 @w2n_type_is_subtype(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.ok:
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         [[NE:%.*]] = icmp ne i32
  ;; CHECK-NEXT:    br i1 [[NE]], label %trap{{[0-9]*}}, label %{{[^,]*}}, !prof
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f3.mixed(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:         call i32 @w2n_type_is_subtype(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}}
  (func $mixed (param i32 i32) (result i32)
    (call_indirect $t (type $plain)
      (call_indirect $t (type $sub) (local.get 0) (local.get 1))
      (local.get 1)))

  ;; A rec group: its plain member is final, its `sub` member is not.
  ;; CHECK-LABEL: define internal i32 @f4.group_final(
  ;; CHECK-NOT:     subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f4.group_final(
  ;; O2-NOT:     subtype
  ;; O2:       {{^}}}
  (func $group_final (param i32 i32) (result i32)
    (call_indirect $t (type $ra) (local.get 0) (ref.null $rb) (local.get 1)))
  ;; CHECK-LABEL: define internal i32 @f5.group_sub(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.check:
  ;; CHECK-NEXT:    call i32 @w2n_type_is_subtype(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f5.group_sub(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}subtype.check:
  ;; O2-NEXT:    call i32 @w2n_type_is_subtype(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}}
  (func $group_sub (param i32 i32) (result i32)
    (call_indirect $t (type $rb) (local.get 0) (ref.null $ra) (local.get 1)))

  ;; return_call_indirect of a non-final type: the check in the tail body,
  ;; before the jump and the call alike.
  ;; CHECK-LABEL: define internal void @f6.tail.tail(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         br i1 %{{.*}}, label %subtype.check, label %subtype.ok, !prof
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.check:
  ;; CHECK-NEXT:    call i32 @w2n_type_is_subtype(
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}subtype.ok:
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:         musttail call void
  ;; CHECK-NOT:     @w2n_type_is_subtype
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal void @f6.tail.tail(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}subtype.check:
  ;; O2-NEXT:    call i32 @w2n_type_is_subtype(
  ;; O2-NOT:     @w2n_type_is_subtype
  ;; O2:       {{^}}}
  (func $tail (param i32 i32) (result i32)
    (return_call_indirect $t (type $sub) (local.get 0) (local.get 1)))

  ;; call_ref of a non-final type: no check (validation proved the type).
  ;; CHECK-LABEL: define internal i32 @f7.callref(
  ;; CHECK-NOT:     subtype
  ;; CHECK-NOT:     @w2n_trap(i32 6)
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f7.callref(
  ;; O2-NOT:     subtype
  ;; O2-NOT:     @w2n_trap(i32 6)
  ;; O2:       {{^}}}
  (func $callref (param (ref $super)) (param i32) (result i32)
    (call_ref $super (local.get 1) (local.get 0)))
)
