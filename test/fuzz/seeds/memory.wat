;; Loads and stores of every width, offsets near 4 GiB, memory.grow to the
;; maximum, and the bulk memory operations.
(module
  (memory 1 3)
  (data $d "0123456789abcdef")
  (func (export "widths") (param $p i32) (result i64)
    (i64.store32 offset=3 (local.get $p) (i64.const -1))
    (i32.store16 (local.get $p) (i32.const 0x1234))
    (f64.store offset=8 (local.get $p) (f64.const 2.5))
    (i64.add
      (i64.load8_s (local.get $p))
      (i64.add (i64.load32_u offset=3 (local.get $p))
               (i64.load offset=0xfffffff0 (local.get $p)))))
  (func (export "bulk") (param $p i32) (result i32)
    (drop (memory.grow (i32.const 2)))
    (memory.init $d (local.get $p) (i32.const 2) (i32.const 8))
    (memory.copy (i32.add (local.get $p) (i32.const 1)) (local.get $p) (i32.const 8))
    (memory.fill (local.get $p) (i32.const 0x5a) (i32.const 3))
    (data.drop $d)
    (i32.add (memory.size) (i32.load8_u (local.get $p)))))
