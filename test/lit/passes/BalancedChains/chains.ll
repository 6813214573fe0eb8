; A chain of one associative operation on a loop's recurrence is rebuilt
; as a tree that combines its operands in the order they are ready, the
; value that waits for the previous iteration last. Chains off any
; recurrence, and chains already in that order, stay.
; RUN: %w2n-opt -passes=w2n-balanced-chains %s | FileCheck %s

; h = T[h] ^ a ^ b ^ c: a, b and c first, then the lookup.
; CHECK-LABEL: define i32 @recurrence(
; CHECK: %late = load i32
; CHECK: [[AB:%.*tree[0-9]*]] = xor i32 %{{[abc]}}, %{{[abc]}}
; CHECK-NEXT: [[ABC:%.*tree[0-9]*]] = xor i32 {{.*}}[[AB]]
; CHECK-NEXT: {{%.*tree[0-9]*}} = xor i32 [[ABC]], %late
define i32 @recurrence(ptr %p, ptr %t, i32 %n) {
entry:
  br label %loop

loop:
  %h = phi i32 [ 0, %entry ], [ %h.next, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %masked = and i32 %h, 1020
  %offset = zext i32 %masked to i64
  %slot = getelementptr i8, ptr %t, i64 %offset
  %late = load i32, ptr %slot, align 4
  %a = load i32, ptr %p, align 4
  %pb = getelementptr i8, ptr %p, i64 4
  %b = load i32, ptr %pb, align 4
  %pc = getelementptr i8, ptr %p, i64 8
  %c = load i32, ptr %pc, align 4
  %x1 = xor i32 %late, %a
  %x2 = xor i32 %x1, %b
  %h.next = xor i32 %x2, %c
  %i.next = add i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret i32 %h.next
}

; The lookup comes last already.
; CHECK-LABEL: define i32 @in-order(
; CHECK: %x1 = xor i32 %a, %b
; CHECK-NEXT: %x2 = xor i32 %x1, %c
; CHECK-NEXT: %h.next = xor i32 %x2, %late
; CHECK-NOT: tree
define i32 @in-order(ptr %p, ptr %t, i32 %n) {
entry:
  br label %loop

loop:
  %h = phi i32 [ 0, %entry ], [ %h.next, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %masked = and i32 %h, 1020
  %offset = zext i32 %masked to i64
  %slot = getelementptr i8, ptr %t, i64 %offset
  %late = load i32, ptr %slot, align 4
  %a = load i32, ptr %p, align 4
  %pb = getelementptr i8, ptr %p, i64 4
  %b = load i32, ptr %pb, align 4
  %pc = getelementptr i8, ptr %p, i64 8
  %c = load i32, ptr %pc, align 4
  %x1 = xor i32 %a, %b
  %x2 = xor i32 %x1, %c
  %h.next = xor i32 %x2, %late
  %i.next = add i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %done

done:
  ret i32 %h.next
}

; No recurrence: nothing is late.
; CHECK-LABEL: define i32 @straight(
; CHECK: %x1 = xor i32 %late, %a
; CHECK-NEXT: %x2 = xor i32 %x1, %b
; CHECK-NOT: tree
define i32 @straight(ptr %p, ptr %t, i32 %h) {
entry:
  %masked = and i32 %h, 1020
  %offset = zext i32 %masked to i64
  %slot = getelementptr i8, ptr %t, i64 %offset
  %late = load i32, ptr %slot, align 4
  %a = load i32, ptr %p, align 4
  %pb = getelementptr i8, ptr %p, i64 4
  %b = load i32, ptr %pb, align 4
  %x1 = xor i32 %late, %a
  %x2 = xor i32 %x1, %b
  ret i32 %x2
}
