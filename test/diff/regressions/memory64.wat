;; Not a mismatch found by run-diff: a 64-bit memory (memory64), which
;; binaryen 108's fuzzer does not generate (its -ttf modules keep a 32-bit
;; memory), compared with node 20 (--experimental-wasm-memory64) by
;; hand-written code: loads and stores at i64 addresses, bounds at and far
;; beyond the end, growth, and the bulk operations.
(module
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (memory (export "memory") i64 1 3)
  (data (i64.const 65530) "\01\02\03\04\05\06")

  (func (export "load-store") (result i64)
    (i64.store offset=8 (i64.const 100) (i64.const 0x0123456789abcdef))
    (i64.store8 (i64.const 65535) (i64.const 0xff))
    (i64.add (i64.load (i64.const 108)) (i64.load8_u (i64.const 65535))))

  (func (export "load-at-end") (result i64)
    (i64.load32_u (i64.const 65532)))

  (func (export "load-past-end") (result i64)
    (i64.load (i64.const 65529)))

  (func (export "load-above-4gib") (result i32)
    (i32.load (i64.const 0x100000000)))

  (func (export "offset-wraps") (result i32)
    (i32.load offset=0xfffffff0 (i64.const 0xffffffffffffffff)))

  (func (export "grow")
    (call $log-i64 (memory.size))
    (call $log-i64 (memory.grow (i64.const 1)))
    (call $log-i64 (memory.grow (i64.const 5)))
    (call $log-i64 (memory.size))
    (i64.store (i64.const 131064) (i64.const -1)))

  (func (export "bulk")
    (memory.fill (i64.const 200) (i32.const 0x5a) (i64.const 40))
    (memory.copy (i64.const 300) (i64.const 196) (i64.const 48)))

  (func (export "fill-past-end")
    (memory.fill (i64.const 131000) (i32.const 1) (i64.const 0x10000))))
