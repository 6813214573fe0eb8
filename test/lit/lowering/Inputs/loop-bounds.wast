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

  ;; C[j] += B[j] over N pairs of f64s, unrolled by two (vectorised where
  ;; the footprints are apart). Where C's footprint and B's overlap, each
  ;; iteration must see the stores of the last: C = B + 8 computes running
  ;; sums.
  (func (export "add-pairs") (param $c i32) (param $b i32) (param $n i32)
    (local $k i32) (local $j i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $j (i32.shl (local.get $k) (i32.const 4)))
        (f64.store (i32.add (local.get $c) (local.get $j))
          (f64.add (f64.load (i32.add (local.get $c) (local.get $j)))
                   (f64.load (i32.add (local.get $b) (local.get $j)))))
        (f64.store offset=8 (i32.add (local.get $c) (local.get $j))
          (f64.add (f64.load offset=8 (i32.add (local.get $c) (local.get $j)))
                   (f64.load offset=8 (i32.add (local.get $b) (local.get $j)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; Stores 1.0 to the N f64s at P.
  (func (export "ones") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3)))
          (f64.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; An LZ77 match: N bytes to W from D bytes before it, byte by byte, so
  ;; that a match longer than D repeats its start.
  (func (export "repeat") (param $w i32) (param $d i32) (param $n i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (i32.store8 (i32.add (local.get $w) (local.get $k))
          (i32.load8_u (i32.sub (i32.add (local.get $w) (local.get $k)) (local.get $d))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; O[x] = DN[x] + UP[x] + MID[x + 1] - MID[x - 1] over i64s, x in [1, N),
  ;; with MID = UP + 64 and DN = UP + 128 (rows of 8), DN read first: the
  ;; other rows' indices count from DN's, a negative distance away.
  (func (export "smooth") (param $o i32) (param $up i32) (param $n i32)
    (local $mid i32) (local $dn i32) (local $x i32)
    (local.set $mid (i32.add (local.get $up) (i32.const 64)))
    (local.set $dn (i32.add (local.get $up) (i32.const 128)))
    (local.set $x (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $n)))
        (i64.store (i32.add (local.get $o) (i32.shl (local.get $x) (i32.const 3)))
          (i64.sub
            (i64.add
              (i64.add
                (i64.load (i32.add (local.get $dn) (i32.shl (local.get $x) (i32.const 3))))
                (i64.load (i32.add (local.get $up) (i32.shl (local.get $x) (i32.const 3)))))
              (i64.load offset=8 (i32.add (local.get $mid) (i32.shl (local.get $x) (i32.const 3)))))
            (i64.load (i32.add (local.get $mid)
                               (i32.shl (i32.sub (local.get $x) (i32.const 1)) (i32.const 3))))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $next))))

  ;; The f64 at P.
  (func (export "f64-at") (param $p i32) (result f64) (f64.load (local.get $p)))
  ;; The i64 at P.
  (func (export "i64-at") (param $p i32) (result i64) (i64.load (local.get $p)))
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
;; Footprints apart: each C becomes 2.
(invoke "ones" (i32.const 8192) (i32.const 32))
(invoke "ones" (i32.const 12288) (i32.const 32))
(invoke "add-pairs" (i32.const 12288) (i32.const 8192) (i32.const 16))
(assert_return (invoke "f64-at" (i32.const 12288)) (f64.const 2))
(assert_return (invoke "f64-at" (i32.const 12536)) (f64.const 2))
(assert_return (invoke "f64-at" (i32.const 12544)) (f64.const 0))
(assert_return (invoke "f64-at" (i32.const 8440)) (f64.const 1))
;; C = B + 8: running sums 1, 2, ..., 33.
(invoke "ones" (i32.const 16384) (i32.const 33))
(invoke "add-pairs" (i32.const 16392) (i32.const 16384) (i32.const 16))
(assert_return (invoke "f64-at" (i32.const 16392)) (f64.const 2))
(assert_return (invoke "f64-at" (i32.const 16400)) (f64.const 3))
(assert_return (invoke "f64-at" (i32.const 16640)) (f64.const 33))
;; C = B - 8: each C[j] becomes C[j] + C[j + 1], read before it is written.
(invoke "add-pairs" (i32.const 16384) (i32.const 16392) (i32.const 16))
(assert_return (invoke "f64-at" (i32.const 16384)) (f64.const 3))
(assert_return (invoke "f64-at" (i32.const 16392)) (f64.const 5))
(assert_return (invoke "f64-at" (i32.const 16632)) (f64.const 65))
(assert_return (invoke "f64-at" (i32.const 16640)) (f64.const 33))
;; C = B: doubles.
(invoke "add-pairs" (i32.const 8192) (i32.const 8192) (i32.const 16))
(assert_return (invoke "f64-at" (i32.const 8192)) (f64.const 2))
(assert_return (invoke "f64-at" (i32.const 8440)) (f64.const 2))
;; Apart, crossing the end (of two pages now): the pairs before the trap
;; are written.
(invoke "ones" (i32.const 130816) (i32.const 32))
(assert_trap (invoke "add-pairs" (i32.const 130816) (i32.const 8192) (i32.const 17)) "out of bounds memory access")
(assert_return (invoke "f64-at" (i32.const 130816)) (f64.const 3))
(assert_return (invoke "f64-at" (i32.const 131064)) (f64.const 3))

;; Bytes 1..8 at 20480; a match of 13 bytes from 3 back repeats 6 7 8.
(invoke "put" (i32.const 20480) (i64.const 0x0807_0605_0403_0201))
(invoke "repeat" (i32.const 20488) (i32.const 3) (i32.const 13))
(assert_return (invoke "at" (i32.const 20488)) (i32.const 0x0608_0706))
(assert_return (invoke "at" (i32.const 20492)) (i32.const 0x0706_0807))
(assert_return (invoke "at" (i32.const 20496)) (i32.const 0x0807_0608))
(assert_return (invoke "at" (i32.const 20500)) (i32.const 0x0000_0006))
;; A match from further back than its length: a plain copy.
(invoke "repeat" (i32.const 20504) (i32.const 24) (i32.const 8))
(assert_return (invoke "at" (i32.const 20504)) (i32.const 0x0403_0201))
(assert_return (invoke "at" (i32.const 20508)) (i32.const 0x0807_0605))

;; Three rows of i64s at 28672 (i32s 1..48, so the i64 at row r, column c
;; is 2k+1 + (2k+2) * 2^32, k = 8r + c), smoothed into 24576.
(invoke "fill" (i32.const 28672) (i32.const 48))
(invoke "smooth" (i32.const 24576) (i32.const 28672) (i32.const 8))
(assert_return (invoke "i64-at" (i32.const 24584)) (i64.const 0x2c_0000_002a))
(assert_return (invoke "i64-at" (i32.const 24608)) (i64.const 0x38_0000_0036))
(assert_return (invoke "i64-at" (i32.const 24632)) (i64.const 0x44_0000_0042))
(assert_return (invoke "i64-at" (i32.const 24640)) (i64.const 0))
;; Into the first row itself, one column on: each result is read back as
;; the next UP[x].
(invoke "smooth" (i32.const 28680) (i32.const 28672) (i32.const 8))
(assert_return (invoke "i64-at" (i32.const 28680)) (i64.const 0x4_0000_0003))
(assert_return (invoke "i64-at" (i32.const 28688)) (i64.const 0x2c_0000_002a))
(assert_return (invoke "i64-at" (i32.const 28712)) (i64.const 0xb0_0000_00ab))
(assert_return (invoke "i64-at" (i32.const 28736)) (i64.const 0x146_0000_013e))
(assert_return (invoke "i64-at" (i32.const 28744)) (i64.const 0x14_0000_0013))
;; The last row ends the memory (two pages): DN[5] is beyond it, and the
;; results of x = 1..4 are written before the trap.
(invoke "fill" (i32.const 130904) (i32.const 42))
(assert_trap (invoke "smooth" (i32.const 24832) (i32.const 130904) (i32.const 8)) "out of bounds memory access")
(assert_return (invoke "i64-at" (i32.const 24840)) (i64.const 0x2c_0000_002a))
(assert_return (invoke "i64-at" (i32.const 24864)) (i64.const 0x38_0000_0036))
(assert_return (invoke "i64-at" (i32.const 24872)) (i64.const 0))

;; A search, leaving when the bytes differ or after N: the copy runs only
;; with explicit checks (loop-bounds.wat), and both must stop at the same
;; byte, or trap at the same one.
(module
  (memory 1)
  (data (i32.const 100) "abcdefgh")
  (data (i32.const 200) "abcdXfgh")
  (func (export "match") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $l i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $l) (local.get $n)))
        (br_if $done (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $l)))
                             (i32.load8_u (i32.add (local.get $b) (local.get $l)))))
        (local.set $l (i32.add (local.get $l) (i32.const 1)))
        (br $next)))
    (local.get $l)))
