;; A store that traps writes nothing (lowering/BoundsChecks.cpp). With guard
;; pages on AArch64 and riscv64, whose hardware may tear a store that
;; crosses into the guard, a store of more than one byte first loads its
;; last byte, kept alive, so that the fault comes before any write. Not
;; for single bytes, not for stores a constant address proves in bounds,
;; not on x86-64 (which never tears), not with explicit checks (which
;; compare before the store).

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - --target=aarch64-linux | FileCheck %s --check-prefixes=CHECK,PROBE
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - --target=riscv64-linux | FileCheck %s --check-prefixes=CHECK,PROBE
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefixes=CHECK,NONE
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - --target=aarch64-linux --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,NONE
;; RUN: %w2n compile %t.wasm --emit=asm -O2 -o - --target=aarch64-linux | FileCheck %s --check-prefix=ASM

(module
  (memory 1)

  ;; CHECK-LABEL: define internal void @f0(
  ;; PROBE: [[ADDR:%.*]] = getelementptr inbounds i8, ptr %{{.*}}, i64 %{{.*}}
  ;; PROBE-NEXT: [[LAST:%.*]] = getelementptr inbounds i8, ptr [[ADDR]], i64 7
  ;; PROBE-NEXT: [[B:%.*]] = load i8, ptr [[LAST]], align 1
  ;; PROBE-NEXT: call void asm sideeffect "", "r"(i8 [[B]])
  ;; PROBE-NEXT: store i64 %{{.*}}, ptr [[ADDR]], align 1
  ;; NONE-NOT: load i8
  ;; NONE: store i64
  (func (param i32 i64)
    (i64.store (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: define internal void @f1(
  ;; PROBE: getelementptr inbounds i8, ptr %{{.*}}, i64 15
  ;; PROBE-NEXT: load i8
  ;; PROBE: store <4 x i32>
  ;; CHECK-LABEL: define internal void @f2(
  (func (param i32 v128)
    (v128.store offset=3 (local.get 0) (local.get 1)))

  ;; A lane store of 4 bytes probes its 4th.
  ;; PROBE: getelementptr inbounds i8, ptr %{{.*}}, i64 3
  ;; PROBE-NEXT: load i8
  ;; PROBE: store i32
  ;; CHECK-LABEL: define internal void @f3(
  (func (param i32 v128)
    (v128.store32_lane 1 (local.get 0) (local.get 1)))

  ;; One byte cannot straddle: no probe.
  ;; CHECK-NOT: load i8
  ;; CHECK: store i8
  ;; CHECK-LABEL: define internal void @f4(
  (func (param i32 i32)
    (i32.store8 (local.get 0) (local.get 1)))

  ;; A constant address inside the minimum size: no probe.
  ;; CHECK-NOT: load i8
  ;; CHECK: store i32
  ;; CHECK-LABEL: }
  (func (param i32)
    (i32.store (i32.const 65532) (local.get 0)))
)

;; After optimisation the probe is still there, before the store.
;; ASM-LABEL: f0:
;; ASM: ldrb
;; ASM: str x
