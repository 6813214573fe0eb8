;; Loops whose bodies reduce table lookups and loads with one associative
;; operation, the lookup depending on the previous iteration's result: the
;; chains BalancedChains.cpp rebuilds as trees. The results must be those
;; of the chains as written (computed here by a separate model of each
;; loop), at every optimisation level and with either kind of check.
(module
  (memory 1)

  ;; [0, 8192) filled with one xorshift32 word after another.
  (func (export "fill")
    (local $i i32) (local $x i32)
    (local.set $x (i32.const 0x12345678))
    (loop $next
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
      (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
      (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
      (i32.store (local.get $i) (local.get $x))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 8192)))))

  ;; h = T[h] ^ a ^ b ^ c, with T at 4096 and a, b, c the next words from P;
  ;; N iterations (at least 1).
  (func (export "xor32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.xor (i32.xor (i32.xor
        (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
        (i32.load (local.get $p)))
        (i32.load offset=4 (local.get $p)))
        (i32.load offset=8 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 12)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; The same with + and a constant, which stays last in the tree.
  (func (export "add32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.add (i32.add (i32.add (i32.add
        (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
        (i32.load (local.get $p)))
        (i32.load offset=4 (local.get $p)))
        (i32.load offset=8 (local.get $p)))
        (i32.const 1000)))
      (local.set $p (i32.add (local.get $p) (i32.const 12)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; h = (T[h] | 1) * a * b * c.
  (func (export "mul32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.mul (i32.mul (i32.mul
        (i32.or (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
                (i32.const 1))
        (i32.load (local.get $p)))
        (i32.load offset=4 (local.get $p)))
        (i32.load offset=8 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 12)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; h = T[h] & (a | b) & (c | 0x0f0f0f0f) & (d | 0xf0f0f0f0).
  (func (export "and32") (param $p i32) (param $n i32) (result i32)
    (local $h i32)
    (loop $next
      (local.set $h (i32.and (i32.and (i32.and
        (i32.load offset=4096 (i32.and (local.get $h) (i32.const 1020)))
        (i32.or (i32.load (local.get $p)) (i32.load offset=4 (local.get $p))))
        (i32.or (i32.load offset=8 (local.get $p)) (i32.const 0x0f0f0f0f)))
        (i32.or (i32.load offset=12 (local.get $p)) (i32.const 0xf0f0f0f0))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; xor32 over i64 words.
  (func (export "xor64") (param $p i32) (param $n i32) (result i64)
    (local $h i64)
    (loop $next
      (local.set $h (i64.xor (i64.xor (i64.xor
        (i64.load offset=4096 (i32.and (i32.wrap_i64 (local.get $h)) (i32.const 1016)))
        (i64.load (local.get $p)))
        (i64.load offset=8 (local.get $p)))
        (i64.load offset=16 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 24)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $h))

  ;; add32 over i32x4 vectors, without the constant; returns the xor of the
  ;; four lanes.
  (func (export "add-v128") (param $p i32) (param $n i32) (result i32)
    (local $h v128)
    (loop $next
      (local.set $h (i32x4.add (i32x4.add (i32x4.add
        (v128.load offset=4096
          (i32.and (i32x4.extract_lane 0 (local.get $h)) (i32.const 1008)))
        (v128.load (local.get $p)))
        (v128.load offset=16 (local.get $p)))
        (v128.load offset=32 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 48)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.xor (i32.xor (i32x4.extract_lane 0 (local.get $h))
                      (i32x4.extract_lane 1 (local.get $h)))
             (i32.xor (i32x4.extract_lane 2 (local.get $h))
                      (i32x4.extract_lane 3 (local.get $h)))))
)

(invoke "fill")
(assert_return (invoke "xor32" (i32.const 0) (i32.const 1)) (i32.const 1365268084))
(assert_return (invoke "xor32" (i32.const 0) (i32.const 100)) (i32.const 550997051))
(assert_return (invoke "xor32" (i32.const 4) (i32.const 60)) (i32.const -830611289))
(assert_return (invoke "xor32" (i32.const 8) (i32.const 97)) (i32.const 1252952746))
(assert_return (invoke "add32" (i32.const 0) (i32.const 1)) (i32.const 1889031338))
(assert_return (invoke "add32" (i32.const 0) (i32.const 100)) (i32.const -287718652))
(assert_return (invoke "add32" (i32.const 4) (i32.const 60)) (i32.const 1095856763))
(assert_return (invoke "add32" (i32.const 8) (i32.const 97)) (i32.const -1036665422))
(assert_return (invoke "mul32" (i32.const 0) (i32.const 1)) (i32.const -656880220))
(assert_return (invoke "mul32" (i32.const 0) (i32.const 100)) (i32.const -1460206320))
(assert_return (invoke "mul32" (i32.const 4) (i32.const 60)) (i32.const -31996128))
(assert_return (invoke "mul32" (i32.const 8) (i32.const 97)) (i32.const -1317020863))
(assert_return (invoke "and32" (i32.const 0) (i32.const 1)) (i32.const 16997504))
(assert_return (invoke "and32" (i32.const 0) (i32.const 100)) (i32.const 142639264))
(assert_return (invoke "and32" (i32.const 4) (i32.const 60)) (i32.const 76268034))
(assert_return (invoke "and32" (i32.const 8) (i32.const 97)) (i32.const 1086324784))
(assert_return (invoke "xor64" (i32.const 0) (i32.const 1)) (i64.const 5762805742176400735))
(assert_return (invoke "xor64" (i32.const 0) (i32.const 100)) (i64.const 34960981759190411))
(assert_return (invoke "xor64" (i32.const 4) (i32.const 60)) (i64.const -6613487113471502283))
(assert_return (invoke "xor64" (i32.const 8) (i32.const 97)) (i64.const -5053399808664805713))
(assert_return (invoke "add-v128" (i32.const 0) (i32.const 1)) (i32.const -588369156))
(assert_return (invoke "add-v128" (i32.const 0) (i32.const 100)) (i32.const -682472099))
(assert_return (invoke "add-v128" (i32.const 4) (i32.const 60)) (i32.const -953013454))
(assert_return (invoke "add-v128" (i32.const 8) (i32.const 97)) (i32.const -1498777983))
