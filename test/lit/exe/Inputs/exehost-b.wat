(module
  (import "a" "add" (func $add (param i32 i32) (result i32)))
  (import "spectest" "global_i32" (global $g i32))
  (import "spectest" "print_i32" (func $print (param i32)))
  (func (export "add666") (param i32) (result i32)
    (call $print (local.get 0))
    (call $add (local.get 0) (global.get $g))))
