;; The bounds-check ladder of lowering/BoundsChecks.cpp, in both modes:
;; guard pages emit no compare and keep every load alive (even one whose
;; use the optimiser folds away: x * 0); explicit checks
;; compare the end of the access with the memory's current size (optimised,
;; as here: the index with the size less the access's offset and width,
;; lowering/passes/BoundsCheckLimits.cpp); constant addresses are settled at
;; compile time either way.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=CHECK,GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,EXPLICIT

(module
  (memory 1 2)

  ;; Trap kind 2 is "out of bounds memory access" (w2n/abi.h); kind 10, the
  ;; call-stack check at every function entry, is not what is tested here.

  ;; CHECK-LABEL: define internal i32 @f0.load(
  ;; GUARD: [[V:%.*]] = load i32, ptr %{{.*}}, align 1
  ;; GUARD-NEXT: call void asm sideeffect "", "r"(i32 [[V]])
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 20
  ;; EXPLICIT-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; EXPLICIT-NOT: asm sideeffect
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  (func $load (param i32) (result i32)
    (i32.load offset=16 (local.get 0)))

  ;; An unused load must still happen in guard mode: its fault is the check.
  ;; CHECK-LABEL: define internal void @f1.dropped_load(
  ;; GUARD: [[V:%.*]] = load i64, ptr %{{.*}}, align 1
  ;; GUARD-NEXT: call void asm sideeffect "", "r"(i64 [[V]])
  ;; EXPLICIT: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 8
  ;; EXPLICIT-NEXT: icmp sgt i64 %{{.*}}, [[LIMIT]]
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  (func $dropped_load (param i32)
    (drop (i64.load (local.get 0))))

  ;; An offset near 4 GiB: the sum is formed in 64 bits, never wrapped.
  ;; CHECK-LABEL: define internal void @f2.store_high(
  ;; CHECK: [[A:%.*]] = zext i32 %{{.*}} to i64
  ;; GUARD: [[EA:%.*]] = getelementptr inbounds i8, ptr %{{.*}}, i64 [[A]]
  ;; GUARD-NEXT: [[P:%.*]] = getelementptr inbounds i8, ptr [[EA]], i64 4294967292
  ;; GUARD-NEXT: store i32 %{{.*}}, ptr [[P]], align 1
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 4294967296
  ;; EXPLICIT-NEXT: icmp sgt i64 [[A]], [[LIMIT]]
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  (func $store_high (param i32 i32)
    (i32.store offset=0xfffffffc (local.get 0) (local.get 1)))

  ;; A constant address past the declared maximum (2 pages) always traps.
  ;; CHECK-LABEL: define internal noundef i32 @f3.past_max(
  ;; CHECK-NOT: load i32
  ;; CHECK: call void @w2n_trap(i32 2)
  ;; CHECK-NOT: ret
  ;; CHECK: }
  (func $past_max (result i32)
    (i32.load (i32.const 131070)))

  ;; A constant address within the declared minimum (1 page) needs no check.
  ;; CHECK-LABEL: define internal i32 @f4.in_min(
  ;; CHECK: load i32, ptr %{{.*}}, align 1
  ;; CHECK-NOT: @w2n_trap(i32 2)
  ;; CHECK: }
  (func $in_min (result i32)
    (i32.load (i32.const 65532)))

  ;; Between the two, the mode decides.
  ;; CHECK-LABEL: define internal i32 @f5.between(
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: icmp ult i64 %{{.*}}, 65540
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  ;; CHECK: }
  (func $between (result i32)
    (i32.load (i32.const 65536)))

  ;; Linear memory and the instance carry different alias tags
  ;; (ModuleContext.h), so with explicit checks a store to linear memory
  ;; leaves the memory size and a mutable global as they were loaded: one
  ;; load of each. (With guard pages the load's keep-alive, an asm statement
  ;; that may write memory, still makes the global be loaded again.)
  ;; CHECK-LABEL: define internal i32 @f6.store_then_load(
  ;; EXPLICIT: load i64, {{.*}} !tbaa [[INSTANCE:![0-9]+]]
  ;; EXPLICIT: load i32, {{.*}} !tbaa [[INSTANCE]]
  ;; GUARD: load i32, {{.*}} !tbaa [[INSTANCE:![0-9]+]]
  ;; CHECK: store i32 {{.*}} !tbaa [[LINEAR:![0-9]+]]
  ;; EXPLICIT-NOT: load i64
  ;; CHECK: load i32, {{.*}} !tbaa [[LINEAR]]
  ;; EXPLICIT-NOT: load
  ;; CHECK: ret i32
  (func $store_then_load (param i32 i32) (result i32)
    (i32.store (local.get 0) (global.get $g))
    (i32.add (i32.load (local.get 1)) (global.get $g)))
  (global $g (mut i32) (i32.const 7))

  ;; With guard pages a store's barrier only reads memory, so a load of the
  ;; bytes just stored takes the stored value, and goes: it cannot fault once
  ;; the store did not. (Code that keeps its locals on the shadow stack
  ;; stores and reloads them all the time.) The stored value is returned.
  ;; CHECK-LABEL: define internal i32 @f7.store_reload(
  ;; GUARD: store i32 %1, ptr
  ;; GUARD-NEXT: call void asm sideeffect "", ""()
  ;; GUARD-NOT: load i32
  ;; GUARD: ret i32 %1
  (func $store_reload (param i32 i32) (result i32)
    (i32.store offset=8 (local.get 0) (local.get 1))
    (i32.load offset=8 (local.get 0)))

  (export "load" (func $load))
  (export "dropped_load" (func $dropped_load))
  (export "store_high" (func $store_high))
  (export "past_max" (func $past_max))
  (export "in_min" (func $in_min))
  (export "between" (func $between))
  (export "store_then_load" (func $store_then_load))
  (export "store_reload" (func $store_reload)))

;; CHECK-DAG: [[INSTANCE]] = !{[[INSTANCE_TYPE:![0-9]+]], [[INSTANCE_TYPE]], i64 0}
;; CHECK-DAG: [[INSTANCE_TYPE]] = !{!"instance", [[ROOT:![0-9]+]], i64 0}
;; CHECK-DAG: [[LINEAR]] = !{[[LINEAR_TYPE:![0-9]+]], [[LINEAR_TYPE]], i64 0}
;; CHECK-DAG: [[LINEAR_TYPE]] = !{!"linear memory", [[ROOT]], i64 0}
;; CHECK-DAG: [[ROOT]] = !{!"w2n"}
