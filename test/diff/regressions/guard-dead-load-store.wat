;; Found by run-diff, seed 4256, minimised with wasm-reduce: the same bug as
;; guard-dead-load.wat (commit 5190330, reverted in 1c581ff), seen through
;; memory. $hash's out-of-bounds load8_u offset=10 (at 0x91 << 15) only feeds
;; bits that `& 15` clears, so in guard mode LLVM deleted it; the call then
;; trapped later, at the second call of $hash, after the f32.store had
;; changed memory, and the final memory hash differed from node's.
(module
  (import "fuzzing-support" "log-i32" (func $log-i32 (param i32)))
  (memory (export "memory") 16 17)
  (data (i32.const 6) "\91\00\00\00\00\00\00\88")
  (func $hash (result i32)
    (local $0 i32)
    (i32.add
      (i32.shl
        (local.tee $0
          (i32.xor
            (i32.load8_u (i32.const 13))
            (i32.shl
              (i32.load8_u offset=10
                (i32.shl (i32.load8_u (i32.const 6)) (i32.const 15)))
              (i32.const 5))))
        (i32.const 5))
      (local.get $0)))
  (func (export "func_31") (param i64) (result i64)
    (f32.store offset=4 (i32.and (call $hash) (i32.const 15)) (f32.const 0))
    (call $log-i32 (call $hash))
    (i64.const 0))
)
