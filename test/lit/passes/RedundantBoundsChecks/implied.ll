; An explicit bounds check (WasmIR.h, buildOutOfBounds) of an index whose
; access was already checked to end at least as far, on every path to it,
; cannot fail: it goes, with its branch. The memory never shrinks, so that
; holds across a call and a new load of the size. Checks that reach further,
; checks of other indices, checks on a sibling path, and compares with
; anything but the memory size stay.
; RUN: %w2n-opt -passes=w2n-redundant-bounds-checks %s | FileCheck %s

declare void @w2n_trap(i32) noreturn
declare void @callee(ptr)

; CHECK-LABEL: define void @implied(
; CHECK: %oob8 = icmp ugt i64 %end8, %size
; CHECK-NEXT: br i1 %oob8, label %trap, label %ok1
; CHECK: ok1:
; CHECK-NOT: icmp
; CHECK: br label %ok2
; CHECK: ok2:
; CHECK-NEXT: call void @callee(
; CHECK-NOT: icmp
; CHECK: %oob16 = icmp ugt i64 %end16, %size.again
; CHECK-NEXT: br i1 %oob16, label %trap, label %ok4
; CHECK: %oob.j = icmp ugt i64 %end.j, %size.again
; CHECK: %not.size = icmp ugt i64 %end.k, %bound
define void @implied(ptr %instance, i32 %i, i32 %j, i64 %bound) {
entry:
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %ea = zext i32 %i to i64
  %end8 = add nuw i64 %ea, 8
  %oob8 = icmp ugt i64 %end8, %size
  br i1 %oob8, label %trap, label %ok1

ok1:
  %end4 = add nuw i64 %ea, 4
  %oob4 = icmp ugt i64 %end4, %size
  br i1 %oob4, label %trap, label %ok2

ok2:
  call void @callee(ptr %instance)
  %size.again = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %ea.off = add nuw i64 %ea, 4
  %end.nested = add nuw i64 %ea.off, 4
  %oob.nested = icmp ugt i64 %end.nested, %size.again
  br i1 %oob.nested, label %trap, label %ok3

ok3:
  %end16 = add nuw i64 %ea, 16
  %oob16 = icmp ugt i64 %end16, %size.again
  br i1 %oob16, label %trap, label %ok4

ok4:
  %eb = zext i32 %j to i64
  %end.j = add nuw i64 %eb, 4
  %oob.j = icmp ugt i64 %end.j, %size.again
  br i1 %oob.j, label %trap, label %ok5

ok5:
  %end.k = add nuw i64 %ea, 2
  %not.size = icmp ugt i64 %end.k, %bound
  br i1 %not.size, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 4)
  unreachable
}

; The check on the then path says nothing of the else path; after the join
; neither has passed on every path.
; CHECK-LABEL: define void @siblings(
; CHECK: %then.oob = icmp ugt
; CHECK: %else.oob = icmp ugt
; CHECK: %join.oob = icmp ugt
define void @siblings(ptr %instance, i32 %i, i1 %c) {
entry:
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %ea = zext i32 %i to i64
  %end = add nuw i64 %ea, 4
  br i1 %c, label %then, label %else

then:
  %then.oob = icmp ugt i64 %end, %size
  br i1 %then.oob, label %trap, label %join

else:
  %else.oob = icmp ugt i64 %end, %size
  br i1 %else.oob, label %trap, label %other

other:
  br label %join

join:
  %end2 = add nuw i64 %ea, 2
  %join.oob = icmp ugt i64 %end2, %size
  br i1 %join.oob, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 4)
  unreachable
}

; SimplifyCFG folds two checks into one branch on their or: on its no-trap
; edge both have passed, and a later check of either index goes.
; CHECK-LABEL: define void @folded(
; CHECK: br i1 %either, label %trap, label %ok
; CHECK: ok:
; CHECK-NOT: icmp
; CHECK: br label %done
define void @folded(ptr %instance, i32 %i, i32 %j) {
entry:
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %ea = zext i32 %i to i64
  %eb = zext i32 %j to i64
  %end.a = add nuw i64 %ea, 8
  %end.b = add nuw i64 %eb, 8
  %oob.a = icmp ugt i64 %end.a, %size
  %oob.b = icmp ugt i64 %end.b, %size
  %either = or i1 %oob.a, %oob.b
  br i1 %either, label %trap, label %ok

ok:
  %end.b4 = add nuw i64 %eb, 4
  %oob.b4 = icmp ugt i64 %end.b4, %size
  br i1 %oob.b4, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 4)
  unreachable
}

!0 = !{}
!1 = !{!2, !2, i64 0}
!2 = !{!"instance", !3, i64 0}
!3 = !{!"w2n"}
!4 = !{i64 0, i64 4294967297}
