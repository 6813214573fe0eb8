;; A loop whose accesses have affine indices runs a copy without per-access
;; checks when one test before it shows that no index wraps around 2^32 and
;; every access ends within the memory (lowering/passes/LoopBoundsChecks.cpp):
;; the copy is vectorised. The original loop, with its checks, runs
;; otherwise. Inputs/loop-bounds.wast runs both copies of such loops.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=CHECK,GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=CHECK,EXPLICIT
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o - | FileCheck %s --check-prefix=O0
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefix=SEARCH-GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefix=SEARCH-EXPLICIT
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=FILL,FILL-GUARD
;; RUN: %w2n compile %t.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=FILL,FILL-EXPLICIT
;; RUN: %spec --bounds-checks=guard -O 2 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 1 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=explicit -O 2 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %spec --bounds-checks=guard -O 0 %S/Inputs/loop-bounds.wast | FileCheck %s --check-prefix=SPEC
;; RUN: %w2n compile %t.wasm -o %t.exe --target=aarch64-linux
;; RUN: %w2n compile %t.wasm -o %t.exe --target=riscv64-linux

;; SPEC-NOT: FAILED
;; SPEC: {{^}}113 passed, 0 failed

(module
  (memory 1)
  ;; CHECK-LABEL: define internal i64 @f0(
  ;; The test: the highest index below 2^32, the highest end within the size.
  ;; The size is loaded as the lowering loads it (WasmIR.h), with its range,
  ;; so BoundsCheckLimits compares each end with a limit computed from it.
  ;; CHECK: [[SIZE:%.*]] = load i64, ptr {{.*}}, !range
  ;; CHECK: = sub nsw i64 [[SIZE]],
  ;; CHECK: icmp sle i64 %{{.*}}, %{{.*}}limit
  ;; CHECK: br i1 %{{.*}}, label %{{.*}}unchecked{{.*}}, label
  ;; CHECK: vector.body:
  ;; CHECK-NOT: asm sideeffect
  ;; CHECK-NOT: br {{.*}}trap
  ;; CHECK: load <2 x i64>
  ;; CHECK: middle.block:
  ;; The original loop keeps its checks (against a limit, BoundsCheckLimits).
  ;; GUARD: call void asm sideeffect "", "r"(i64
  ;; EXPLICIT: icmp sgt i64 %{{.*}}, %{{.*}}limit
  ;; CHECK-LABEL: {{^}}}
  ;; O0-NOT: unchecked
  (func (export "sum") (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i64.add (local.get $s)
          (i64.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; A table lookup: with explicit checks the copy drops the lookup's compare
  ;; (its index is bounded by its value range); with guard pages that pays
  ;; nothing and the loop is left alone.
  ;; EXPLICIT-LABEL: define internal i32 @f1(
  ;; EXPLICIT: br i1 %{{.*}}, label %{{.*}}unchecked{{.*}}, label
  ;; EXPLICIT: {{^}}br_if.cont.unchecked:
  ;; EXPLICIT-NOT: icmp ugt
  ;; EXPLICIT: {{^}}end:
  ;; EXPLICIT: icmp ugt
  ;; EXPLICIT: call void @w2n_trap
  ;; GUARD-LABEL: define internal i32 @f1(
  ;; GUARD-NOT: unchecked
  ;; GUARD: {{^}}}
  (func (export "lookup") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load offset=4096
            (i32.shl (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; C[j] += B[j] over pairs of f64s, unrolled by two as clang emits it.
  ;; The fast copy is copied again for when the test shows C's footprint
  ;; apart from B's: there each access is in its footprint's alias scope and
  ;; not in the other's, and the loop vectoriser needs no checks of its own.
  ;; When they overlap, the first fast copy runs (the vectoriser checks).
  ;; CHECK-LABEL: define internal void @f2(
  ;; CHECK: br i1 %{{.*}}, label %[[APART:loop.unchecked[a-z.]*apart[a-z.]*]], label %loop.unchecked.preheader
  ;; CHECK: {{^}}loop.unchecked.preheader:
  ;; CHECK: vector.memcheck{{[0-9]*}}:
  ;; CHECK: {{^}}[[APART]]:
  ;; CHECK: call void @llvm.experimental.noalias.scope.decl(
  ;; CHECK: call void @llvm.experimental.noalias.scope.decl(
  ;; CHECK-NOT: memcheck
  ;; CHECK: load <{{[0-9]+}} x double>, ptr %{{.*}}, !alias.scope ![[C:[0-9]+]], !noalias ![[B:[0-9]+]]
  ;; CHECK: load <{{[0-9]+}} x double>, ptr %{{.*}}, !alias.scope ![[B]], !noalias ![[C]]
  ;; CHECK: store <{{[0-9]+}} x double> %{{.*}}, !alias.scope ![[C]], !noalias ![[B]]
  ;; CHECK-LABEL: {{^}}}
  ;; O0-NOT: apart
  (func (export "add-pairs") (param $c i32) (param $b i32) (param $n i32)
    (local $k i32) (local $j i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $j (i32.shl (local.get $k) (i32.const 4)))
        (f64.store (i32.add (local.get $c) (local.get $j))
          (f64.add (f64.load (i32.add (local.get $c) (local.get $j)))
                   (f64.load (i32.add (local.get $b) (local.get $j)))))
        (f64.store offset=8 (i32.add (local.get $c) (local.get $j))
          (f64.add (f64.load offset=8 (i32.add (local.get $c) (local.get $j)))
                   (f64.load offset=8 (i32.add (local.get $b) (local.get $j)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; A row of a 5-point stencil: UP, MID and DN a constant apart (rows of
  ;; 1024 f64s), each access's index computed separately. The copy counts
  ;; all the rows' indices with one 64-bit induction variable and O's with
  ;; another (not one per access), and the loop vectoriser, whose cost
  ;; model counts each variable's increment, then interleaves it.
  ;; CHECK-LABEL: define internal void @f3(
  ;; CHECK: {{^}}vector.body{{[0-9]+}}:
  ;; CHECK: store <2 x double> %{{.*}}, !alias.scope
  ;; CHECK-NEXT: store <2 x double> %{{.*}}, !alias.scope
  ;; CHECK: {{^}}loop.unchecked.apart:
  ;; CHECK-NEXT: phi i32
  ;; CHECK-NEXT: %w2n.index{{[0-9]*}}.apart = phi i64
  ;; CHECK-NEXT: %w2n.index{{[0-9]*}}.apart = phi i64
  ;; CHECK-NEXT: getelementptr
  ;; CHECK-LABEL: {{^}}}
  (func (export "stencil-row") (param $o i32) (param $up i32) (param $n i32)
    (local $mid i32) (local $dn i32) (local $x i32)
    (local.set $mid (i32.add (local.get $up) (i32.const 8192)))
    (local.set $dn (i32.add (local.get $up) (i32.const 16384)))
    (local.set $x (i32.const 1))
    (loop $l
      (f64.store (i32.add (local.get $o) (i32.shl (local.get $x) (i32.const 3)))
        (f64.mul (f64.const 0.25)
          (f64.add
            (f64.add
              (f64.load (i32.add (local.get $up) (i32.shl (local.get $x) (i32.const 3))))
              (f64.load (i32.add (local.get $dn) (i32.shl (local.get $x) (i32.const 3)))))
            (f64.add
              (f64.load offset=8 (i32.add (local.get $mid) (i32.shl (local.get $x) (i32.const 3))))
              (f64.load (i32.add (local.get $mid)
                                 (i32.shl (i32.sub (local.get $x) (i32.const 1)) (i32.const 3))))))))
      (br_if $l (i32.lt_u (local.tee $x (i32.add (local.get $x) (i32.const 1))) (local.get $n)))))

  ;; The same over rows, with the two halves of each pair addressed from two
  ;; pointers the outer loop advances separately (P and P + 8, as clang
  ;; emits matmul's unrolled inner loop): their indices are a constant
  ;; apart, so they count from one start and share a footprint, tested
  ;; apart from B's alone. Without that, P's and Q's footprints overlap and
  ;; the test fails on every entry.
  ;; CHECK-LABEL: define internal void @f4(
  ;; CHECK: store <4 x double> %{{.*}}, !alias.scope ![[ROW:[0-9]+]], !noalias ![[NOTROW:[0-9]+]]
  ;; CHECK-LABEL: {{^}}}
  ;; CHECK: ![[ROW]] = !{![[ROWSCOPE:[0-9]+]]}
  ;; CHECK: ![[NOTROW]] = !{!{{[0-9]+}}}
  (func (export "add-rows") (param $c i32) (param $b i32) (param $rows i32)
    (local $p i32) (local $q i32) (local $r i32) (local $k i32) (local $j i32)
    (local.set $p (local.get $c))
    (local.set $q (i32.add (local.get $c) (i32.const 8)))
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $k (i32.const 0))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $k) (i32.const 16)))
            (local.set $j (i32.shl (local.get $k) (i32.const 4)))
            (f64.store (i32.add (local.get $p) (local.get $j))
              (f64.add (f64.load (i32.add (local.get $p) (local.get $j)))
                       (f64.load (i32.add (local.get $b) (local.get $j)))))
            (f64.store (i32.add (local.get $q) (local.get $j))
              (f64.add (f64.load (i32.add (local.get $q) (local.get $j)))
                       (f64.load offset=8 (i32.add (local.get $b) (local.get $j)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $next)))
        (local.set $p (i32.add (local.get $p) (i32.const 256)))
        (local.set $q (i32.add (local.get $q) (i32.const 256)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext))))

  ;; A search, leaving from two blocks (the bytes differ, or N is reached):
  ;; not vectorised. With explicit checks the copy drops both compares; with
  ;; guard pages it would drop only keep-alives, and the loop is left alone.
  ;; SEARCH-EXPLICIT-LABEL: define internal i32 @f5(
  ;; SEARCH-EXPLICIT: unchecked:
  ;; SEARCH-EXPLICIT-LABEL: {{^}}}
  ;; SEARCH-GUARD-LABEL: define internal i32 @f5(
  ;; SEARCH-GUARD-NOT: unchecked
  ;; SEARCH-GUARD: asm sideeffect
  ;; SEARCH-GUARD-NOT: unchecked
  ;; SEARCH-GUARD-LABEL: {{^}}}
  (func (export "match") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $l i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $l) (local.get $n)))
        (br_if $done (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $l)))
                             (i32.load8_u (i32.add (local.get $b) (local.get $l)))))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $next)))
    (local.get $l))

  ;; A byte fill: loop idiom recognition makes the copy a memset, and must
  ;; not make one of the checked loop, which has to write every byte up to
  ;; the first one beyond the memory. With guard pages each store keeps its
  ;; barrier; with explicit checks each keeps its check.
  ;; FILL-LABEL: define internal void @f6(
  ;; FILL: call void @llvm.memset
  ;; FILL-GUARD: store i8 90
  ;; FILL-GUARD-NEXT: call void asm sideeffect
  ;; FILL-EXPLICIT: icmp ugt
  ;; FILL-EXPLICIT: store i8 90
  ;; FILL-NOT: @llvm.memset
  ;; FILL: {{^}}}
  (func (export "set") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $p) (local.get $i)) (i32.const 0x5a))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))))
