;; An exception nothing in the module catches ends an executable as a trap
;; does: "wasm trap: uncaught exception: tag N with K value(s)" (N the
;; tag's index in the module) on stderr, exit status 134. Out of _start,
;; and out of the start function, which runs before it. The argument count
;; picks the case; each-case.py prints each one's stderr and exit status.
;; On x86_64 natively (guard pages at -O2 and -O0, explicit checks),
;; aarch64 and riscv64 under qemu (-O2 and -O0).
;;   0: thrown in _start itself, two values.
;;   1: one value, six frames down, each in a try_table that catches
;;      another tag.
;;   2: a tag without values.
;;   3: caught by catch_all_ref in _start, thrown on by throw_ref.
;;   4: rethrown from a legacy catch_all.
;;   5: delegated to _start's caller, past _start's own catch_all.
;;   6: the same exception as 1 caught, then proc_exit(40 + its value): 41.
;;   7: $other, caught by the try_table around its throw, whose handler
;;      exits with 99.
;;   8: the start function throws (so _start never runs, which would exit
;;      with 97). The runtime may name the tag here too, or not: naming it
;;      takes the unwinder's code, which executables without exceptions
;;      need not link.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-O0 -O0
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64 --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-O0 --target=aarch64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64 --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-O0 --target=riscv64-linux -O0
;; RUN: %python %S/Inputs/each-case.py 9 %run-x86_64 %t/x86_64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-x86_64 %t/x86_64-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-aarch64 %t/aarch64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-aarch64 %t/aarch64-O0 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-riscv64 %t/riscv64 | FileCheck %s
;; RUN: %python %S/Inputs/each-case.py 9 %run-riscv64 %t/riscv64-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: wasm trap: uncaught exception: tag 2 with 2 values exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: uncaught exception: tag 1 with 1 value exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 2: wasm trap: uncaught exception: tag 0 with 0 values exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 3: wasm trap: uncaught exception: tag 1 with 1 value exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 4: wasm trap: uncaught exception: tag 2 with 2 values exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 5: wasm trap: uncaught exception: tag 1 with 1 value exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 6: exit status 41{{$}}
;; CHECK-NEXT: {{^}}case 7: exit status 99{{$}}
;; CHECK-NEXT: {{^}}case 8: wasm trap: uncaught exception{{(: tag 2 with 2 values)?}} exit status 134{{$}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (tag $none)
  (tag $one (param i32))
  (tag $two (param i64 f64))
  (tag $other (param i32))
  (start $init)

  (func $argc (result i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (i32.load (i32.const 0)))

  ;; 8 arguments: the start function throws, before _start runs.
  (func $init
    (if (i32.eq (call $argc) (i32.const 9))
      (then (call $deep (i32.const 3) (i32.const 2)))))

  ;; n frames, each in a try_table of $other, then throws by kind.
  (func $deep (param $n i32) (param $kind i32)
    (block $h (result i32)
      (try_table (catch $other $h)
        (if (local.get $n)
          (then (call $deep (i32.sub (local.get $n) (i32.const 1)) (local.get $kind)))
          (else
            (block $k3 (block $k2 (block $k1 (block $k0
              (br_table $k0 $k1 $k2 $k3 (local.get $kind)))
              (throw $none))
              (throw $one (i32.const 1)))
              (throw $two (i64.const 2) (f64.const 2.5)))
            (throw $other (i32.const 3)))))
      (return))
    (drop)
    (call $exit (i32.const 99)))

  (func (export "_start")
    (local $x exnref)
    (block $c8 (block $c7 (block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 (call $argc)))
      ;; 0: two values, thrown in _start itself.
      (throw $two (i64.const 1) (f64.const 1)))
      ;; 1: one value, five frames down, past try_tables of another tag.
      (call $deep (i32.const 5) (i32.const 1))
      (unreachable))
      ;; 2: no values.
      (call $deep (i32.const 0) (i32.const 0))
      (unreachable))
      ;; 3: caught by catch_all_ref, thrown again by throw_ref.
      (local.set $x
        (block $h (result exnref)
          (try_table (catch_all_ref $h) (call $deep (i32.const 2) (i32.const 1)))
          (unreachable)))
      (throw_ref (local.get $x)))
      ;; 4: rethrow from a legacy catch_all.
      (try (do (call $deep (i32.const 2) (i32.const 2)))
           (catch_all (rethrow 0))))
      ;; 5: delegate to the caller, from _start: out of the module.
      (try
        (do (try (do (call $deep (i32.const 1) (i32.const 1))) (delegate 1)))
        (catch_all (call $exit (i32.const 98)))))
      ;; 6: the same exception caught, then exit with its value: no trap.
      (block $h (result i32)
        (try_table (catch $one $h) (call $deep (i32.const 5) (i32.const 1)))
        (unreachable))
      (call $exit (i32.add (i32.const 40)))
      (unreachable))
      ;; 7: $other, caught by the try_table around the throw: exit 99.
      (call $deep (i32.const 4) (i32.const 3))
      (unreachable))
    ;; 8 arguments (9 in all): the start function threw; not here.
    (call $exit (i32.const 97)))
)
