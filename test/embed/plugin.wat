;; A small plugin for the embedding test (host.c): a host import, a mutable
;; exported global, multiple results, one export per kind of trap, and
;; exceptions crossing to and from the host.
(module
  (import "host" "log" (func $log (param i32)))
  (import "host" "tag" (tag $host_tag (param i32)))
  (import "host" "throw" (func $host_throw (param i32)))
  (tag $err (export "err") (param i32 i64))
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
    (i64.rem_u (local.get 0) (local.get 1)))

  ;; Uncaught: the host gets the exception, its tag and its values.
  (func (export "raise") (param i32)
    (throw $err (local.get 0) (i64.const -7)))

  ;; The host function throws $err (for n >= 0, caught here: n + 1) or
  ;; the host's own tag (for n < 0, caught by its tag: n - 1).
  (func (export "catch_host") (param $n i32) (result i32)
    (block $from_host (result i32)
      (block $err (result i32 i64)
        (try_table (catch $err $err) (catch $host_tag $from_host)
          (call $host_throw (local.get $n)))
        (return (i32.const 0)))
      (drop)
      (return (i32.add (i32.const 1))))
    (i32.sub (i32.const 1)))

  ;; The host's tag, thrown here and caught by the host.
  (func (export "raise_host_tag") (param i32)
    (throw $host_tag (local.get 0))))
