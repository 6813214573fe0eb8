;; Atomic memory accesses in IR (threads). Every atomic access is checked
;; against the memory's current size explicitly, in guard mode too (the
;; default here), where a plain access of the same function has no check:
;; `icmp ugt` of its end against the size, to the trap "out of bounds
;; memory access" (w2n_trap(2)); then, for an access wider than one byte,
;; its address (index + offset) is tested for its natural alignment, `and`
;; with the size - 1, to the trap "unaligned atomic" (w2n_trap(14)); out of
;; bounds is checked first. Then the access itself, seq_cst, with its
;; natural alignment: `load atomic`, `store atomic`, `atomicrmw` (add, sub,
;; and, or, xor, xchg), `cmpxchg ... seq_cst seq_cst` whose old value is
;; taken with extractvalue. A narrow form truncates its operands to its
;; width and zero-extends what it reads. atomic.fence is `fence seq_cst`;
;; memory.atomic.wait32, wait64 and notify call the runtime with the
;; memory's object and the checked address. A memory64's atomic is checked
;; as its plain accesses are (the size minus the access's end), then for
;; alignment. The checks are on -O0's IR, as lowered (a store and reload of
;; each local); at -O2 the checks stay, the plain load keeps none, and
;; successive checks of one address are merged. (Trap 10, call stack
;; exhausted, is the stack check on entry.)

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o %t.O0.ll
;; RUN: FileCheck %s < %t.O0.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.O2.ll
;; RUN: FileCheck %s --check-prefix=O2 < %t.O2.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 --bounds-checks=explicit -o %t.explicit.ll
;; RUN: FileCheck %s --check-prefix=EXPLICIT < %t.explicit.ll

