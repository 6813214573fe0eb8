;; A nest of loops whose accesses move by constant strides in each loop is
;; versioned as a whole, at its outermost loop (up to three deep), when its
;; copy has no check left (lowering/passes/LoopBoundsChecks.cpp): one test before
;; the nest, and alias scopes that hold across the runs of the inner loops,
;; so that a row the innermost loop updates stays in registers across the
;; loop around it. Inputs/loop-nests.wast runs such nests where the test
;; holds, where it fails, and where the operands overlap.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=CHECK,GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,EXPLICIT
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=O0
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefix=NEST
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefix=NEST
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/loop-nests.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 1 %S/Inputs/loop-nests.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/loop-nests.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 1 %S/Inputs/loop-nests.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 0 %S/Inputs/loop-nests.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %w2n compile %t.wasm -o %t.exe --target=aarch64-linux
;; RUN: %w2n compile %t.wasm -o %t.exe --target=riscv64-linux

;; No inner loop is versioned on its own, in either copy.
;; NEST: loop.checked.unchecked:
;; NEST-NOT: {{^loop[0-9]+(\.[a-z]+)*\.checked}}

;; SPEC-NOT: FAILED
;; SPEC: {{^}}28 passed, 0 failed

(module
  (memory 1)
  ;; C[i][0..16) += A[i][k] * B[k][0..16) for i < ROWS, k < N: i32s, in
  ;; rows of 64 bytes.
  ;; CHECK-LABEL: define internal void @f0(
  ;; One test, before the outermost loop, for the whole nest.
  ;; The size is loaded as the lowering loads it (WasmIR.h), with its range,
  ;; so BoundsCheckLimits compares each end with a limit computed from it.
  ;; CHECK: [[SIZE:%.*]] = load i64, ptr {{.*}}, !range
  ;; CHECK: = sub nsw i64 [[SIZE]],
  ;; CHECK: icmp sle i64 %{{.*}}, %{{.*}}limit
  ;; CHECK: br i1 %{{.*}}, label %loop.checked.unchecked, label %loop.preheader
  ;; Where C, A and B are apart: C's row is loaded before the loop over k,
  ;; carried through it in registers and stored after it.
  ;; CHECK: loop.unchecked.apart:
  ;; CHECK: .promoted{{[0-9]*}} = load i32
  ;; CHECK: loop2.unchecked.apart:
  ;; CHECK-NOT: store
  ;; CHECK: br_if.cont{{[0-9]+}}.unchecked.apart:
  ;; CHECK-NEXT: store i32
  ;; The original nest keeps its checks (against limits: BoundsCheckLimits).
  ;; GUARD: call void asm sideeffect "", "r"(i32
  ;; EXPLICIT: icmp sgt i64 %{{.*}}, %{{.*}}limit
  ;; CHECK-LABEL: {{^}}}
  ;; O0-NOT: unchecked
  (func (export "mm") (param $c i32) (param $a i32) (param $b i32)
        (param $rows i32) (param $n i32)
    (local $i i32) (local $k i32) (local $j i32) (local $aik i32)
    (local $crow i32) (local $brow i32)
    (loop $rows
      (local.set $k (i32.const 0))
      (local.set $crow (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 6))))
      (loop $inner
        (local.set $aik (i32.load (i32.add (local.get $a)
          (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 4)) (local.get $k))
                   (i32.const 2)))))
        (local.set $brow (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 6))))
        (local.set $j (i32.const 0))
        (loop $columns
          (i32.store (i32.add (local.get $crow) (local.get $j))
            (i32.add (i32.load (i32.add (local.get $crow) (local.get $j)))
              (i32.mul (local.get $aik)
                (i32.load (i32.add (local.get $brow) (local.get $j))))))
          (br_if $columns (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 4)))
                                  (i32.const 64))))
        (br_if $inner (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1)))
                                (local.get $n))))
      (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                             (local.get $rows)))))
)
