;; Found by run-diff, seed 2522 (and 6% of all seeds while commit 5190330
;; was in), minimised with wasm-reduce; the other three functions are the
;; same bug written by hand. Every load here is out of bounds and must trap,
;; though its value does not matter to the result. In guard mode, 5190330
;; gave the asm keep-alive only to a load whose value is dropped directly,
;; so once LLVM folded the use of a loaded value away (x ^ 0 then drop,
;; x * 0, x & 0, shifted out) it deleted the load, and with it the fault
;; that is the bounds check: the functions returned 0 (hashMemory even at
;; -O0). Fixed by the revert, 1c581ff.
(module
  (memory 16 17)
  ;; seed 2522, reduced: the address is 181833888 << 0, past 17 pages.
  (func (export "hashMemory") (result i32)
    (local $0 i32)
    (drop
      (i32.xor
        (i32.const 0)
        (i32.load8_u offset=4
          (i32.shl (i32.const 181833888) (local.get $0)))))
    (i32.const 0))
  (func (export "times-zero") (param i32) (result i32)
    (i32.mul (i32.load (i32.add (local.get 0) (i32.const 0x200000)))
             (i32.const 0)))
  (func (export "and-zero") (param i32) (result i32)
    (i32.and (i32.load8_u (i32.add (local.get 0) (i32.const 0x200000)))
             (i32.const 256)))
  (func (export "shifted-out") (param i32) (result i32)
    (i32.shl
      (i32.shl (i32.load (i32.add (local.get 0) (i32.const 0x200000)))
               (i32.const 31))
      (i32.const 1)))
)