(module
  (memory $s 1 2 shared)
  (memory $w i64 1 2 shared)

  ;; A plain i32.load, then i32.atomic.load offset=4 of the same address:
  ;; no check for the first in guard mode; the second checked for bounds
  ;; (index + 4 + 4 against the size), then alignment ((index + 4) & 3).
  ;; CHECK-LABEL: define internal i32 @f0.plain_and_atomic(
  ;; CHECK:         [[P:%.*]] = zext i32 %{{.*}} to i64
  ;; CHECK-NEXT:    [[A:%.*]] = getelementptr inbounds i8, ptr [[BASE:%.*]], i64 [[P]]
  ;; CHECK-NEXT:    [[PLAIN:%.*]] = load i32, ptr [[A]], align 1
  ;; CHECK-NOT:     icmp
  ;; CHECK:         [[I:%.*]] = zext i32 %{{.*}} to i64
  ;; CHECK-NEXT:    [[EA:%.*]] = add nuw i64 [[I]], 4
  ;; CHECK:         [[SIZE:%.*]] = load i64, ptr
  ;; CHECK-NEXT:    [[END:%.*]] = add nuw i64 [[EA]], 4
  ;; CHECK-NEXT:    [[OOB:%.*]] = icmp ugt i64 [[END]], [[SIZE]]
  ;; CHECK-NEXT:    br i1 [[OOB]], label %[[TRAPOOB:.*]], label %[[OK1:[^,]*]], !prof
  ;; CHECK:       [[OK1]]:
  ;; CHECK-NEXT:    [[ADDR:%.*]] = getelementptr inbounds i8, ptr [[BASE]], i64 [[EA]]
  ;; CHECK-NEXT:    [[EA2:%.*]] = add i64 [[I]], 4
  ;; CHECK-NEXT:    [[LOW:%.*]] = and i64 [[EA2]], 3
  ;; CHECK-NEXT:    [[MIS:%.*]] = icmp ne i64 [[LOW]], 0
  ;; CHECK-NEXT:    br i1 [[MIS]], label %[[TRAPALIGN:.*]], label %[[OK2:[^,]*]], !prof
  ;; CHECK:       [[TRAPOOB]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 2)
  ;; CHECK:       [[OK2]]:
  ;; CHECK-NEXT:    [[V:%.*]] = load atomic i32, ptr [[ADDR]] seq_cst, align 4
  ;; CHECK-NEXT:    add i32 [[PLAIN]], [[V]]
  ;; CHECK:       [[TRAPALIGN]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 14)
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal i32 @f0.plain_and_atomic(
  ;; O2:         [[P:%.*]] = zext i32 %{{.*}} to i64
  ;; O2-NEXT:    [[A:%.*]] = getelementptr inbounds i8, ptr %{{.*}}, i64 [[P]]
  ;; O2-NEXT:    load i32, ptr [[A]], align 1
  ;; O2-NOT:     @w2n_trap
  ;; O2:         [[LIMIT:%.*]] = sub nsw i64 %{{.*}}, 8
  ;; O2-NEXT:    [[OOB:%.*]] = icmp sgt i64 [[P]], [[LIMIT]]
  ;; O2-NEXT:    br i1 [[OOB]], label %[[TRAPOOB:.*]], label
  ;; O2:         [[LOW:%.*]] = and i64 [[P]], 3
  ;; O2-NEXT:    [[ALIGNED:%.*]] = icmp eq i64 [[LOW]], 0
  ;; O2-NEXT:    br i1 [[ALIGNED]], label %[[OK:.*]], label %[[TRAPALIGN:[^,]*]], !prof
  ;; O2:       [[TRAPOOB]]:
  ;; O2-NEXT:    call void @w2n_trap(i32 2)
  ;; O2:       [[OK]]:
  ;; O2:         load atomic i32, ptr %{{.*}} seq_cst, align 4
  ;; O2:       [[TRAPALIGN]]:
  ;; O2-NEXT:    call void @w2n_trap(i32 14)
  ;; O2:       {{^}}}
  ;; Checked explicitly, the plain load has its own check too.
  ;; EXPLICIT-LABEL: define internal i32 @f0.plain_and_atomic(
  ;; EXPLICIT:         icmp ugt i64
  ;; EXPLICIT:         load i32, ptr
  ;; EXPLICIT:         icmp ugt i64
  ;; EXPLICIT:         and i64 %{{.*}}, 3
  ;; EXPLICIT:         load atomic i32, ptr %{{.*}} seq_cst, align 4
  ;; EXPLICIT:       {{^}}}
  (func $plain_and_atomic (param $p i32) (result i32)
    (i32.add
      (i32.load (local.get $p))
      (i32.atomic.load offset=4 (local.get $p))))

  ;; Narrow loads: zero-extended. One byte needs no alignment check; two
  ;; bytes test bit 0, four bits 0-1.
  ;; CHECK-LABEL: define internal i64 @f1.narrow_loads(
  ;; CHECK:         icmp ugt i64
  ;; CHECK-NOT:     and i64
  ;; CHECK:         [[B:%.*]] = load atomic i8, ptr %{{.*}} seq_cst, align 1
  ;; CHECK-NEXT:    [[B32:%.*]] = zext i8 [[B]] to i32
  ;; CHECK-NEXT:    zext i32 [[B32]] to i64
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 1
  ;; CHECK:         [[H:%.*]] = load atomic i16, ptr %{{.*}} seq_cst, align 2
  ;; CHECK-NEXT:    zext i16 [[H]] to i64
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 3
  ;; CHECK:         [[W:%.*]] = load atomic i32, ptr %{{.*}} seq_cst, align 4
  ;; CHECK-NEXT:    zext i32 [[W]] to i64
  ;; CHECK:       {{^}}}
  (func $narrow_loads (param $p i32) (result i64)
    (i64.add
      (i64.extend_i32_u (i32.atomic.load8_u (local.get $p)))
      (i64.add
        (i64.atomic.load16_u (local.get $p))
        (i64.atomic.load32_u (local.get $p)))))

  ;; Stores: the value truncated to the width; a barrier after each, as
  ;; after any store. One byte, no alignment check; 2 and 8 bytes, bits
  ;; 0 and 0-2.
  ;; CHECK-LABEL: define internal void @f2.stores(
  ;; CHECK:         [[V:%.*]] = load i64, ptr %local1
  ;; CHECK-NEXT:    [[B:%.*]] = trunc i64 [[V]] to i8
  ;; CHECK:         icmp ugt i64
  ;; CHECK-NOT:     and i64
  ;; CHECK:         store atomic i8 [[B]], ptr %{{.*}} seq_cst, align 1
  ;; CHECK-NEXT:    call void asm sideeffect "", ""(){{.*}}!w2n.store_barrier
  ;; CHECK:         [[H:%.*]] = trunc i32 %{{.*}} to i16
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 1
  ;; CHECK:         store atomic i16 [[H]], ptr %{{.*}} seq_cst, align 2
  ;; CHECK:         [[D:%.*]] = load i64, ptr %local1
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 7
  ;; CHECK:         store atomic i64 [[D]], ptr %{{.*}} seq_cst, align 8
  ;; CHECK:       {{^}}}
  (func $stores (param $p i32) (param $v i64)
    (i64.atomic.store8 (local.get $p) (local.get $v))
    (i32.atomic.store16 (local.get $p) (i32.wrap_i64 (local.get $v)))
    (i64.atomic.store (local.get $p) (local.get $v)))

  ;; A narrow read-modify-write: the operand truncated, the old value
  ;; zero-extended.
  ;; CHECK-LABEL: define internal i64 @f3.rmw(
  ;; CHECK:         [[V:%.*]] = trunc i64 %{{.*}} to i32
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 3
  ;; CHECK:         [[OLD:%.*]] = atomicrmw sub ptr %{{.*}}, i32 [[V]] seq_cst, align 4
  ;; CHECK-NEXT:    zext i32 [[OLD]] to i64
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal {{.*}}i64 @f3.rmw(
  ;; O2:         [[OLD:%.*]] = atomicrmw sub ptr %{{.*}}, i32 %{{.*}} seq_cst, align 4
  ;; O2:         zext i32 [[OLD]] to i64
  ;; O2:       {{^}}}
  (func $rmw (param $p i32) (param $v i64) (result i64)
    (i64.atomic.rmw32.sub_u (local.get $p) (local.get $v)))

  ;; Every read-modify-write operation, full width.
  ;; CHECK-LABEL: define internal i64 @f4.rmw_ops(
  ;; CHECK:         atomicrmw add ptr %{{.*}}, i32 1 seq_cst, align 4
  ;; CHECK:         atomicrmw sub ptr %{{.*}}, i64 2 seq_cst, align 8
  ;; CHECK:         atomicrmw and ptr %{{.*}}, i32 3 seq_cst, align 4
  ;; CHECK:         atomicrmw or ptr %{{.*}}, i64 4 seq_cst, align 8
  ;; CHECK:         atomicrmw xor ptr %{{.*}}, i32 5 seq_cst, align 4
  ;; CHECK:         atomicrmw xchg ptr %{{.*}}, i64 6 seq_cst, align 8
  ;; CHECK:       {{^}}}
  (func $rmw_ops (param $p i32) (result i64)
    (i64.add
      (i64.add
        (i64.extend_i32_u (i32.atomic.rmw.add (local.get $p) (i32.const 1)))
        (i64.atomic.rmw.sub (local.get $p) (i64.const 2)))
      (i64.add
        (i64.add
          (i64.extend_i32_u (i32.atomic.rmw.and (local.get $p) (i32.const 3)))
          (i64.atomic.rmw.or (local.get $p) (i64.const 4)))
        (i64.add
          (i64.extend_i32_u (i32.atomic.rmw.xor (local.get $p) (i32.const 5)))
          (i64.atomic.rmw.xchg (local.get $p) (i64.const 6))))))

  ;; cmpxchg of a byte: expected and replacement truncated, the old value
  ;; taken from the pair and zero-extended; no alignment check.
  ;; CHECK-LABEL: define internal i32 @f5.cmpxchg(
  ;; CHECK:         [[E:%.*]] = load i32, ptr %local1
  ;; CHECK-NEXT:    [[R:%.*]] = load i32, ptr %local2
  ;; CHECK-NEXT:    [[R8:%.*]] = trunc i32 [[R]] to i8
  ;; CHECK-NEXT:    [[E8:%.*]] = trunc i32 [[E]] to i8
  ;; CHECK:         icmp ugt i64
  ;; CHECK-NOT:     and i64
  ;; CHECK:         [[PAIR:%.*]] = cmpxchg ptr %{{.*}}, i8 [[E8]], i8 [[R8]] seq_cst seq_cst, align 1
  ;; CHECK-NEXT:    [[OLD:%.*]] = extractvalue { i8, i1 } [[PAIR]], 0
  ;; CHECK-NEXT:    zext i8 [[OLD]] to i32
  ;; CHECK:       {{^}}}
  (func $cmpxchg (param $p i32) (param $e i32) (param $r i32) (result i32)
    (i32.atomic.rmw8.cmpxchg_u (local.get $p) (local.get $e) (local.get $r)))

  ;; cmpxchg of 8 bytes: as wide as its operands, nothing to truncate.
  ;; CHECK-LABEL: define internal i64 @f6.cmpxchg64(
  ;; CHECK-NOT:     trunc
  ;; CHECK:         and i64 %{{.*}}, 7
  ;; CHECK:         [[PAIR:%.*]] = cmpxchg ptr %{{.*}}, i64 %{{.*}}, i64 %{{.*}} seq_cst seq_cst, align 8
  ;; CHECK-NEXT:    extractvalue { i64, i1 } [[PAIR]], 0
  ;; CHECK-NOT:     zext
  ;; CHECK:       {{^}}}
  (func $cmpxchg64 (param $p i32) (param $e i64) (param $r i64) (result i64)
    (i64.atomic.rmw.cmpxchg (local.get $p) (local.get $e) (local.get $r)))

  ;; CHECK-LABEL: define internal void @f7.fence(
  ;; CHECK:         fence seq_cst
  ;; CHECK:       {{^}}}
  ;; O2-LABEL: define internal void @f7.fence(
  ;; O2:         fence seq_cst
  ;; O2:       {{^}}}
  (func $fence
    atomic.fence)

  ;; wait32, wait64, notify: checked as accesses of 4, 8 and 4 bytes, then
  ;; the runtime called with memory 0's object (the instance's word at 8).
  ;; CHECK-LABEL: define internal i32 @f8.wait_notify(
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 3
  ;; CHECK:         [[MP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 8
  ;; CHECK-NEXT:    [[M:%.*]] = load ptr, ptr [[MP]], align 8
  ;; CHECK-NEXT:    call i32 @w2n_memory_atomic_wait32(ptr [[M]], ptr %{{.*}}, i32 1, i64 1000)
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 7
  ;; CHECK:         call i32 @w2n_memory_atomic_wait64(ptr %{{.*}}, ptr %{{.*}}, i64 2, i64 -1)
  ;; CHECK:         icmp ugt i64
  ;; CHECK:         and i64 %{{.*}}, 3
  ;; CHECK:         call i32 @w2n_memory_atomic_notify(ptr %{{.*}}, ptr %{{.*}}, i32 3)
  ;; CHECK:       {{^}}}
  (func $wait_notify (param $p i32) (result i32)
    (i32.add
      (memory.atomic.wait32 (local.get $p) (i32.const 1) (i64.const 1000))
      (i32.add
        (memory.atomic.wait64 (local.get $p) (i64.const 2) (i64.const -1))
        (memory.atomic.notify (local.get $p) (i32.const 3)))))

  ;; Memory 1, a memory64: its size minus the end (offset 8 + 8 bytes), an
  ;; unsigned compare of the i64 index; alignment of index + 8.
  ;; CHECK-LABEL: define internal i64 @f9.m64(
  ;; CHECK:         [[I:%.*]] = load i64, ptr %local0
  ;; CHECK:         [[SIZE:%.*]] = load i64, ptr %{{.*}}, align 4, !tbaa
  ;; CHECK-NEXT:    [[LIM:%.*]] = sub i64 [[SIZE]], 16
  ;; CHECK-NEXT:    [[OOB:%.*]] = icmp ugt i64 [[I]], [[LIM]]
  ;; CHECK-NEXT:    br i1 [[OOB]], label %[[TRAPOOB:.*]], label %{{.*}}, !prof
  ;; CHECK:         [[EA:%.*]] = add i64 [[I]], 8
  ;; CHECK-NEXT:    [[ADDR:%.*]] = getelementptr inbounds i8, ptr %{{.*}}, i64 [[EA]]
  ;; CHECK-NEXT:    [[EA2:%.*]] = add i64 [[I]], 8
  ;; CHECK-NEXT:    [[LOW:%.*]] = and i64 [[EA2]], 7
  ;; CHECK-NEXT:    icmp ne i64 [[LOW]], 0
  ;; CHECK:       [[TRAPOOB]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 2)
  ;; CHECK:         atomicrmw add ptr [[ADDR]], i64 %{{.*}} seq_cst, align 8
  ;; CHECK:       {{^}}}
  (func $m64 (param $p i64) (param $v i64) (result i64)
    (i64.atomic.rmw.add $w offset=8 (local.get $p) (local.get $v)))

  ;; A wait on memory 1 calls with its object (reached through the
;; instance's word at 64), not memory 0's.
  ;; CHECK-LABEL: define internal i32 @f10.m64_wait(
  ;; CHECK:         and i64 %{{.*}}, 7
  ;; CHECK:         [[MP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 64
  ;; CHECK-NEXT:    [[M:%.*]] = load ptr, ptr [[MP]], align 8, !invariant.load
  ;; CHECK-NEXT:    call i32 @w2n_memory_atomic_wait64(ptr [[M]], ptr %{{.*}}, i64 0, i64 0)
  ;; CHECK:       {{^}}}
  (func $m64_wait (param $p i64) (result i32)
    (memory.atomic.wait64 $w (local.get $p) (i64.const 0) (i64.const 0)))

  (export "plain_and_atomic" (func $plain_and_atomic))
  (export "narrow_loads" (func $narrow_loads))
  (export "stores" (func $stores))
  (export "rmw" (func $rmw))
  (export "rmw_ops" (func $rmw_ops))
  (export "cmpxchg" (func $cmpxchg))
  (export "cmpxchg64" (func $cmpxchg64))
  (export "fence" (func $fence))
  (export "wait_notify" (func $wait_notify))
  (export "m64" (func $m64))
  (export "m64_wait" (func $m64_wait)))