(assert_return (invoke "match" (i32.const 100) (i32.const 200) (i32.const 8)) (i32.const 4))
(assert_return (invoke "match" (i32.const 100) (i32.const 200) (i32.const 3)) (i32.const 3))
(assert_return (invoke "match" (i32.const 100) (i32.const 100) (i32.const 8)) (i32.const 8))
;; A mismatch before the end of the memory: no trap, though N reaches
;; beyond it (the copy's test fails; the checked loop runs).
(assert_return (invoke "match" (i32.const 100) (i32.const 200) (i32.const 100000)) (i32.const 4))
;; Equal up to the end of the memory.
(assert_return (invoke "match" (i32.const 65530) (i32.const 65530) (i32.const 6)) (i32.const 6))
(assert_trap (invoke "match" (i32.const 65530) (i32.const 65530) (i32.const 7)) "out of bounds memory access")
(assert_trap (invoke "match" (i32.const -16) (i32.const 0) (i32.const 4)) "out of bounds memory access")

;; A byte fill, which loop idiom recognition turns into a memset in the
;; copy. The checked loop stays a store a byte (and, with explicit checks,
;; may be vectorised up to the first byte beyond the memory), so a fill
;; that runs off the end writes every byte up to it before the trap.
(module
  (memory 1)
  (func (export "set") (param $p i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $p) (local.get $i)) (i32.const 0x5a))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  (func (export "byte") (param $p i32) (result i32) (i32.load8_u (local.get $p))))
(invoke "set" (i32.const 1000) (i32.const 300))
(assert_return (invoke "byte" (i32.const 999)) (i32.const 0))
(assert_return (invoke "byte" (i32.const 1000)) (i32.const 0x5a))
(assert_return (invoke "byte" (i32.const 1299)) (i32.const 0x5a))
(assert_return (invoke "byte" (i32.const 1300)) (i32.const 0))
;; 300 bytes from 65300 run 64 beyond the memory: the 236 within it are
;; written, up to the memory's last byte.
(assert_trap (invoke "set" (i32.const 65300) (i32.const 300)) "out of bounds memory access")
(assert_return (invoke "byte" (i32.const 65299)) (i32.const 0))
(assert_return (invoke "byte" (i32.const 65300)) (i32.const 0x5a))
(assert_return (invoke "byte" (i32.const 65534)) (i32.const 0x5a))
(assert_return (invoke "byte" (i32.const 65535)) (i32.const 0x5a))
;; 100 bytes from 65436 end the memory exactly.
(invoke "set" (i32.const 65436) (i32.const 100))
(assert_trap (invoke "set" (i32.const -16) (i32.const 8)) "out of bounds memory access")
