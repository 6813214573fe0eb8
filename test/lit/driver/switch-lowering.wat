;; How a br_table's switch is lowered on x86-64 (driver/Codegen.cpp): as
;; compares below 8 cases (a case for each target but the default), where
;; a jump table's indirect branch predicts worse than the compares native
;; code would have; as a jump table from 8.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=asm -o - | FileCheck %s

(module
  (memory 1)

  ;; CHECK-LABEL: f0:
  ;; CHECK-NOT: jmpq *
  ;; CHECK: .Lfunc_end0:
  (func (export "four") (param i32 i32)
    (block $e (block $d (block $c (block $b (block $a
      (br_table $a $b $c $d $e $e (local.get 0)))
      (i32.store (local.get 1) (i32.const 10)) (return))
      (i32.store offset=4 (local.get 1) (i32.add (local.get 1) (i32.const 20))) (return))
      (i32.store offset=8 (local.get 1) (i32.mul (local.get 1) (i32.const 30))) (return))
      (i32.store offset=12 (local.get 1) (i32.xor (local.get 1) (i32.const 40))) (return))
    (i32.store offset=16 (local.get 1) (i32.sub (local.get 1) (i32.const 50))))

  ;; CHECK-LABEL: f1:
  ;; CHECK: jmpq *
  ;; CHECK: .Lfunc_end1:
  (func (export "eight") (param i32 i32)
    (block $i (block $h (block $g (block $f (block $e
    (block $d (block $c (block $b (block $a
      (br_table $a $b $c $d $e $f $g $h $i $i (local.get 0)))
      (i32.store (local.get 1) (i32.const 10)) (return))
      (i32.store offset=4 (local.get 1) (i32.add (local.get 1) (i32.const 20))) (return))
      (i32.store offset=8 (local.get 1) (i32.mul (local.get 1) (i32.const 30))) (return))
      (i32.store offset=12 (local.get 1) (i32.xor (local.get 1) (i32.const 40))) (return))
      (i32.store offset=16 (local.get 1) (i32.sub (local.get 1) (i32.const 50))) (return))
      (i32.store offset=20 (local.get 1) (i32.or (local.get 1) (i32.const 60))) (return))
      (i32.store offset=24 (local.get 1) (i32.shl (local.get 1) (i32.const 7))) (return))
      (i32.store offset=28 (local.get 1) (i32.rotl (local.get 1) (i32.const 9))) (return))
    (i32.store offset=32 (local.get 1) (i32.rotr (local.get 1) (i32.const 11)))))
