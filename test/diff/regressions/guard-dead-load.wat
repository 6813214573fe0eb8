;; Found by run-diff, seed 2522 (and about 6% of seeds since commit 5190330),
;; minimised with wasm-reduce; the other three functions are the same bug
;; written by hand. Every load here is out of bounds and must trap, even
;; though its value does not matter to the result. With
;; --bounds-checks=guard at -O1 and above, wasm2native returns a value
;; instead: only a load whose value is dropped directly keeps its asm
;; keep-alive (keepAliveIfLoaded), so once LLVM folds the use of a loaded
;; value away (x ^ 0 then drop, x * 0, x & 0, shifted out) it deletes the
;; load, and with it the fault that is the bounds check.
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
