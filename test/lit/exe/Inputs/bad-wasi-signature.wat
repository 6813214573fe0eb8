;; fd_write with an i64 where WASI has an i32.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")))
