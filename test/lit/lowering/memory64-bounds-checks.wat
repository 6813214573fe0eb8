;; A 64-bit memory (memory64) is always checked explicitly: an i64 index
;; plus a 64-bit offset can wrap, and the memory can be larger than 4 GiB,
;; so no guard region covers it (lowering/BoundsChecks.cpp,
;; memory64Address). Its accesses compare and branch to a trap with the
;; default --bounds-checks=guard as with explicit checks, while those of a
;; 32-bit memory 0 beside it keep guard pages; constant indices are settled
;; at compile time against its own minimum and maximum; memory.size,
;; memory.grow and the bulk operators pass i64s through untruncated; a
;; table64's i64 index is compared with the table's size in 64 bits.
;; lowering/memory64.wat runs such accesses.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=CHECK,GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,EXPLICIT

(module
  (memory $m0 1)
  (memory $m1 i64 1 2)
  (type $v (func))
  (table $t i64 1 funcref)

  ;; Trap kind 2 is "out of bounds memory access" (w2n/abi.h).

  ;; CHECK-LABEL: define internal i32 @f0.load_m0(
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: icmp
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  ;; CHECK: {{^}}}
  (func $load_m0 (param i32) (result i32)
    (i32.load offset=4 (local.get 0)))

  ;; Out of bounds when index > size - (offset + 4). The size carries no
  ;; !range: it may exceed 4 GiB.
  ;; CHECK-LABEL: define internal i32 @f1.load_m1(ptr {{.*}}, i64 %0)
  ;; CHECK: [[SIZE:%.*]] = load i64, ptr %{{.*}}, align 4, !tbaa !{{[0-9]+}}{{$}}
  ;; CHECK-NEXT: [[LIMIT:%.*]] = add i64 [[SIZE]], -8
  ;; CHECK-NEXT: [[OOB:%.*]] = icmp ult i64 [[LIMIT]], %0
  ;; CHECK-NEXT: br i1 [[OOB]], label %[[TRAP:[a-z0-9]+]], label
  ;; CHECK: [[TRAP]]:
  ;; CHECK-NEXT: call void @w2n_trap(i32 2)
  (func $load_m1 (param i64) (result i32)
    (i32.load $m1 offset=4 (local.get 0)))

  ;; An offset of 2^64-1 and 4 bytes end past 2^64: out of bounds at any
  ;; index, though index + offset wraps to a small address.
  ;; CHECK-LABEL: define internal {{.*}}i32 @f2.wraps(
  ;; CHECK-NOT: load i32
  ;; CHECK: call void @w2n_trap(i32 2)
  ;; CHECK-NEXT: unreachable
  (func $wraps (param i64) (result i32)
    (i32.load $m1 offset=0xffffffffffffffff (local.get 0)))

  ;; A constant index within the minimum (1 page) needs no check...
  ;; CHECK-LABEL: define internal i32 @f3.in_min(
  ;; CHECK-NOT: @w2n_trap(i32 2)
  ;; CHECK: {{^}}}
  (func $in_min (result i32)
    (i32.load $m1 (i64.const 65532)))

  ;; ... one past the maximum (2 pages) always traps.
  ;; CHECK-LABEL: define internal {{.*}}i32 @f4.past_max(
  ;; CHECK-NOT: load i32
  ;; CHECK: call void @w2n_trap(i32 2)
  ;; CHECK-NEXT: unreachable
  (func $past_max (result i32)
    (i32.load $m1 (i64.const 131070)))

  ;; CHECK-LABEL: define internal i64 @f5.size_grow(ptr {{.*}}, i64 %0)
  ;; CHECK-NOT: trunc
  ;; CHECK: lshr i64 %{{.*}}, 16
  ;; CHECK-NOT: trunc
  ;; CHECK: call i64 @w2n_memory_grow(ptr %{{.*}}, i64 %0)
  ;; CHECK-NOT: trunc
  ;; CHECK: {{^}}}
  (func $size_grow (param i64) (result i64)
    (i64.add (memory.size $m1) (memory.grow $m1 (local.get 0))))

  ;; CHECK-LABEL: define internal void @f6.fill(
  ;; CHECK: call void @w2n_memory_fill(ptr %{{.*}}, i64 %0, i32 %1, i64 %2)
  (func $fill (param i64 i32 i64)
    (memory.fill $m1 (local.get 0) (local.get 1) (local.get 2)))

  ;; The table's size (an i32 in w2n_table) is widened, never the index
  ;; narrowed: 2^32 is not element 0. Trap kind 4 is "undefined element".
  ;; CHECK-LABEL: define internal void @f7.dispatch(ptr {{.*}}, i64 %0)
  ;; CHECK: [[SIZE:%.*]] = load i32, ptr
  ;; CHECK-NEXT: [[SIZE64:%.*]] = zext i32 [[SIZE]] to i64
  ;; CHECK-NEXT: [[IN:%.*]] = icmp ugt i64 [[SIZE64]], %0
  ;; CHECK-NEXT: br i1 [[IN]], label %[[OK:[a-z0-9]+]], label %[[TRAP:[a-z0-9]+]]
  ;; CHECK: [[OK]]:
  ;; CHECK: getelementptr inbounds ptr, ptr %{{.*}}, i64 %0
  ;; CHECK: [[TRAP]]:
  ;; CHECK-NEXT: call void @w2n_trap(i32 4)
  (func $dispatch (param i64)
    (call_indirect $t (type $v) (local.get 0)))
)
