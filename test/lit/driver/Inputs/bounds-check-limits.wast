;; Accesses at the last in-bounds address and one byte beyond, with and
;; without constant offsets, in straight-line code and in loops whose memory
;; size changes between iterations: each explicit check compares the index
;; with a limit, the size less the access's offset and width
;; (lowering/passes/BoundsCheckLimits.cpp), and an off-by-one there shows here.
(module
  (memory 1 4)

  (func (export "load8") (param $a i32) (result i32)
    (i32.load8_u (local.get $a)))
  (func (export "load32_off16") (param $a i32) (result i32)
    (i32.load offset=16 (local.get $a)))
  (func (export "load64") (param $a i32) (result i64)
    (i64.load (local.get $a)))
  (func (export "store16_off3") (param $a i32) (param $v i32)
    (i32.store16 offset=3 (local.get $a) (local.get $v)))
  (func (export "load32_max_off") (param $a i32) (result i32)
    (i32.load offset=0xfffffff0 (local.get $a)))

  ;; Follows a chain of N pointers from the one at P, growing the memory by
  ;; a page before each step when G is set: the index is not affine, so no
  ;; loop versioning takes the checks away, and the size differs each
  ;; iteration. The load before the loop makes the size a phi in the loop
  ;; (bounds-check-limits.wat).
  (func (export "chase") (param $p i32) (param $n i32) (param $g i32) (result i32)
    (local.set $p (i32.load (local.get $p)))
    (loop $next
      (if (local.get $g) (then (drop (memory.grow (i32.const 1)))))
      (local.set $p (i32.load offset=4 (local.get $p)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $p))

  (func (export "poke") (param $a i32) (param $v i32)
    (i32.store (local.get $a) (local.get $v)))
  (func (export "size") (result i32) (memory.size))
)

;; One page: 65536 bytes.
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0))
(assert_trap (invoke "load8" (i32.const 65536)) "out of bounds memory access")
(assert_return (invoke "load32_off16" (i32.const 65516)) (i32.const 0))
(assert_trap (invoke "load32_off16" (i32.const 65517)) "out of bounds memory access")
(assert_trap (invoke "load32_off16" (i32.const -1)) "out of bounds memory access")
(assert_return (invoke "load64" (i32.const 65528)) (i64.const 0))
(assert_trap (invoke "load64" (i32.const 65529)) "out of bounds memory access")
(assert_trap (invoke "load64" (i32.const -8)) "out of bounds memory access")
(assert_return (invoke "store16_off3" (i32.const 65531) (i32.const 0x1234)))
(assert_return (invoke "load8" (i32.const 65534)) (i32.const 0x34))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0x12))
(assert_trap (invoke "store16_off3" (i32.const 65532) (i32.const 0x5678)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0x12))
(assert_trap (invoke "load32_max_off" (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "load32_max_off" (i32.const 0x10000)) "out of bounds memory access")

;; A chain from mem[0] = 0 whose k-th link is read at k * 65536 (the link at P is
;; read at P + 4): the first word of page k + 1, one word beyond the
;; memory until it has k + 1 pages. Growing inside the loop must move
;; each check's limit with the size; a stale limit traps.
(assert_return (invoke "poke" (i32.const 4) (i32.const 65532)))
(assert_return (invoke "chase" (i32.const 0) (i32.const 1) (i32.const 0)) (i32.const 65532))
(assert_trap (invoke "chase" (i32.const 0) (i32.const 2) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "chase" (i32.const 0) (i32.const 2) (i32.const 1)) (i32.const 0))
(assert_return (invoke "size") (i32.const 3))
(assert_return (invoke "poke" (i32.const 65536) (i32.const 131068)))
(assert_return (invoke "poke" (i32.const 131072) (i32.const 196604)))
(assert_return (invoke "chase" (i32.const 0) (i32.const 3) (i32.const 0)) (i32.const 196604))
(assert_trap (invoke "chase" (i32.const 0) (i32.const 4) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "chase" (i32.const 0) (i32.const 4) (i32.const 1)) (i32.const 0))
(assert_return (invoke "size") (i32.const 4))
;; At the maximum the grows fail, and the fifth link, beyond page 4, traps.
(assert_return (invoke "poke" (i32.const 196608) (i32.const 262140)))
(assert_trap (invoke "chase" (i32.const 0) (i32.const 5) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "size") (i32.const 4))

;; Eighteen loads at offsets of their own, each after a branch that grows
;; the memory when its bit of G is set (bounds-check-limits.wat): the last
;; at offset 1000 goes through more phis of the size than its limit is made
;; a phi for. Its index reads page 2's first word when the memory has grown.
(module
  (memory 1 4)
  (func (export "sum_web") (param $p i32) (param $g i32) (result i32)
    (local $s i32)
    (if (i32.and (local.get $g) (i32.const 0x1)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=0 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x2)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=4 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x4)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=8 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x8)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=12 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x10)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=16 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x20)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=20 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x40)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=24 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x80)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=28 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x100)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=32 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x200)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=36 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x400)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=40 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x800)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=44 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x1000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=48 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x2000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=52 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x4000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=56 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x8000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=60 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x10000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=64 (local.get $p))))
    (if (i32.and (local.get $g) (i32.const 0x20000)) (then (drop (memory.grow (i32.const 1)))))
    (local.set $s (i32.add (local.get $s) (i32.load offset=1000 (local.get $p))))
    (local.get $s))
  (func (export "poke") (param $a i32) (param $v i32)
    (i32.store (local.get $a) (local.get $v)))
  (func (export "size") (result i32) (memory.size))
)

(assert_return (invoke "poke" (i32.const 0) (i32.const 1)))
(assert_return (invoke "poke" (i32.const 64) (i32.const 2)))
(assert_return (invoke "sum_web" (i32.const 0) (i32.const 0)) (i32.const 3))
(assert_return (invoke "sum_web" (i32.const 64532) (i32.const 0)) (i32.const 0))
(assert_trap (invoke "sum_web" (i32.const 64533) (i32.const 0)) "out of bounds memory access")
;; Grown by the last branch, just before the last load.
(assert_return (invoke "sum_web" (i32.const 64533) (i32.const 0x20000)) (i32.const 0))
(assert_return (invoke "size") (i32.const 2))
