; With guard pages, a loop whose accesses have affine indices is versioned
; on one test before it: every index stays below 2^32 and every access ends
; within the memory. The copy that runs when the test holds has no
; keep-alives (WasmIR.h, buildKeepAlive) and a 64-bit induction variable
; for each index; both copies are marked versioned. A loop that calls out,
; one over the instruction limit, one whose index is not affine, and one
; whose keep-alive is an asm statement the lowering did not build, are left
; as they were.
; RUN: %w2n-opt -passes=w2n-loop-bounds-checks %s | FileCheck %s
; RUN: %w2n-opt -passes=w2n-loop-bounds-checks -w2n-loop-bounds-max-instructions=5 %s \
; RUN:   | FileCheck %s --check-prefix=SMALL

declare void @callee(ptr)

; CHECK-LABEL: define i32 @sum(
; The test: the highest index below 2^32, the highest end within the size,
; loaded as the lowering loads it (with its alias tag and range).
; CHECK: icmp sle i64 %{{.*}}, 4294967295
; CHECK: [[SIZE:%.*]] = load i64, ptr %{{.*}}, !tbaa !{{[0-9]+}}, !range
; CHECK: icmp ule i64 %{{.*}}, [[SIZE]]
; CHECK: br i1 %{{.*}}, label %loop.checked.unchecked, label %loop.checked
; The copy indexes with a 64-bit variable and keeps nothing alive.
; CHECK: loop.unchecked:
; CHECK: %w2n.index = phi i64
; CHECK-NOT: asm sideeffect
; CHECK: getelementptr inbounds i8, ptr %base, i64 %w2n.index
; CHECK-NOT: asm sideeffect
; CHECK: br i1 %more.unchecked, label %loop.unchecked, label %{{.*}}, !llvm.loop [[MARK:![0-9]+]]
; The original loop keeps its keep-alive.
; CHECK: {{^}}loop:
; CHECK: call void asm sideeffect "", "r"(i32 %v), !w2n.keep_alive
; CHECK: br i1 %more, label %loop, label %{{.*}}, !llvm.loop [[MARK]]
; SMALL-LABEL: define i32 @sum(
; SMALL-NOT: unchecked
; SMALL: ret i32
define i32 @sum(ptr %instance, i32 %p, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %off = shl i32 %i, 2
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  %v = load i32, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", "r"(i32 %v), !w2n.keep_alive !0
  %s.next = add i32 %s, %v
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %r = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  ret i32 %r
}

; CHECK-LABEL: define i32 @calls(
; CHECK-NOT: unchecked
; CHECK: ret i32
define i32 @calls(ptr %instance, i32 %p, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %off = shl i32 %i, 2
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  %v = load i32, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", "r"(i32 %v), !w2n.keep_alive !0
  call void @callee(ptr %instance)
  %s.next = add i32 %s, %v
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %r = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  ret i32 %r
}

; The index is loaded from memory: no range to test before the loop.
; CHECK-LABEL: define i32 @indirect(
; CHECK-NOT: unchecked
; CHECK: ret i32
define i32 @indirect(ptr %instance, ptr %indices, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %slot = getelementptr inbounds i32, ptr %indices, i32 %i
  %idx = load i32, ptr %slot, align 4
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  %v = load i32, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", "r"(i32 %v), !w2n.keep_alive !0
  %s.next = add i32 %s, %v
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %r = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  ret i32 %r
}

; The same loop as @sum, but its asm statement carries no !w2n.keep_alive:
; not a keep-alive of the lowering's, so nothing to drop.
; CHECK-LABEL: define i32 @foreign-asm(
; CHECK-NOT: unchecked
; CHECK: ret i32
define i32 @foreign-asm(ptr %instance, i32 %p, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %off = shl i32 %i, 2
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  %v = load i32, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", "r"(i32 %v)
  %s.next = add i32 %s, %v
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  %r = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  ret i32 %r
}

; A load that can still fault in a copy (here from memory 1, whose base
; the pass does not recognise) must not move above a store before it: the
; copy would keep its store barriers, though the store to memory 0 is
; covered, and with nothing left to drop the loop is not versioned.
; CHECK-LABEL: define void @other-memory(
; CHECK-NOT: unchecked
; CHECK: store i32 %v, ptr %addr
; CHECK-NEXT: call void asm sideeffect "", ""(){{.*}}, !w2n.store_barrier
; CHECK-NOT: unchecked
; CHECK: ret void
define void @other-memory(ptr %instance, ptr %memory1, i32 %p, i32 %q, i32 %n) {
entry:
  %base = load ptr, ptr %instance, align 8, !invariant.load !0
  %base1 = load ptr, ptr %memory1, align 8, !invariant.load !0
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %done, label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %off = shl i32 %i, 2
  %idx1 = add i32 %q, %off
  %ea1 = zext i32 %idx1 to i64
  %addr1 = getelementptr inbounds i8, ptr %base1, i64 %ea1
  %v = load i32, ptr %addr1, align 1, !tbaa !5
  call void asm sideeffect "", "r"(i32 %v), !w2n.keep_alive !0
  %idx = add i32 %p, %off
  %ea = zext i32 %idx to i64
  %addr = getelementptr inbounds i8, ptr %base, i64 %ea
  store i32 %v, ptr %addr, align 1, !tbaa !5
  call void asm sideeffect "", ""() #0, !w2n.store_barrier !0
  %i.next = add nuw i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret void
}

; Only @sum's loops are marked (both copies share the loop's metadata).
; CHECK: !{!"w2n.loop.versioned", i32 0}
; CHECK-NOT: w2n.loop.versioned

!0 = !{}
!5 = !{!6, !6, i64 0}
!6 = !{!"linear memory", !7, i64 0}
!7 = !{!"w2n"}
attributes #0 = { memory(read) }
