;; Accesses just past the end of the memory, in one stretch of straight-line
;; code with something that grows it in between: memory.grow itself, a call
;; to a function that grows it, the same call through a table, and a call to
;; a function that grows it only sometimes. The access before the growth
;; traps; the one after it must see the new size.
(module
  (memory 1 5)
  (table funcref (elem $grow))
  (type $to_i32 (func (result i32)))
  (func $grow (result i32) (memory.grow (i32.const 1)))
  (func $maybe_grow (param i32)
    (if (local.get 0) (then (drop (memory.grow (i32.const 1))))))

  ;; Reads the last word of the memory, grows it by a page and reads the
  ;; first word of the new page: 0 if the second read sees the new size.
  (func (export "direct") (result i32)
    (drop (i32.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))))
    (drop (memory.grow (i32.const 1)))
    (i32.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 65536))))
  (func (export "call") (param $end i32) (result i32)
    (drop (i32.load (i32.sub (local.get $end) (i32.const 4))))
    (drop (call $grow))
    (i32.load (local.get $end)))
  (func (export "call_indirect") (param $end i32) (result i32)
    (drop (i32.load (i32.sub (local.get $end) (i32.const 4))))
    (drop (call_indirect (type $to_i32) (i32.const 0)))
    (i32.load (local.get $end)))
  (func (export "maybe") (param $end i32) (param $grow i32) (result i32)
    (drop (i32.load (i32.sub (local.get $end) (i32.const 4))))
    (call $maybe_grow (local.get $grow))
    (i32.load (local.get $end)))
  ;; The same load twice with nothing between: the second traps with the
  ;; first.
  (func (export "twice") (param $at i32) (result i32)
    (i32.add (i32.load (local.get $at)) (i32.load (local.get $at))))
  (func (export "size") (result i32) (memory.size))
)
(assert_return (invoke "twice" (i32.const 65532)) (i32.const 0))
(assert_trap (invoke "twice" (i32.const 65533)) "out of bounds memory access")
(assert_return (invoke "size") (i32.const 1))
(assert_return (invoke "direct") (i32.const 0))
(assert_return (invoke "size") (i32.const 2))
(assert_return (invoke "call" (i32.const 131072)) (i32.const 0))
(assert_return (invoke "size") (i32.const 3))
(assert_return (invoke "call_indirect" (i32.const 196608)) (i32.const 0))
(assert_return (invoke "size") (i32.const 4))
(assert_trap (invoke "maybe" (i32.const 262144) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "size") (i32.const 4))
(assert_return (invoke "maybe" (i32.const 262144) (i32.const 1)) (i32.const 0))
(assert_return (invoke "size") (i32.const 5))
;; The memory is at its maximum: the growth fails and the access traps.
(assert_trap (invoke "call" (i32.const 327680)) "out of bounds memory access")
(assert_trap (invoke "call_indirect" (i32.const 327680)) "out of bounds memory access")
(assert_return (invoke "size") (i32.const 5))
