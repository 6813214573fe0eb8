;; The memory base never moves, so it is loaded once per function, as an
;; invariant load, and a loop over memory reads no instance field inside it.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (memory 1)
  ;; CHECK-LABEL: @f0.sum(
  ;; CHECK: entry:
  ;; CHECK-NEXT: [[BASE:%.*]] = load ptr, ptr %instance, align 8, !invariant.load
  ;; CHECK-NOT: load ptr, ptr %instance
  ;; CHECK: br_if.cont:
  ;; CHECK-NOT: %instance
  ;; CHECK: getelementptr inbounds i8, ptr [[BASE]], i64
  ;; CHECK-NOT: %instance
  ;; CHECK: br i1 %{{.*}}, label %end, label %br_if.cont
  (func $sum (param $p i32) (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (i32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (export "sum" (func $sum)))
