; With explicit checks, a loop whose checks (WasmIR.h, buildOutOfBounds)
; compare affine ends with the memory size is versioned; in the copy every
; such compare has its known result, and stores keep no barrier. A store
; barrier (buildStoreBarrier) of guard mode goes from the copy too.
; RUN: %w2n-opt -passes=w2n-loop-bounds-checks %s | FileCheck %s

declare void @w2n_trap(i32) noreturn

; CHECK-LABEL: define void @fill(
; CHECK: br i1 %{{.*}}, label %loop.checked.unchecked, label %loop.checked
; CHECK: loop.unchecked:
; CHECK-NOT: icmp ugt
; CHECK: br i1 false, label %trap, label %ok.unchecked
; CHECK: {{^}}loop:
; CHECK: %oob = icmp ugt i64 %end, %size
; CHECK-NEXT: br i1 %oob, label %trap, label %ok
define void @fill(ptr %instance, i32 %p, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %mem.ptr = getelementptr inbounds i8, ptr %instance, i64 8
  %mem = load ptr, ptr %mem.ptr, align 8, !invariant.load !0
  %size.ptr = getelementptr inbounds i8, ptr %mem, i64 8
  %size = load i64, ptr %size.ptr, align 8, !tbaa !1, !range !4
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %ok ]
  %off = shl i32 %i, 2
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %end = add nuw i64 %ea, 4
  %oob = icmp ugt i64 %end, %size
  br i1 %oob, label %trap, label %ok

ok:
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  store i32 7, ptr %addr, align 1, !tbaa !5
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 4)
  unreachable
}

; CHECK-LABEL: define void @stores(
; CHECK: loop.unchecked:
; CHECK: store i32 7
; CHECK-NOT: asm sideeffect
; CHECK: br i1 %more.unchecked
; CHECK: {{^}}loop:
; CHECK: store i32 7
; CHECK-NEXT: call void asm sideeffect "", ""(){{.*}}, !w2n.store_barrier
define void @stores(ptr %instance, i32 %p, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %off = shl i32 %i, 2
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  store i32 7, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", ""() #0, !w2n.store_barrier !0
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret void
}

attributes #0 = { memory(read) }

!0 = !{}
!1 = !{!2, !2, i64 0}
!2 = !{!"instance", !3, i64 0}
!3 = !{!"w2n"}
!4 = !{i64 0, i64 4294967297}
!5 = !{!6, !6, i64 0}
!6 = !{!"linear memory", !3, i64 0}
