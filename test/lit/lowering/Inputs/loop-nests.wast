;; Nests LoopBoundsChecks.cpp versions as a whole (lowering/loop-nests.wat):
;; each runs where the nest's test holds, where it does not (an index that
;; wraps around 2^32, an access beyond the memory) and where its operands
;; overlap, and must give the same results, trap at the same access and
;; leave the same bytes behind as the nest run access by access. The
;; expected values come from running these loops access by access.
(module
  (memory 1)

  ;; The N i32s at P: SEED, SEED + 3, SEED + 6, ...
  (func (export "fill") (param $p i32) (param $n i32) (param $seed i32)
    (local $x i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $n)))
        (i32.store (i32.add (local.get $p) (i32.shl (local.get $x) (i32.const 2)))
          (i32.add (local.get $seed) (i32.mul (local.get $x) (i32.const 3))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $next))))

  ;; The sum of the N i32s at P.
  (func (export "sum") (param $p i32) (param $n i32) (result i32)
    (local $x i32) (local $s i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $n)))
        (local.set $s (i32.add (local.get $s)
          (i32.load (i32.add (local.get $p) (i32.shl (local.get $x) (i32.const 2))))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $next)))
    (local.get $s))

  ;; C[i][j] += A[i][k] * B[k][j + 1] for i < ROWS, k < 4, j < M, with rows
  ;; of 16 i32s in C and B and of 4 in A; the rows of B from k = FROM only.
  ;; The index of each access moves in two or three loops, by constant
  ;; strides; returns the last value stored (a value of the innermost loop
  ;; used after the nest).
  (func (export "mm") (param $c i32) (param $a i32) (param $b i32)
        (param $rows i32) (param $m i32) (param $from i32) (result i32)
    (local $i i32) (local $k i32) (local $j i32) (local $aik i32)
    (local $crow i32) (local $brow i32) (local $last i32)
    (loop $rows
      (local.set $k (i32.const 0))
      (loop $inner
        (local.set $aik (i32.load (i32.add (local.get $a)
          (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $k))
                   (i32.const 2)))))
        (local.set $crow (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 6))))
        (local.set $brow (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 6))))
        (if (i32.ge_u (local.get $k) (local.get $from))
          (then
            (local.set $j (i32.const 0))
            (loop $columns
              (local.set $last (i32.add
                (i32.load (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 2))))
                (i32.mul (local.get $aik)
                  (i32.load (i32.add (local.get $brow)
                    (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2)))))))
              (i32.store (i32.add (local.get $crow) (i32.shl (local.get $j) (i32.const 2)))
                (local.get $last))
              (br_if $columns (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1)))
                                        (local.get $m))))))
        (br_if $inner (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1)))
                                (i32.const 4))))
      (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                             (local.get $rows))))
    (local.get $last))

  ;; C[i][j] += B[j] for j <= i < ROWS, rows of 16 i32s: the inner loop's
  ;; count depends on the outer index.
  (func (export "tri") (param $c i32) (param $b i32) (param $rows i32)
    (local $i i32) (local $j i32) (local $at i32)
    (loop $rows
      (local.set $j (i32.const 0))
      (loop $columns
        (local.set $at (i32.add (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 6)))
                                (i32.shl (local.get $j) (i32.const 2))))
        (i32.store (local.get $at) (i32.add (i32.load (local.get $at))
          (i32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
        (br_if $columns (i32.le_u (local.tee $j (i32.add (local.get $j) (i32.const 1)))
                                  (local.get $i))))
      (br_if $rows (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                             (local.get $rows)))))
)
;; Operands apart: A at 0, B at 1024, C at 4096.
(invoke "fill" (i32.const 0) (i32.const 64) (i32.const 1))
(invoke "fill" (i32.const 1024) (i32.const 81) (i32.const 5))
(invoke "fill" (i32.const 4096) (i32.const 128) (i32.const 9))
(assert_return (invoke "mm" (i32.const 4096) (i32.const 0) (i32.const 1024) (i32.const 8) (i32.const 16) (i32.const 0)) (i32.const 45860))
(assert_return (invoke "sum" (i32.const 4096) (i32.const 128)) (i32.const 2610496))
;; One row of one outer iteration, three columns.
(assert_return (invoke "mm" (i32.const 4096) (i32.const 0) (i32.const 1024) (i32.const 1) (i32.const 3) (i32.const 0)) (i32.const 5239))
(assert_return (invoke "sum" (i32.const 4096) (i32.const 128)) (i32.const 2618134))
;; C overlaps B: each row of C written is read again as B.
(assert_return (invoke "mm" (i32.const 1032) (i32.const 0) (i32.const 1024) (i32.const 8) (i32.const 16) (i32.const 0)) (i32.const -489416488))
(assert_return (invoke "sum" (i32.const 1024) (i32.const 160)) (i32.const 1042797012))
;; C's last row ends at the memory's last byte.
(invoke "fill" (i32.const 65024) (i32.const 128) (i32.const 2))
(assert_return (invoke "mm" (i32.const 65024) (i32.const 0) (i32.const 1024) (i32.const 8) (i32.const 16) (i32.const 0)) (i32.const -489416105))
(assert_return (invoke "sum" (i32.const 65024) (i32.const 128)) (i32.const 1502378624))
;; C's last row ends 4 bytes beyond it: the rows before it are written,
;; and so is that row, up to its last element (k = 0), which traps.
(invoke "fill" (i32.const 65028) (i32.const 127) (i32.const 4))
(assert_trap (invoke "mm" (i32.const 65028) (i32.const 0) (i32.const 1024) (i32.const 8) (i32.const 16) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "sum" (i32.const 65028) (i32.const 127)) (i32.const -1205587638))
;; B at -64: the rows of B from k = 1 wrap around 2^32 to 0, 64, 128.
(invoke "fill" (i32.const 4096) (i32.const 128) (i32.const 9))
(assert_return (invoke "mm" (i32.const 4096) (i32.const 0) (i32.const -64) (i32.const 8) (i32.const 16) (i32.const 1)) (i32.const 27159))
(assert_return (invoke "sum" (i32.const 4096) (i32.const 128)) (i32.const 1464192))
;; The same from k = 0: its row is out of bounds; nothing is written.
(assert_trap (invoke "mm" (i32.const 4096) (i32.const 0) (i32.const -64) (i32.const 8) (i32.const 16) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "sum" (i32.const 4096) (i32.const 128)) (i32.const 1464192))
;; A triangular nest (the inner count depends on the outer index).
(invoke "fill" (i32.const 8192) (i32.const 256) (i32.const 3))
(invoke "tri" (i32.const 8192) (i32.const 1024) (i32.const 16))
(assert_return (invoke "sum" (i32.const 8192) (i32.const 256)) (i32.const 426901))
(invoke "tri" (i32.const 64512) (i32.const 1024) (i32.const 16))
(assert_return (invoke "sum" (i32.const 64512) (i32.const 256)) (i32.const 893212770))
(assert_trap (invoke "tri" (i32.const 64516) (i32.const 1024) (i32.const 16)) "out of bounds memory access")
(assert_return (invoke "sum" (i32.const 64516) (i32.const 255)) (i32.const 893537252))
