;; throw.wat with the legacy try/catch, which node 20 runs (bench/eh/run).
;; Throw and catch across frames: $down recurses DEPTH
;; frames and throws $e at the bottom (or returns, for the no-throw runs);
;; each export repeats that ITERATIONS times and sums what comes back, so
;; that nothing can be optimised away. Every frame keeps a value live
;; across its call, as real code does.
(module
  (tag $e (param i32))

  (func $down (param $n i32) (param $throw i32) (result i32)
    (if (i32.eqz (local.get $n))
      (then
        (if (local.get $throw) (then (throw $e (i32.const 1))))
        (return (i32.const 1))))
    (i32.add (local.get $n)
      (call $down (i32.sub (local.get $n) (i32.const 1)) (local.get $throw))))

  ;; try_table around the call chain; $throw 1: every iteration throws.
  (func (export "run") (param $iterations i32) (param $depth i32)
                       (param $throw i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $iterations)))
        (local.set $sum (i32.add (local.get $sum)
          (block $caught (result i32)
            (try (result i32)
              (do (call $down (local.get $depth) (local.get $throw)))
              (catch $e (br $caught))))))
        (local.set $iterations (i32.sub (local.get $iterations) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; The same chain of calls without any try, for the cost of the calls.
  (func (export "run_no_try") (param $iterations i32) (param $depth i32)
                              (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $iterations)))
        (local.set $sum (i32.add (local.get $sum)
          (call $down (local.get $depth) (i32.const 0))))
        (local.set $iterations (i32.sub (local.get $iterations) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
