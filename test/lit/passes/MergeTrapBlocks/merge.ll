; In a function marked w2n-trap-block-per-check (WasmIR.h), the trap
; blocks of one kind become one; blocks of other kinds, blocks that do more
; than trap, and unmarked functions stay as they are.
; RUN: %w2n-opt -passes=w2n-merge-trap-blocks %s | FileCheck %s

declare void @w2n_trap(i32) noreturn
declare void @other(i32) noreturn

; CHECK-LABEL: define i32 @marked(
; CHECK: br i1 %a, label %trap.oob1, label %ok1
; CHECK: br i1 %b, label %trap.oob1, label %ok2
; CHECK: br i1 %c, label %trap.div, label %ok3
; CHECK: br i1 %d, label %not.trap, label %ok4
; CHECK: br i1 %e, label %other.call, label %done
; CHECK: trap.oob1:
; CHECK-NEXT: call void @w2n_trap(i32 4)
; CHECK-NOT: trap.oob2:
; CHECK: trap.div:
; CHECK-NEXT: call void @w2n_trap(i32 2)
; CHECK: not.trap:
; CHECK: other.call:
define i32 @marked(ptr %instance, i1 %a, i1 %b, i1 %c, i1 %d, i1 %e, ptr %p) #0 {
entry:
  br i1 %a, label %trap.oob1, label %ok1
ok1:
  br i1 %b, label %trap.oob2, label %ok2
ok2:
  br i1 %c, label %trap.div, label %ok3
ok3:
  br i1 %d, label %not.trap, label %ok4
ok4:
  br i1 %e, label %other.call, label %done
done:
  ret i32 0
trap.oob1:
  call void @w2n_trap(i32 4)
  unreachable
trap.oob2:
  call void @w2n_trap(i32 4)
  unreachable
trap.div:
  call void @w2n_trap(i32 2)
  unreachable
not.trap:
  store i32 1, ptr %p, align 4
  call void @w2n_trap(i32 4)
  unreachable
other.call:
  call void @other(i32 4)
  unreachable
}

; CHECK-LABEL: define i32 @unmarked(
; CHECK: br i1 %a, label %trap.oob1, label %ok1
; CHECK: br i1 %b, label %trap.oob2, label %done
; CHECK: trap.oob2:
define i32 @unmarked(ptr %instance, i1 %a, i1 %b) {
entry:
  br i1 %a, label %trap.oob1, label %ok1
ok1:
  br i1 %b, label %trap.oob2, label %done
done:
  ret i32 0
trap.oob1:
  call void @w2n_trap(i32 4)
  unreachable
trap.oob2:
  call void @w2n_trap(i32 4)
  unreachable
}

attributes #0 = { "w2n-trap-block-per-check" }
