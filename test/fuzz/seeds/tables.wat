;; Reference values and the table operations.
(module
  (type $f (func (result i32)))
  (table $t 2 10 funcref)
  (table $x 1 externref)
  (elem $e funcref (ref.func $one) (ref.func $two))
  (func $one (type $f) (i32.const 1))
  (func $two (type $f) (i32.const 2))
  (func (export "ops") (param externref) (result i32)
    (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 2))
    (elem.drop $e)
    (drop (table.grow $t (ref.null func) (i32.const 3)))
    (table.copy $t $t (i32.const 2) (i32.const 0) (i32.const 2))
    (table.fill $t (i32.const 4) (ref.func $two) (i32.const 1))
    (table.set $x (i32.const 0) (local.get 0))
    (i32.add
      (i32.add (table.size $t) (ref.is_null (table.get $x (i32.const 0))))
      (call_indirect $t (type $f) (i32.const 4)))))
