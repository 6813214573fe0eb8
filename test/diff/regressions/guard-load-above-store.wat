;; Found by run-diff on AArch64 (--exe aarch64), seeds 2481 and 2595 of
;; 5,000, minimised with wasm-reduce. The i64.store16 at 28 is in bounds
;; (a constant address within the initial memory), so in guard mode it got
;; no store barrier; the f64.load after it faults (its address folds to
;; 0x3f800004, past the memory's 17 pages). Knowing the two addresses
;; apart, AArch64's code generator, which schedules with alias analysis,
;; moved the load above the store: the call trapped before the store, and
;; the memory hash differed from node's. The second function does the same
;; with a faulting store after an in-bounds one, which LLVM could merge.
(module
  (memory (export "memory") 16 17)
  (func (export "load_after_store")
    (local $f f32)
    (local.set $f (f32.const 1))
    (i64.store16 (i32.const 28) (i64.const 1))
    (drop
      (f64.load offset=4 align=4
        (i32x4.extract_lane 1 (f32x4.splat (local.get $f))))))
  (func (export "store_after_store")
    (i32.store16 (i32.const 40) (i32.const 0x1234))
    (i32.store
      (i32x4.extract_lane 1 (f32x4.splat (f32.const 1)))
      (i32.const 7))))
