; A call-stack check (WasmIR.h, buildStackCheck) reached only through the
; no-trap edge of another is false; checks that no passed check dominates,
; and compares that are not stack checks, stay.
; RUN: %w2n-opt -passes=w2n-redundant-stack-checks %s | FileCheck %s

declare void @w2n_trap(i32) noreturn
declare ptr @llvm.stacksave.p0()
declare void @callee(ptr)

; The check inlined with a callee, after the caller's own: false. The
; inlined one is written with its operands swapped, as instcombine may
; leave it.
; CHECK-LABEL: define void @inlined(
; CHECK: %caller.check = icmp ult i64 %sp, %limit
; CHECK: br i1 %caller.check, label %trap, label %body
; CHECK: br i1 false, label %trap, label %done
define void @inlined(ptr %instance) {
entry:
  %save = call ptr @llvm.stacksave.p0()
  %sp = ptrtoint ptr %save to i64
  %limit.ptr = getelementptr inbounds i8, ptr %instance, i64 16
  %limit = load i64, ptr %limit.ptr, align 8
  %caller.check = icmp ult i64 %sp, %limit
  br i1 %caller.check, label %trap, label %body

body:
  call void @callee(ptr %instance)
  %save2 = call ptr @llvm.stacksave.p0()
  %sp2 = ptrtoint ptr %save2 to i64
  %limit2 = load i64, ptr %limit.ptr, align 8
  %callee.check = icmp ugt i64 %limit2, %sp2
  br i1 %callee.check, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 9)
  unreachable
}

; Two checks on either side of an if: neither is on the other's no-trap
; path, so both stay.
; CHECK-LABEL: define void @siblings(
; CHECK: br i1 %left.check, label %trap, label %done
; CHECK: br i1 %right.check, label %trap, label %done
define void @siblings(ptr %instance, i1 %c) {
entry:
  %limit.ptr = getelementptr inbounds i8, ptr %instance, i64 16
  br i1 %c, label %left, label %right

left:
  %save1 = call ptr @llvm.stacksave.p0()
  %sp1 = ptrtoint ptr %save1 to i64
  %limit1 = load i64, ptr %limit.ptr, align 8
  %left.check = icmp ult i64 %sp1, %limit1
  br i1 %left.check, label %trap, label %done

right:
  %save2 = call ptr @llvm.stacksave.p0()
  %sp2 = ptrtoint ptr %save2 to i64
  %limit2 = load i64, ptr %limit.ptr, align 8
  %right.check = icmp ult i64 %sp2, %limit2
  br i1 %right.check, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 9)
  unreachable
}

; The first check's true edge returns instead of trapping: its false edge
; proves nothing, and the second check stays. So does a compare of another
; value than the stack pointer.
; CHECK-LABEL: define void @no-trap(
; CHECK: br i1 %second.check, label %trap, label %other
; CHECK: br i1 %not.stack, label %trap, label %done
define void @no-trap(ptr %instance, i64 %x) {
entry:
  %save = call ptr @llvm.stacksave.p0()
  %sp = ptrtoint ptr %save to i64
  %limit.ptr = getelementptr inbounds i8, ptr %instance, i64 16
  %limit = load i64, ptr %limit.ptr, align 8
  %first.check = icmp ult i64 %sp, %limit
  br i1 %first.check, label %done, label %body

body:
  %save2 = call ptr @llvm.stacksave.p0()
  %sp2 = ptrtoint ptr %save2 to i64
  %second.check = icmp ult i64 %sp2, %limit
  br i1 %second.check, label %trap, label %other

other:
  %not.stack = icmp ult i64 %x, %limit
  br i1 %not.stack, label %trap, label %done

done:
  ret void

trap:
  call void @w2n_trap(i32 9)
  unreachable
}
