;; The functions of redundant-bounds-checks.wat at the end of the memory:
;; each check left traps exactly where an access would cross the end, and
;; an access whose check was dropped is in bounds whenever it runs.
(module
  (memory 1 4)
  (data (i32.const 0) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00")

  (func (export "fields") (param $p i32) (result i32)
    (i32.add
      (i32.wrap_i64 (i64.load offset=8 (local.get $p)))
      (i32.add (i32.load (local.get $p)) (i32.load offset=12 (local.get $p)))))
  (func (export "stores") (param $p i32)
    (i64.store (local.get $p) (i64.const -1))
    (i32.store16 offset=2 (local.get $p) (i32.const 0x1234)))
  (func (export "narrow_first") (param $p i32)
    (i32.store8 (local.get $p) (i32.const 0x55))
    (i64.store offset=8 (local.get $p) (i64.const 0)))
  (func (export "one_path") (param $p i32) (param $c i32) (result i32)
    (local $v i32)
    (if (local.get $c)
      (then (local.set $v (i32.wrap_i64 (i64.load offset=8 (local.get $p))))))
    (i32.add (local.get $v) (i32.load (local.get $p))))
  (func (export "other_index") (param $p i32) (result i32)
    (i32.add
      (i32.wrap_i64 (i64.load offset=8 (local.get $p)))
      (i32.load (i32.add (local.get $p) (i32.const 4)))))
  (func (export "loop_fields") (param $p i32) (param $n i32) (result i32)
    (local $s i32)
    (local.set $s (i32.load offset=8 (local.get $p)))
    (loop $next
      (drop (memory.grow (i32.const 0)))
      (local.set $s (i32.add (local.get $s)
        (i32.add (i32.load (local.get $p)) (i32.load offset=4 (local.get $p)))))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "load8") (param $p i32) (result i32)
    (i32.load8_u (local.get $p)))
  (func (export "load64") (param $p i32) (result i64)
    (i64.load (local.get $p)))
)

(assert_return (invoke "fields" (i32.const 0)) (i32.const 8))
(assert_return (invoke "fields" (i32.const 65520)) (i32.const 0))
(assert_trap (invoke "fields" (i32.const 65521)) "out of bounds memory access")
(assert_trap (invoke "fields" (i32.const -4)) "out of bounds memory access")

(assert_return (invoke "stores" (i32.const 65528)))
(assert_return (invoke "load64" (i32.const 65528)) (i64.const 0xffffffff1234ffff))
(assert_trap (invoke "stores" (i32.const 65529)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0xff))

(assert_return (invoke "narrow_first" (i32.const 65520)))
(assert_return (invoke "load8" (i32.const 65520)) (i32.const 0x55))
(assert_trap (invoke "narrow_first" (i32.const 65521)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65521)) (i32.const 0x55))

(assert_return (invoke "one_path" (i32.const 0) (i32.const 1)) (i32.const 4))
(assert_return (invoke "one_path" (i32.const 65532) (i32.const 0)) (i32.const 0))
(assert_trap (invoke "one_path" (i32.const 65533) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "one_path" (i32.const 65521) (i32.const 1)) "out of bounds memory access")

(assert_return (invoke "other_index" (i32.const 0)) (i32.const 5))
(assert_return (invoke "other_index" (i32.const 65520)) (i32.const 0))
(assert_trap (invoke "other_index" (i32.const 65521)) "out of bounds memory access")

(assert_return (invoke "loop_fields" (i32.const 0) (i32.const 3)) (i32.const 12))
(assert_return (invoke "loop_fields" (i32.const 65524) (i32.const 2)) (i32.const 0))
(assert_trap (invoke "loop_fields" (i32.const 65525) (i32.const 2)) "out of bounds memory access")

;; The memory grows between the checked access and the unchecked one.
(module
  (memory 1 2)
  (func (export "across_grow") (param $p i32) (result i32)
    (local $v i32)
    (local.set $v (i32.wrap_i64 (i64.load offset=8 (local.get $p))))
    (drop (memory.grow (i32.const 1)))
    (i32.add (local.get $v) (i32.load offset=4 (local.get $p))))
  (func (export "size") (result i32) (memory.size))
)

(assert_trap (invoke "across_grow" (i32.const 65521)) "out of bounds memory access")
(assert_return (invoke "size") (i32.const 1))
(assert_return (invoke "across_grow" (i32.const 65520)) (i32.const 0))
(assert_return (invoke "size") (i32.const 2))
(assert_return (invoke "across_grow" (i32.const 131056)) (i32.const 0))
(assert_trap (invoke "across_grow" (i32.const 131057)) "out of bounds memory access")
