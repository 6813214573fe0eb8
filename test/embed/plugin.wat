;; A small plugin for the embedding test (host.c): a host import, a mutable
;; exported global, multiple results, and one export per kind of trap.
(module
  (import "host" "log" (func $log (param i32)))
  (memory (export "memory") 1)
  (global $count (export "count") (mut i32) (i32.const 0))

  (func (export "inc") (param $by i32) (result i32)
    (global.set $count (i32.add (global.get $count) (local.get $by)))
    (call $log (global.get $count))
    (global.get $count))

  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))

  (func (export "load") (param i32) (result i32)
    (i32.load (local.get 0)))

  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))

  (func (export "divmod") (param i64 i64) (result i64 i64)
    (i64.div_u (local.get 0) (local.get 1))
    (i64.rem_u (local.get 0) (local.get 1))))
