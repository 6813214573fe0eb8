;; An interpreter's dispatch loop: every handler jumps straight back to the
;; dispatch (driver/Codegen.cpp turns off LLVM's tail merging). Merged, the
;; handlers that end in the same register copies would share one tail, and
;; each of them would take a second jump on every instruction interpreted.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=asm -o %t.s
;; RUN: FileCheck %s < %t.s
;; RUN: grep -oE 'jmp[[:space:]]+\.LBB0_[0-9]+' %t.s | sort -u | count 1

;; CHECK-LABEL: f0:
;; CHECK: jmpq *

(module
  (memory 1)
  ;; A stack machine: bytecode at pc, a stack of i64 at sp (growing up),
  ;; locals at fp. Opcodes: 0 push imm, 1 add, 2 sub, 3 mul, 4 load local,
  ;; 5 store local, 6 jump if zero, 7 dup, 8 drop, 9 halt (enough cases for
  ;; a jump table).
  (func (export "run") (param $pc i32) (result i64)
    (local $sp i32) (local $fp i32) (local $next i32)
    (local.set $sp (i32.const 4096))
    (local.set $fp (i32.const 8192))
    (loop $dispatch (result i64)
      (local.set $next (i32.add (local.get $pc) (i32.const 1)))
      (block $halt
      (block $drop
      (block $dup
      (block $jz
      (block $store
      (block $load
      (block $mul
      (block $sub
      (block $add
      (block $push
        (br_table $push $add $sub $mul $load $store $jz $dup $drop $halt
          (i32.load8_u (local.get $pc))))
      ;; push
      (i64.store offset=8 (local.get $sp) (i64.load8_s (local.get $next)))
      (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
      (br $dispatch))
      ;; add
      (i64.store (i32.sub (local.get $sp) (i32.const 8))
        (i64.add (i64.load (i32.sub (local.get $sp) (i32.const 8))) (i64.load (local.get $sp))))
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (local.get $next))
      (br $dispatch))
      ;; sub
      (i64.store (i32.sub (local.get $sp) (i32.const 8))
        (i64.sub (i64.load (i32.sub (local.get $sp) (i32.const 8))) (i64.load (local.get $sp))))
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (local.get $next))
      (br $dispatch))
      ;; mul
      (i64.store (i32.sub (local.get $sp) (i32.const 8))
        (i64.mul (i64.load (i32.sub (local.get $sp) (i32.const 8))) (i64.load (local.get $sp))))
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (local.get $next))
      (br $dispatch))
      ;; load local
      (i64.store offset=8 (local.get $sp)
        (i64.load (i32.add (local.get $fp) (i32.shl (i32.load8_u (local.get $next)) (i32.const 3)))))
      (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
      (br $dispatch))
      ;; store local
      (i64.store (i32.add (local.get $fp) (i32.shl (i32.load8_u (local.get $next)) (i32.const 3)))
        (i64.load (local.get $sp)))
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
      (br $dispatch))
      ;; jump if zero
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (select (i32.load8_u (local.get $next)) (i32.add (local.get $pc) (i32.const 2))
        (i64.eqz (i64.load offset=8 (local.get $sp)))))
      (br $dispatch))
      ;; dup
      (i64.store offset=8 (local.get $sp) (i64.load (local.get $sp)))
      (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
      (local.set $pc (local.get $next))
      (br $dispatch))
      ;; drop
      (local.set $sp (i32.sub (local.get $sp) (i32.const 8)))
      (local.set $pc (local.get $next))
      (br $dispatch))
      (i64.load (local.get $sp)))))
