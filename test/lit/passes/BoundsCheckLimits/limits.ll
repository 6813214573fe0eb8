; An explicit check X + C > Size, with X < 2^62 and the size below 2^63 (its
; !range, WasmIR.h buildMemorySize), becomes X > Size - C in signed
; arithmetic, the limit computed once right after the size. Where the size
; passes through phis (a loop that calls), the limit is a phi over the
; limits of its incoming values, up to -w2n-bounds-limit-phis phis; beyond,
; it is computed after the size's phi.
; RUN: %w2n-opt -passes=w2n-bounds-check-limits %s | FileCheck %s
; RUN: %w2n-opt -passes=w2n-bounds-check-limits -w2n-bounds-limit-phis=0 %s \
; RUN:   | FileCheck %s --check-prefix=NOPHI

declare void @w2n_trap(i32) noreturn
declare void @callee(ptr)

; CHECK-LABEL: define void @straight(
; CHECK: %size = load i64
; CHECK-NEXT: %size.limit = sub nsw i64 %size, 8
; CHECK: %oob = icmp sgt i64 %ea, %size.limit
; The same size without its range may be 2^63 or more: unchanged.
; CHECK: %oob.norange = icmp ugt i64 %end, %size.norange
; An index that may be 2^62 or more: unchanged.
; CHECK: %oob.wide = icmp ugt i64 %end.wide, %size
define void @straight(ptr %instance, i32 %i, i64 %wide) {
entry:
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %ea = zext i32 %i to i64
  %end = add nuw i64 %ea, 8
  %oob = icmp ugt i64 %end, %size
  br i1 %oob, label %trap, label %ok1

ok1:
  %size.norange = load i64, ptr %size.ptr, align 8
  %oob.norange = icmp ugt i64 %end, %size.norange
  br i1 %oob.norange, label %trap, label %ok2

ok2:
  %end.wide = add nuw i64 %wide, 8
  %oob.wide = icmp ugt i64 %end.wide, %size
  br i1 %oob.wide, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 4)
  unreachable
}

; CHECK-LABEL: define void @loop(
; CHECK: loop:
; CHECK-NEXT: %size.phi.limit = phi i64 [ %size.limit, %entry ], [ %size.again.limit, %body ]
; CHECK: %oob = icmp sgt i64 %ea, %size.phi.limit
; CHECK: %size.again = load i64
; CHECK-NEXT: %size.again.limit = sub nsw i64 %size.again, 4
; NOPHI-LABEL: define void @loop(
; NOPHI: loop:
; NOPHI: %size.phi = phi i64
; NOPHI: %size.phi.limit = sub nsw i64 %size.phi, 4
; NOPHI: %oob = icmp sgt i64 %ea, %size.phi.limit
define void @loop(ptr %instance, i32 %n) {
entry:
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  br label %loop

loop:
  %size.phi = phi i64 [ %size, %entry ], [ %size.again, %body ]
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %ea = zext i32 %i to i64
  %end = add nuw i64 %ea, 4
  %oob = icmp ugt i64 %end, %size.phi
  br i1 %oob, label %trap, label %body

body:
  call void @callee(ptr %instance)
  %size.again = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %i.next = add i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

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
