;; WASI threads in executables: "wasi" "thread-spawn", wasi_thread_start, an
;; imported shared memory that the runtime makes, atomics, wait and notify
;; between threads. The argument count picks the case; each-case.py runs
;; them all. On x86_64 natively, aarch64 and riscv64 under qemu, at -O2 and
;; -O0, with guard pages and explicit bounds checks.
;;   0: 8 threads each add their argument (1..8) 100000 times to an i64
;;      with i64.atomic.rmw.add, and every 1000th step append it to a list
;;      under a lock made of cmpxchg, wait32 and notify; the main thread
;;      waits (wait32) until all 8 are done: the sum 3600000, the list's
;;      800 entries, their sum 3600, printed to stderr.
;;   1: a thread recurses without end: "call stack exhausted" (its own
;;      stack's limit and guard), and the whole process ends, 134.
;;   2: a thread loads out of bounds: the process ends, 134.
;;   3: a thread reaches unreachable: the process ends, 134.
;;   4: a thread calls proc_exit(5) while the main thread waits forever:
;;      the process exits with 5.
;;   5: 1500 threads one after another (more than the runtime's 1024
;;      slots: finished threads' stacks are reclaimed), each incrementing a
;;      counter: 1500.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard-O0 -O0
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit-O0 -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard-O0 -O0 --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit-O0 -O0 --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard-O0 -O0 --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit-O0 -O0 --target=riscv64-linux --bounds-checks=explicit
;; RUN: %python %S/Inputs/each-case.py 6 %run-x86_64 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-x86_64 %t/x86_64-guard-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-explicit | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-guard-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-aarch64 %t/aarch64-explicit-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-explicit | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-guard-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 6 %run-riscv64 %t/riscv64-explicit-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: 3600000 800 3600 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: call stack exhausted, in function rec exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 2: wasm trap: out of bounds memory access, in function thread exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 3: wasm trap: unreachable, in function thread exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 4: exit status 5{{$}}
;; CHECK-NEXT: {{^}}case 5: 1500 exit status 0{{$}}

(module
  (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "env" "memory" (memory 1 1 shared))
  ;; 0: the sum (i64), 8: threads done, 12: the lock, 16: the list's
  ;; length, 20: the case, 24: args_sizes_get's results, 64: an iovec,
  ;; 80..120: text, 1024: the list.
  (func $lock
    (loop $try
      (if (i32.atomic.rmw.cmpxchg (i32.const 12) (i32.const 0) (i32.const 1))
        (then
          (drop (memory.atomic.wait32 (i32.const 12) (i32.const 1) (i64.const -1)))
          (br $try)))))
  (func $unlock
    (i32.atomic.store (i32.const 12) (i32.const 0))
    (drop (memory.atomic.notify (i32.const 12) (i32.const 1))))
  (func $rec (param i32) (result i32)
    (i32.add (call $rec (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func $done
    (drop (i32.atomic.rmw.add (i32.const 8) (i32.const 1)))
    (drop (memory.atomic.notify (i32.const 8) (i32.const -1))))
  (func $thread (export "wasi_thread_start") (param $tid i32) (param $arg i32)
    (local $i i32) (local $n i32)
    (block $sum
      (block $c5 (block $c4 (block $c3 (block $c2 (block $c1
        (br_table $sum $c1 $c2 $c3 $c4 $c5 (i32.load (i32.const 20))))
        (drop (call $rec (i32.const 0))) (return))
        (drop (i32.load (i32.const 70000))) (return))
        unreachable)
        (call $exit (i32.const 5)))
      (call $done) (return))
    (loop $l
      (drop (i64.atomic.rmw.add (i32.const 0) (i64.extend_i32_u (local.get $arg))))
      (if (i32.eqz (i32.rem_u (local.get $i) (i32.const 1000)))
        (then
          (call $lock)
          (local.set $n (i32.load (i32.const 16)))
          (i32.store (i32.add (i32.const 1024) (i32.shl (local.get $n) (i32.const 2)))
                     (local.get $arg))
          (i32.store (i32.const 16) (i32.add (local.get $n) (i32.const 1)))
          (call $unlock)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 100000))))
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
  ;; Waits until N threads are done.
  (func $wait_done (param $n i32)
    (local $done i32)
    (block $b (loop $w
      (local.set $done (i32.atomic.load (i32.const 8)))
      (br_if $b (i32.ge_u (local.get $done) (local.get $n)))
      (drop (memory.atomic.wait32 (i32.const 8) (local.get $done) (i64.const -1)))
      (br $w))))
  (func (export "_start")
    (local $n i32) (local $check i64) (local $i i32)
    (drop (call $sizes (i32.const 24) (i32.const 28)))
    (i32.store (i32.const 20) (i32.sub (i32.load (i32.const 24)) (i32.const 1)))
    (if (i32.eq (i32.load (i32.const 20)) (i32.const 5))
      (then
        (loop $one
          (if (i32.le_s (call $spawn (local.get $n)) (i32.const 0)) (then unreachable))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (call $wait_done (local.get $n))
          (br_if $one (i32.lt_u (local.get $n) (i32.const 1500))))
        (call $print (i64.extend_i32_u (i32.atomic.load (i32.const 8))))
        (return)))
    (if (i32.ne (i32.load (i32.const 20)) (i32.const 0))
      (then
        (drop (call $spawn (i32.const 1)))
        (drop (memory.atomic.wait32 (i32.const 4000) (i32.const 0) (i64.const -1)))
        (unreachable)))
    (local.set $n (i32.const 1))
    (loop $s
      (if (i32.le_s (call $spawn (local.get $n)) (i32.const 0)) (then unreachable))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $s (i32.le_u (local.get $n) (i32.const 8))))
    (call $wait_done (i32.const 8))
    (call $print (i64.atomic.load (i32.const 0)))
    (call $print (i64.extend_i32_u (i32.load (i32.const 16))))
    (block $e (loop $sum
      (br_if $e (i32.ge_u (local.get $i) (i32.load (i32.const 16))))
      (local.set $check (i64.add (local.get $check)
        (i64.load32_u (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sum)))
    (call $print (local.get $check)))
)
