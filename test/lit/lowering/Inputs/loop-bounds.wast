;; Loops whose bounds checks LoopBoundsChecks.cpp hoists: each runs once
;; where the hoisted check holds (the unchecked copy) and once where it does
;; not (the original loop), and must give the same results, trap at the same
;; iteration and leave the same bytes behind.
(module
  (memory 1 4)
  (func (export "grow") (result i32) (memory.grow (i32.const 1)))

  ;; The sum of N i64s from P, ascending.
  (func (export "sum") (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i64.add (local.get $s)
          (i64.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; The same, descending, with an offset immediate and a byte load.
  (func (export "sum-down") (param $p i32) (param $n i32) (result i64)
    (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $s (i64.add (local.get $s)
          (i64.add (i64.load offset=8 (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
                   (i64.load8_u offset=3 (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3)))))))
        (br $next)))
    (local.get $s))

  ;; Only iterations from 2 load, at P + 8*i: with P = -16 the index wraps
  ;; around 2^32 at i = 2 and the loads read from 0 upwards.
  (func (export "sum-wrapping") (param $p i32) (param $n i32) (result i64)
    (local $i i32) (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.ge_u (local.get $i) (i32.const 2))
          (then
            (local.set $s (i64.add (local.get $s)
              (i64.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; Stores I+1 to the N i32s at P, P - 4 being read first (a negative
  ;; constant in the index).
  (func (export "fill") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (i32.add (i32.add (local.get $i) (i32.const 1))
            (i32.mul (i32.const 0)
              (i32.load (i32.add (i32.add (local.get $p) (i32.const -4))
                                 (i32.shl (local.get $i) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Copies N i64s from S to D.
  (func (export "copy") (param $d i32) (param $s i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i64.store (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 3)))
          (i64.load (i32.add (local.get $s) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Grows the memory at iteration K, then reads past the old end.
  (func (export "grow-inside") (param $n i32) (param $k i32) (result i64)
    (local $i i32) (local $s i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eq (local.get $i) (local.get $k))
          (then (drop (memory.grow (i32.const 1)))))
        (local.set $s (i64.add (local.get $s)
          (i64.load (i32.add (i32.const 65024) (i32.shl (local.get $i) (i32.const 8))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; The sum of TABLE[byte] for the N bytes from P, TABLE being 256 i32s at
  ;; 4096: the lookup's index is bounded by its value range, not affine.
  (func (export "lookup") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load offset=4096
            (i32.shl (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; The i32 at P.
  (func (export "at") (param $p i32) (result i32) (i32.load (local.get $p)))
  ;; Stores V as an i64 at P.
  (func (export "put") (param $p i32) (param $v i64) (i64.store (local.get $p) (local.get $v)))
)

;; Memory starts as zeros: 1 as i64s at 0, 8 and 16, and 1..100 as i32s at
;; 4096.
(invoke "put" (i32.const 0) (i64.const 1))
(invoke "put" (i32.const 8) (i64.const 1))
(invoke "put" (i32.const 16) (i64.const 1))
(invoke "fill" (i32.const 4096) (i32.const 100))
(assert_return (invoke "at" (i32.const 4096)) (i32.const 1))
(assert_return (invoke "at" (i32.const 4492)) (i32.const 100))
(assert_return (invoke "at" (i32.const 4496)) (i32.const 0))

;; Table lookups: bytes 1 0 0 0 2 0 0 0 at 4096, table 1 2 3 ... at 4096.
(assert_return (invoke "lookup" (i32.const 4096) (i32.const 8)) (i32.const 11))
;; Bytes 0xff (at 65528, written by "put") read the table's entry 255, at
;; 5116 (zero): still in bounds; then the loop crosses the end.
(invoke "put" (i32.const 65528) (i64.const -1))
(assert_return (invoke "lookup" (i32.const 65528) (i32.const 8)) (i32.const 0))
(assert_trap (invoke "lookup" (i32.const 65528) (i32.const 9)) "out of bounds memory access")
(invoke "put" (i32.const 65528) (i64.const 0))

;; In bounds: the unchecked copy.
(assert_return (invoke "sum" (i32.const 0) (i32.const 3)) (i64.const 3))
(assert_return (invoke "sum" (i32.const 4096) (i32.const 50)) (i64.const 0x0000_09f6_0000_09c4))
(assert_return (invoke "sum" (i32.const 65528) (i32.const 1)) (i64.const 0))
(assert_return (invoke "sum-down" (i32.const 4088) (i32.const 3)) (i64.const 0x0000_000c_0000_0009))
(assert_return (invoke "sum-wrapping" (i32.const 100) (i32.const 0)) (i64.const 0))
;; The index wraps: the original loop, reading 0, 8 and 16.
(assert_return (invoke "sum-wrapping" (i32.const -16) (i32.const 5)) (i64.const 3))
;; Out of bounds from some iteration on: the original loop, which traps.
(assert_trap (invoke "sum" (i32.const 65520) (i32.const 3)) "out of bounds memory access")
(assert_trap (invoke "sum" (i32.const -8) (i32.const 2)) "out of bounds memory access")
(assert_trap (invoke "sum-down" (i32.const 65520) (i32.const 2)) "out of bounds memory access")
(assert_return (invoke "sum-wrapping" (i32.const -16) (i32.const 3000)) (i64.const 0x0000_09f6_0000_09c7))
(assert_trap (invoke "sum-wrapping" (i32.const -16) (i32.const 9000)) "out of bounds memory access")

;; A store loop that traps has written every iteration before the trap, and
;; nothing at or after it.
(assert_trap (invoke "fill" (i32.const 65524) (i32.const 5)) "out of bounds memory access")
(assert_return (invoke "at" (i32.const 65524)) (i32.const 1))
(assert_return (invoke "at" (i32.const 65528)) (i32.const 2))
(assert_return (invoke "at" (i32.const 65532)) (i32.const 3))
(assert_trap (invoke "copy" (i32.const 65512) (i32.const 4096) (i32.const 4)) "out of bounds memory access")
(assert_return (invoke "at" (i32.const 65512)) (i32.const 1))
(assert_return (invoke "at" (i32.const 65520)) (i32.const 3))
(assert_return (invoke "at" (i32.const 65528)) (i32.const 5))
;; The source crosses the end: nothing of the last iteration is written.
(invoke "put" (i32.const 65528) (i64.const 7))
(assert_trap (invoke "copy" (i32.const 8192) (i32.const 65512) (i32.const 4)) "out of bounds memory access")
(assert_return (invoke "at" (i32.const 8200)) (i32.const 3))
(assert_return (invoke "at" (i32.const 8208)) (i32.const 7))
(assert_return (invoke "at" (i32.const 8216)) (i32.const 0))

;; The memory grows inside the loop: from iteration 2 on the loads read the
;; new page (zeros); without the growth iteration 2 traps.
(assert_trap (invoke "grow-inside" (i32.const 4) (i32.const 100)) "out of bounds memory access")
(assert_return (invoke "grow-inside" (i32.const 4) (i32.const 1)) (i64.const 0))
;; Now 2 pages: the same loop fits, and a longer one does not.
(assert_return (invoke "grow-inside" (i32.const 200) (i32.const 1000)) (i64.const 0))
(assert_trap (invoke "grow-inside" (i32.const 260) (i32.const 1000)) "out of bounds memory access")
(assert_return (invoke "sum" (i32.const 65528) (i32.const 3)) (i64.const 7))
