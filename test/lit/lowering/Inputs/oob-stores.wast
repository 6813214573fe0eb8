;; Stores that cross the end of the memory trap and write nothing, for each
;; width, at each misalignment, before and after memory.grow; and a
;; store that ends exactly at the end works.
(module
  (memory 1 2)
  (func (export "grow") (result i32) (memory.grow (i32.const 1)))
  (func (export "fill") (param i32)
    (memory.fill (i32.sub (local.get 0) (i32.const 16)) (i32.const 0x5a) (i32.const 16)))
  (func (export "i16") (param i32) (i32.store16 (local.get 0) (i32.const -1)))
  (func (export "i32") (param i32) (i32.store (local.get 0) (i32.const -1)))
  (func (export "i64") (param i32) (i64.store (local.get 0) (i64.const -1)))
  (func (export "f64") (param i32) (f64.store offset=1 (local.get 0) (f64.const -1)))
  (func (export "v128") (param i32) (v128.store (local.get 0) (v128.const i64x2 -1 -1)))
  (func (export "lane") (param i32)
    (v128.store64_lane 1 (local.get 0) (v128.const i64x2 -1 -1)))
  ;; Two stores LLVM would merge into one wider store: the first is in
  ;; bounds and must be written when the second traps.
  (func (export "pair") (param i32)
    (i32.store (local.get 0) (i32.const 0x01020304))
    (i32.store offset=4 (local.get 0) (i32.const 0x05060708)))
  (func (export "byte-pair") (param i32)
    (i32.store8 (local.get 0) (i32.const 0x11))
    (i32.store8 offset=1 (local.get 0) (i32.const 0x22)))
  ;; Stores a byte at P, P + 1, ... and loads the same Q each time: where Q
  ;; is out of bounds, the first store is made before the trap (the load
  ;; must not move above it, out of the loop or otherwise).
  (func (export "store-then-load-q") (param $p i32) (param $q i32) (param $n i32) (result i32)
    (local $s i32)
    (loop $next
      (i32.store8 (local.get $p) (local.get $n))
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $q))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "at") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "at8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  ;; The sum of the last 16 bytes below END, each weighted, so that any
  ;; changed byte changes it.
  (func (export "tail") (param $end i32) (result i64)
    (local $i i32) (local $sum i64)
    (local.set $i (i32.sub (local.get $end) (i32.const 16)))
    (loop $next
      (local.set $sum (i64.add (i64.mul (local.get $sum) (i64.const 257))
                               (i64.load8_u (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (local.get $sum))
)

(invoke "fill" (i32.const 65536))
(assert_return (invoke "tail" (i32.const 65536)) (i64.const 0x5ce552209d0a35a0))
(assert_trap (invoke "i16" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "i32" (i32.const 65533)) "out of bounds memory access")
(assert_trap (invoke "i32" (i32.const 65535)) "out of bounds memory access")
(assert_trap (invoke "i64" (i32.const 65529)) "out of bounds memory access")
(assert_trap (invoke "i64" (i32.const 65532)) "out of bounds memory access")
(assert_trap (invoke "f64" (i32.const 65528)) "out of bounds memory access")
(assert_trap (invoke "v128" (i32.const 65521)) "out of bounds memory access")
(assert_trap (invoke "v128" (i32.const 65528)) "out of bounds memory access")
(assert_trap (invoke "lane" (i32.const 65530)) "out of bounds memory access")
(assert_return (invoke "tail" (i32.const 65536)) (i64.const 0x5ce552209d0a35a0))

(assert_return (invoke "grow") (i32.const 1))
(invoke "fill" (i32.const 131072))
(assert_trap (invoke "i64" (i32.const 131068)) "out of bounds memory access")
(assert_trap (invoke "v128" (i32.const 131064)) "out of bounds memory access")
(assert_return (invoke "tail" (i32.const 131072)) (i64.const 0x5ce552209d0a35a0))
(assert_return (invoke "i64" (i32.const 131064)))
(assert_return (invoke "tail" (i32.const 131072)) (i64.const 0x071f8265df3446c8))

;; The stores before a trapping one stay written.
(assert_trap (invoke "pair" (i32.const 131068)) "out of bounds memory access")
(assert_return (invoke "at" (i32.const 131068)) (i32.const 0x01020304))
(assert_trap (invoke "byte-pair" (i32.const 131071)) "out of bounds memory access")
(assert_return (invoke "at8" (i32.const 131071)) (i32.const 0x11))
(assert_trap (invoke "store-then-load-q" (i32.const 100) (i32.const 131069) (i32.const 3)) "out of bounds memory access")
(assert_return (invoke "at8" (i32.const 100)) (i32.const 3))
(assert_return (invoke "at8" (i32.const 101)) (i32.const 0))
(assert_return (invoke "store-then-load-q" (i32.const 100) (i32.const 131068) (i32.const 3)) (i32.const 0x3306090c))
(assert_return (invoke "at" (i32.const 100)) (i32.const 0x00010203))
