;; Trap guards: each is a compare that branches, marked unlikely, to a
;; block that calls the noreturn w2n_trap with the kind (w2n/abi.h:
;; 1 unreachable, 2 out-of-bounds memory access, 7 integer divide by zero,
;; 8 integer overflow, 9 invalid conversion to integer, 10 call stack
;; exhausted), one block per kind per function. (In a function over
;; 32 KiB each check has a block of its own until the optimiser merges
;; them: trap-blocks.test.)

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.ll
;; RUN: FileCheck %s < %t.ll
;; RUN: FileCheck %s --check-prefix=DIV < %t.ll
;; RUN: FileCheck %s --check-prefix=MERGED < %t.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 --bounds-checks=explicit -o %t.O0.ll
;; RUN: FileCheck %s --check-prefix=MERGED < %t.O0.ll
;; RUN: %w2n compile %t.wasm --emit=llvm --bounds-checks=explicit -o %t.explicit.ll
;; RUN: FileCheck %s --check-prefix=MERGED < %t.explicit.ll
;; RUN: FileCheck %s --check-prefix=EXPLICIT < %t.explicit.ll

(module
  ;; Signed division checks the divisor for zero and INT_MIN / -1.
  ;; CHECK-LABEL: @f0.div_s(
  ;; CHECK: icmp eq i32 %{{.*}}, 0
  ;; CHECK-NEXT: br i1 %{{.*}}, label %[[ZERO:[a-z0-9.]+]], label %{{.*}}, !prof [[UNLIKELY:![0-9]+]]
  ;; CHECK: [[ZERO]]:
  ;; CHECK-NEXT: call void @w2n_trap(i32 7)
  ;; CHECK-NEXT: unreachable
  ;; DIV-LABEL: @f0.div_s(
  ;; DIV-DAG: icmp eq i32 %{{.*}}, -2147483648
  ;; DIV-DAG: icmp eq i32 %{{.*}}, -1
  ;; DIV-DAG: sdiv i32
  ;; DIV-DAG: call void @w2n_trap(i32 8)
  ;; DIV: }
  (func $div_s (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))

  ;; Two divisions share one trap block per kind.
  ;; CHECK-LABEL: @f1.two_div_u(
  ;; CHECK-COUNT-1: call void @w2n_trap(i32 7)
  ;; CHECK-NOT: call void @w2n_trap(i32 7)
  ;; CHECK: }
  (func $two_div_u (param i64 i64) (result i64)
    (i64.div_u (i64.div_u (local.get 0) (local.get 1)) (local.get 1)))

  ;; rem_s has no overflow trap: INT_MIN rem -1 is 0.
  ;; CHECK-LABEL: @f2.rem_s(
  ;; CHECK: call void @w2n_trap(i32 7)
  ;; CHECK-NOT: call void @w2n_trap(i32 8)
  ;; CHECK: }
  (func $rem_s (param i32 i32) (result i32)
    (i32.rem_s (local.get 0) (local.get 1)))

  ;; Float to int: NaN is an invalid conversion, out of range an overflow;
  ;; the bounds are exact (f32 -> i32: -2147483904 < x < 2147483648).
  ;; CHECK-LABEL: @f3.trunc(
  ;; CHECK-DAG: fcmp uno float
  ;; CHECK-DAG: fcmp {{[ou][gl][te]}} float %{{.*}}, 0xC1E0000020000000
  ;; CHECK-DAG: fcmp {{[ou][gl][te]}} float %{{.*}}, 0x41E0000000000000
  ;; CHECK-DAG: call void @w2n_trap(i32 9)
  ;; CHECK-DAG: call void @w2n_trap(i32 8)
  ;; CHECK: }
  (func $trunc (param f32) (result i32)
    (i32.trunc_f32_s (local.get 0)))

  ;; The saturating form never traps.
  ;; CHECK-LABEL: @f4.trunc_sat(
  ;; CHECK: call i32 @llvm.fptosi.sat.i32.f32
  ;; CHECK-NOT: @w2n_trap(i32 {{[89]}})
  ;; CHECK: }
  (func $trunc_sat (param f32) (result i32)
    (i32.trunc_sat_f32_s (local.get 0)))

  ;; unreachable branches to its trap block; the code after it is dropped.
  ;; CHECK-LABEL: @f5.unreachable(
  ;; CHECK: call void @w2n_trap(i32 1)
  ;; CHECK-NOT: ret i32
  ;; CHECK: }
  (func $unreachable (result i32)
    unreachable
    i32.const 1)

  ;; A function that calls starts with the call-stack check; a small one
  ;; that calls nothing cannot recurse and has none.
  ;; CHECK-LABEL: @f6.calls(
  ;; CHECK: [[SP:%.*]] = {{.*}}call ptr @llvm.stacksave.p0()
  ;; CHECK: call void @w2n_trap(i32 10)
  ;; CHECK: }
  (func $calls (call $empty))
  ;; CHECK-LABEL: @f7.empty(
  ;; CHECK-NOT: stacksave
  ;; CHECK-NOT: @w2n_trap(i32 10)
  ;; CHECK: }
  (func $empty)

  ;; Checks that cannot be folded into one (different divisors, different
  ;; addresses, a store between the loads) still share one trap block per
  ;; kind.
  ;; MERGED-LABEL: @f8.many_checks(
  ;; MERGED-COUNT-1: call void @w2n_trap(i32 7)
  ;; MERGED-NOT: call void @w2n_trap(i32 7)
  ;; MERGED: }
  ;; EXPLICIT-LABEL: @f8.many_checks(
  ;; EXPLICIT-COUNT-1: call void @w2n_trap(i32 2)
  ;; EXPLICIT-NOT: call void @w2n_trap(i32 2)
  ;; EXPLICIT: }
  (func $many_checks (param i32 i32 i32) (result i32)
    (i32.store (local.get 0) (i32.div_u (local.get 1) (local.get 2)))
    (i32.store (local.get 1) (i32.div_u (local.get 2) (local.get 0)))
    (i32.div_u
      (i32.load (local.get 2))
      (i32.load (i32.div_u (local.get 0) (local.get 1)))))

  (export "div_s" (func $div_s))
  (export "two_div_u" (func $two_div_u))
  (export "rem_s" (func $rem_s))
  (export "trunc" (func $trunc))
  (export "trunc_sat" (func $trunc_sat))
  (export "unreachable" (func $unreachable))
  (export "calls" (func $calls))
  (export "empty" (func $empty))
  (export "many_checks" (func $many_checks))
  (memory 1))

;; CHECK: [[UNLIKELY]] = !{!"branch_weights", {{.*}}i32 1, i32 1048575}
