;; Exceptions in WASI threads: each thread (an instance of its own, the
;; memory shared) throws and catches on its own stack, all at once; the
;; runtime's exception allocator and unwinder serve them together. The
;; argument count picks the case; each-case.py runs both. On x86_64
;; natively (-O2 with guard pages, -O0 with explicit checks), aarch64 and
;; riscv64 under qemu (-O2 and -O0).
;;   0: 4 threads (arguments 1..4) and the main thread (5) each catch 10000
;;      exceptions of $t (i64 i32), thrown 4 frames down with 3i and the
;;      thread's argument (which the catch checks: unreachable if another
;;      thread's), and add argument * the sum of the i64s to a shared
;;      total: 15 * 3 * 49995000 = 2249775000, printed to stderr.
;;   1: an exception escapes a thread's wasi_thread_start while the main
;;      thread waits: "uncaught exception", the whole process ends, 134.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit-O0 -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64 --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-O0 --target=aarch64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64 --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-O0 --target=riscv64-linux -O0
;; RUN: %python %S/Inputs/each-case.py 2 %run-x86_64 %t/x86_64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 2 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 2 %run-aarch64 %t/aarch64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 2 %run-aarch64 %t/aarch64-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 2 %run-riscv64 %t/riscv64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 2 %run-riscv64 %t/riscv64-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: 2249775000 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: uncaught exception: tag 1 with 1 value exit status 134{{$}}

(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "env" "memory" (memory 1 1 shared))
  ;; 0: the sum (i64), 8: threads done, 20: the case, 24: args_sizes_get's
  ;; results, 64: an iovec, 80..120: text.
  (tag $t (param i64 i32))
  (tag $u (param i32))
  (func $done
    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 8) (i32.const -1))))
  ;; Throws $t (v * 3, arg) from n frames down.
  (func $down (param $n i32) (param $v i64) (param $arg i32)
    (if (i32.eqz (local.get $n))
      (then (throw $t (i64.mul (local.get $v) (i64.const 3)) (local.get $arg))))
    (call $down (i32.sub (local.get $n) (i32.const 1)) (local.get $v) (local.get $arg)))
  ;; 10000 catches of $t, 4 frames down ($down 3..0); adds to the total.
  (func $work (param $arg i32)
    (local $i i32) (local $mine i64)
    (loop $l
      (block $h (result i64 i32)
        (try_table (catch $t $h)
          (call $down (i32.const 3) (i64.extend_i32_u (local.get $i)) (local.get $arg)))
        (unreachable))
      ;; the i32 must be this thread's argument
      (if (i32.ne (local.get $arg)) (then (unreachable)))
      (local.set $mine (i64.add (local.get $mine)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10000))))
    (drop (i64.atomic.rmw.add (i32.const 0)
            (i64.mul (local.get $mine) (i64.extend_i32_u (local.get $arg))))))
  (func $thread (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (if (i32.load (i32.const 20))
      (then (throw $u (local.get $arg))))
    (call $work (local.get $arg))
    (call $done))
  ;; Writes V in decimal and a space to stderr.
  (func $print (param $v i64)
    (local $p i32)
    (local.set $p (i32.const 120))
    (i32.store8 (local.get $p) (i32.const 32))
    (loop $d
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p)
        (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $d (i64.ne (local.get $v) (i64.const 0))))
    (i32.store (i32.const 64) (local.get $p))
    (i32.store (i32.const 68) (i32.sub (i32.const 121) (local.get $p)))
    (drop (call $fd_write (i32.const 2) (i32.const 64) (i32.const 1) (i32.const 60))))
  (func (export "_start")
    (local $n i32) (local $done i32)
    (drop (call $sizes (i32.const 24) (i32.const 28)))
    (i32.store (i32.const 20) (i32.sub (i32.load (i32.const 24)) (i32.const 1)))
    (if (i32.load (i32.const 20))
      (then
        (drop (call $spawn (i32.const 7)))
        (drop (memory.atomic.wait32 (i32.const 4000) (i32.const 0) (i64.const -1)))
        (unreachable)))
    (local.set $n (i32.const 1))
    (loop $s
      (if (i32.le_s (call $spawn (local.get $n)) (i32.const 0)) (then unreachable))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $s (i32.le_u (local.get $n) (i32.const 4))))
    ;; and the main thread too, as thread 5
    (call $work (i32.const 5))
    (block $b (loop $w
      (local.set $done (i32.atomic.load (i32.const 8)))
      (br_if $b (i32.ge_u (local.get $done) (i32.const 4)))
      (drop (memory.atomic.wait32 (i32.const 8) (local.get $done) (i64.const -1)))
      (br $w)))
    (call $print (i64.atomic.load (i32.const 0))))
)
