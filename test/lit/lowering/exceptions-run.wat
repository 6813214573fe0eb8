;; Exception handling in executables: what is thrown arrives, with its
;; values, where it is caught, and the frames in between give back what
;; they hold. The argument count picks the case; each-case.py runs cases 0
;; to 4 and prints what each wrote to stderr and its exit status. On
;; x86_64 natively, aarch64 and riscv64 under qemu, each at -O2 and -O0,
;; with guard pages and explicit bounds checks; case 5, the slow one (1 s
;; under qemu), natively in all four modes and under qemu at -O2 with guard
;; pages and -O0 with explicit checks.
;;   0: one value per construct, "NAME=VALUE", through fd_write:
;;      - every kind of payload, one frame down ($raise itself) and 50
;;        ($descend 48 times, then $raise): i32, i64, f32 (4v + 1), f64
;;        (2v + 1), v128 (lanes v, v + 1, -v, 7, folded into one number), a
;;        funcref (called: $fn2 negates), an exnref (thrown again and its
;;        i64 caught) and one tag of all six (i32 i64 f32 f64 v128
;;        funcref), caught by one try_table with a clause per tag;
;;      - $descend keeps 20 i64 and 20 f64 values, carried through a loop
;;        of 3 to 6 rounds from a seed in memory the deeper frames change,
;;        live across its call of the next frame; odd frames make a plain
;;        call, even ones call inside a try_table (catch_all_ref), read all
;;        40 again after the catch, fold them into $acc and throw_ref what
;;        they caught. So every callee-saved register (integer and
;;        floating-point) that the frames between save must come back as
;;        the catching frame left it. "result" and "acc" are what 48 frames
;;        give back returning normally (checked against a model of the
;;        arithmetic: -236766041110584011 and -2743712002466775083);
;;        "accsame" counts the kinds whose throw through 50 frames left the
;;        same $acc (all 8);
;;      - catch_ref then throw_ref of its exnref (cref, 21 + 21);
;;        catch_all_ref, then throw_ref into a catch of the f64 tag (allref,
;;        2 * 22.5); catch_all (all); nested try_tables, the inner's tag
;;        not matching, the outer's matching, thrown from a callee (nested)
;;        and in the function (nestloc); two tags of one type (tagid); a
;;        return_call out of a try_table whose callee throws: the caller
;;        catches it (tail); a throw through call_indirect (indirect); a tag
;;        without values (empty); a throw from a try_table's handler to the
;;        try_table around it (handler, 30 + 1); a callee of fourteen
;;        parameters, some on the stack, called through a table inside the
;;        try, throwing a checksum of them (many, 2312);
;;      - the legacy instructions: try/catch (legacy); a catch that does
;;        not match, then catch_all (lall); rethrow 0 (rethrow) and rethrow
;;        1 from a try in a catch, which rethrows the outer catch's
;;        exception (rethrow1); delegate to an outer try past the catch of
;;        a try between (delegate); delegate to the caller past the
;;        function's own catch (dcaller); a call in a catch throws to the
;;        try around it (lhandler); a try_table in a catch and a try in a
;;        try_table (ltable);
;;      - a catch to a loop's label, which runs the loop again with the
;;        value (loopcat, 105); values under a try_table on the operand
;;        stack, there after the catch (under, 7 * 1007); exnrefs kept in a
;;        table and a global and thrown later (stash, 31 + 32); an
;;        externref payload (extern: null, 1); a catch to the function's
;;        label, a return (funclab, 55); delegate to a try that is in its
;;        catch, which goes past that try's catches (dincatch, 61, not
;;        61 - 1000); delegate to a try_table's label, whose catch takes it
;;        (dtable, 71), and to a block's inside a try (dblock, 81).
;;      Exit status 0.
;; Traps are not exceptions: no catch_all takes them.
;;   1: $rec 30000 deep in a try_table (catch_all): "call stack exhausted",
;;      134; so 15000, case 5's depth, takes more than half of the stack.
;;   2: throw_ref of null in a try_table (catch_all_ref) in a legacy try
;;      (catch_all): "null exception reference", 134.
;;   3: an out-of-bounds load in a callee, in a try_table (catch_all): 134.
;;   4: unreachable in a callee, in a legacy try (catch_all): 134.
;;   5: 100000 rounds of two catches each: $tl from the fourteen-parameter
;;      $many (through a table) caught by a try_table, $ti from $raise by a
;;      legacy try; the sum of what was caught (loop); then $rec 15000 deep
;;      from the same frame, which takes 74% (x86_64 -O2) to 86% (riscv64
;;      -O0) of the stack: with the stack pointer 16 bytes off after each
;;      catch, it would not fit. Exit status 0.
;; (Tags imported from another module: exceptions-modules.test. Exceptions
;; nothing catches: test/lit/exe/uncaught-exception.wat.)
;;
;; $descend and $rec were written by a script: their bodies are the same
;; few lines, once per value.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard-O0 -O0
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit-O0 -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit --target=aarch64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard-O0 --target=aarch64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-explicit-O0 --target=aarch64-linux -O0 --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard-O0 --target=riscv64-linux -O0
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-explicit-O0 --target=riscv64-linux -O0 --bounds-checks=explicit
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-x86_64 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-x86_64 %t/x86_64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-aarch64 %t/aarch64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 5 %run-riscv64 %t/riscv64-explicit-O0 | FileCheck %s
;; RUN: %exit-status %run-x86_64 %t/x86_64-guard 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-x86_64 %t/x86_64-explicit 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-x86_64 %t/x86_64-guard-O0 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-x86_64 %t/x86_64-explicit-O0 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-aarch64 %t/aarch64-guard 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-aarch64 %t/aarch64-explicit-O0 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-riscv64 %t/riscv64-guard 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;; RUN: %exit-status %run-riscv64 %t/riscv64-explicit-O0 1 2 3 4 5 2>&1 | FileCheck %s --check-prefix=LOOP
;;
;; CHECK:      {{^}}case 0: i32.1=1234 i32.50=1234 i64.1=1234 i64.50=1234
;; CHECK-SAME: {{ }}f32.1=4937 f32.50=4937 f64.1=2469 f64.50=2469
;; CHECK-SAME: {{ }}v128.1=1246226607 v128.50=1246226607 func.1=-1234 func.50=-1234
;; CHECK-SAME: {{ }}exn.1=1234 exn.50=1234 multi.1=1246236479 multi.50=1246236479
;; CHECK-SAME: {{ }}result=-236766041110584011 acc=-2743712002466775083 accsame=8
;; CHECK-SAME: {{ }}cref=42 allref=45 all=23 nested=24 nestloc=25 tagid=26 tail=27
;; CHECK-SAME: {{ }}indirect=28 empty=29 handler=31 many=2312
;; CHECK-SAME: {{ }}legacy=31 lall=32 rethrow=33 rethrow1=34 delegate=36 dcaller=9
;; CHECK-SAME: {{ }}lhandler=37 ltable=38
;; CHECK-SAME: {{ }}loopcat=105 under=7049 stash=63 extern=1 funclab=55 dincatch=61
;; CHECK-SAME: {{ }}dtable=71 dblock=81 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: call stack exhausted, in function rec exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 2: wasm trap: null exception reference, in function 32 exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 3: wasm trap: out of bounds memory access, in function {{32|load}} exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 4: wasm trap: unreachable, in function {{32|unreachable}} exit status 134{{$}}
;; CHECK-NOT:  case
;;
;; LOOP: {{^}}loop=225224550000 rec=6872420334775687680 exit status 0{{$}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  (type $i64_i64 (func (param i64) (result i64)))
  (tag $ti (param i32))
  (tag $tl (param i64))
  (tag $tf (param f32))
  (tag $td (param f64))
  (tag $tv (param v128))
  (tag $tr (param funcref))
  (tag $tx (param exnref))
  (tag $tm (param i32 i64 f32 f64 v128 funcref))
  (tag $te)
  ;; The type of $ti, another tag: one never catches the other's.
  (tag $ti2 (param i32))
  (tag $tn (param externref))

  (table $fns 4 funcref)
  (elem (table $fns) (i32.const 0) func $fn0 $fn1 $fn2 $fn3)
  (table $slot 1 funcref)
  (elem declare func $raise_i32)
  (type $many_t (func (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64 i64 i64)))
  (table $manyt 1 funcref)
  (elem (table $manyt) (i32.const 0) func $many)
  (global $acc (mut i64) (i64.const 0))
  (table $xt 2 exnref)
  (global $gx (mut exnref) (ref.null exn))

  (func $fn0 (type $i64_i64) (i64.add (local.get 0) (i64.const 1000)))
  (func $fn1 (type $i64_i64) (i64.mul (local.get 0) (i64.const 3)))
  (func $fn2 (type $i64_i64) (i64.sub (i64.const 0) (local.get 0)))
  (func $fn3 (type $i64_i64) (i64.xor (local.get 0) (i64.const 0x5555)))

  ;; i32x4 (v, v + 1, -v, 7), and back: l0 * 10^6 + l1 * 10^4 + l2 * 100 + l3.
  (func $vec (param $v i64) (result v128)
    (local $x i32)
    (local.set $x (i32.wrap_i64 (local.get $v)))
    (i32x4.replace_lane 3
      (i32x4.replace_lane 2
        (i32x4.replace_lane 1 (i32x4.splat (local.get $x))
                              (i32.add (local.get $x) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $x)))
      (i32.const 7)))
  (func $unvec (param $x v128) (result i64)
    (i64.add
      (i64.add (i64.mul (i64.extend_i32_s (i32x4.extract_lane 0 (local.get $x)))
                        (i64.const 1000000))
               (i64.mul (i64.extend_i32_s (i32x4.extract_lane 1 (local.get $x)))
                        (i64.const 10000)))
      (i64.add (i64.mul (i64.extend_i32_s (i32x4.extract_lane 2 (local.get $x)))
                        (i64.const 100))
               (i64.extend_i32_s (i32x4.extract_lane 3 (local.get $x))))))

  ;; Throws the tag of $kind with a payload made of $v; kind 8 returns.
  ;; 0: $ti (i32) v; 1: $tl (i64) v; 2: $tf (f32) v + 0.25; 3: $td (f64)
  ;; v + 0.5; 4: $tv $vec(v); 5: $tr $fns[v & 3]; 6: $tx, an exnref of $tl
  ;; v (thrown and caught here first: a throw to this function's own
  ;; handler); 7: $tm, all of them: v, 2v, v, v, $vec(v), $fn1.
  (func $raise (param $kind i32) (param $v i64)
    (block $none (block $k7 (block $k6 (block $k5 (block $k4 (block $k3 (block $k2 (block $k1 (block $k0
      (br_table $k0 $k1 $k2 $k3 $k4 $k5 $k6 $k7 $none (local.get $kind)))
      (throw $ti (i32.wrap_i64 (local.get $v))))
      (throw $tl (local.get $v)))
      (throw $tf (f32.add (f32.convert_i64_s (local.get $v)) (f32.const 0.25))))
      (throw $td (f64.add (f64.convert_i64_s (local.get $v)) (f64.const 0.5))))
      (throw $tv (call $vec (local.get $v))))
      (throw $tr (table.get $fns (i32.and (i32.wrap_i64 (local.get $v)) (i32.const 3)))))
      (throw $tx
        (block $h (result exnref)
          (try_table (catch_all_ref $h) (throw $tl (local.get $v)))
          (unreachable))))
      (throw $tm (i32.wrap_i64 (local.get $v)) (i64.mul (local.get $v) (i64.const 2))
                 (f32.convert_i64_s (local.get $v)) (f64.convert_i64_s (local.get $v))
                 (call $vec (local.get $v)) (ref.func $fn1))))

  ;; $depth frames below, at most: $raise itself for 1, else $descend
  ;; depth - 2 ... 0, then $raise. Catches every tag $raise throws and
  ;; makes one i64 of its values: i32 and i64 as they are, f32 and f64
  ;; times 4 and 2 (4v + 1, 2v + 1), v128 by $unvec, a funcref by calling it
  ;; with v (through a table), an exnref by throwing it and catching its
  ;; i64; the multi-value tag the sum of its values so decoded.
  (func $catch_at (param $depth i32) (param $kind i32) (param $v i64) (result i64)
    (local $f funcref) (local $x exnref)
    (local $mi i32) (local $ml i64) (local $mf f32) (local $md f64) (local $mv v128)
    (block $bm (result i32 i64 f32 f64 v128 funcref)
    (block $bx (result exnref)
    (block $br (result funcref)
    (block $bv (result v128)
    (block $bd (result f64)
    (block $bf (result f32)
    (block $bl (result i64)
    (block $bi (result i32)
      (try_table (catch $ti $bi) (catch $tl $bl) (catch $tf $bf) (catch $td $bd)
                 (catch $tv $bv) (catch $tr $br) (catch $tx $bx) (catch $tm $bm)
        (if (i32.le_u (local.get $depth) (i32.const 1))
          (then (call $raise (local.get $kind) (local.get $v)))
          (else (drop (call $descend (i32.sub (local.get $depth) (i32.const 2))
                                     (local.get $kind) (local.get $v))))))
      (return (i64.const -1)))
      (return (i64.extend_i32_s)))
      (return))
      (return (i64.trunc_f32_s (f32.mul (f32.const 4)))))
      (return (i64.trunc_f64_s (f64.mul (f64.const 2)))))
      (return (call $unvec)))
      (local.set $f)
      (table.set $slot (i32.const 0) (local.get $f))
      (return (call_indirect $slot (type $i64_i64) (local.get $v) (i32.const 0))))
      (local.set $x)
      (return
        (block $h (result i64)
          (try_table (catch $tl $h) (throw_ref (local.get $x)))
          (i64.const -2))))
    (local.set $f)
    (local.set $mv) (local.set $md) (local.set $mf) (local.set $ml) (local.set $mi)
    (table.set $slot (i32.const 0) (local.get $f))
    (i64.add
      (i64.add (i64.add (i64.extend_i32_s (local.get $mi)) (local.get $ml))
               (i64.add (i64.trunc_f32_s (local.get $mf)) (i64.trunc_f64_s (local.get $md))))
      (i64.add (call $unvec (local.get $mv))
               (call_indirect $slot (type $i64_i64) (local.get $v) (i32.const 0)))))

  (func $descend (param $n i32) (param $kind i32) (param $v i64) (result i64)
    (local $seed i64) (local $j i32) (local $r i64) (local $s i64) (local $ex exnref)
    (local $a0 i64) (local $a1 i64) (local $a2 i64) (local $a3 i64) (local $a4 i64)
    (local $a5 i64) (local $a6 i64) (local $a7 i64) (local $a8 i64) (local $a9 i64)
    (local $a10 i64) (local $a11 i64) (local $a12 i64) (local $a13 i64) (local $a14 i64)
    (local $a15 i64) (local $a16 i64) (local $a17 i64) (local $a18 i64) (local $a19 i64)
    (local $b0 f64) (local $b1 f64) (local $b2 f64) (local $b3 f64) (local $b4 f64)
    (local $b5 f64) (local $b6 f64) (local $b7 f64) (local $b8 f64) (local $b9 f64)
    (local $b10 f64) (local $b11 f64) (local $b12 f64) (local $b13 f64) (local $b14 f64)
    (local $b15 f64) (local $b16 f64) (local $b17 f64) (local $b18 f64) (local $b19 f64)
    (if (i32.eqz (local.get $n))
      (then (call $raise (local.get $kind) (local.get $v)) (return (local.get $v))))
    ;; The seed the deeper frames will change, and the initial values.
    (local.set $seed (i64.load (i32.const 64)))
    (i64.store (i32.const 64)
      (i64.add (i64.mul (local.get $seed) (i64.const 6364136223846793005))
               (i64.const 1442695040888963407)))
    (local.set $a0 (i64.add (local.get $seed) (i64.const 0)))
    (local.set $a1 (i64.add (local.get $seed) (i64.const 4294967297)))
    (local.set $a2 (i64.add (local.get $seed) (i64.const 8589934594)))
    (local.set $a3 (i64.add (local.get $seed) (i64.const 12884901891)))
    (local.set $a4 (i64.add (local.get $seed) (i64.const 17179869188)))
    (local.set $a5 (i64.add (local.get $seed) (i64.const 21474836485)))
    (local.set $a6 (i64.add (local.get $seed) (i64.const 25769803782)))
    (local.set $a7 (i64.add (local.get $seed) (i64.const 30064771079)))
    (local.set $a8 (i64.add (local.get $seed) (i64.const 34359738376)))
    (local.set $a9 (i64.add (local.get $seed) (i64.const 38654705673)))
    (local.set $a10 (i64.add (local.get $seed) (i64.const 42949672970)))
    (local.set $a11 (i64.add (local.get $seed) (i64.const 47244640267)))
    (local.set $a12 (i64.add (local.get $seed) (i64.const 51539607564)))
    (local.set $a13 (i64.add (local.get $seed) (i64.const 55834574861)))
    (local.set $a14 (i64.add (local.get $seed) (i64.const 60129542158)))
    (local.set $a15 (i64.add (local.get $seed) (i64.const 64424509455)))
    (local.set $a16 (i64.add (local.get $seed) (i64.const 68719476752)))
    (local.set $a17 (i64.add (local.get $seed) (i64.const 73014444049)))
    (local.set $a18 (i64.add (local.get $seed) (i64.const 77309411346)))
    (local.set $a19 (i64.add (local.get $seed) (i64.const 81604378643)))
    (local.set $b0 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 0))))
    (local.set $b1 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 1))))
    (local.set $b2 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 2))))
    (local.set $b3 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 3))))
    (local.set $b4 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 4))))
    (local.set $b5 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 5))))
    (local.set $b6 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 6))))
    (local.set $b7 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 7))))
    (local.set $b8 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 8))))
    (local.set $b9 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 9))))
    (local.set $b10 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 10))))
    (local.set $b11 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 11))))
    (local.set $b12 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 12))))
    (local.set $b13 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 13))))
    (local.set $b14 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 14))))
    (local.set $b15 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 15))))
    (local.set $b16 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 16))))
    (local.set $b17 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 17))))
    (local.set $b18 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 18))))
    (local.set $b19 (f64.convert_i32_u (i32.add (local.get $n) (i32.const 19))))
    (local.set $a0 (i64.add (local.get $a0) (i64.extend_i32_u (local.get $n))))
    ;; 3 to 6 rounds, every value carried from one to the next.
    (local.set $j (i32.add (i32.const 3) (i32.and (local.get $n) (i32.const 3))))
    (loop $round
      (local.set $a0 (i64.add (i64.mul (i64.xor (local.get $a0) (i64.shr_u (local.get $a0) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 1)))
      (local.set $a1 (i64.add (i64.mul (i64.xor (local.get $a1) (i64.shr_u (local.get $a1) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 2)))
      (local.set $a2 (i64.add (i64.mul (i64.xor (local.get $a2) (i64.shr_u (local.get $a2) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 3)))
      (local.set $a3 (i64.add (i64.mul (i64.xor (local.get $a3) (i64.shr_u (local.get $a3) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 4)))
      (local.set $a4 (i64.add (i64.mul (i64.xor (local.get $a4) (i64.shr_u (local.get $a4) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 5)))
      (local.set $a5 (i64.add (i64.mul (i64.xor (local.get $a5) (i64.shr_u (local.get $a5) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 6)))
      (local.set $a6 (i64.add (i64.mul (i64.xor (local.get $a6) (i64.shr_u (local.get $a6) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 7)))
      (local.set $a7 (i64.add (i64.mul (i64.xor (local.get $a7) (i64.shr_u (local.get $a7) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 8)))
      (local.set $a8 (i64.add (i64.mul (i64.xor (local.get $a8) (i64.shr_u (local.get $a8) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 9)))
      (local.set $a9 (i64.add (i64.mul (i64.xor (local.get $a9) (i64.shr_u (local.get $a9) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 10)))
      (local.set $a10 (i64.add (i64.mul (i64.xor (local.get $a10) (i64.shr_u (local.get $a10) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 11)))
      (local.set $a11 (i64.add (i64.mul (i64.xor (local.get $a11) (i64.shr_u (local.get $a11) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 12)))
      (local.set $a12 (i64.add (i64.mul (i64.xor (local.get $a12) (i64.shr_u (local.get $a12) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 13)))
      (local.set $a13 (i64.add (i64.mul (i64.xor (local.get $a13) (i64.shr_u (local.get $a13) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 14)))
      (local.set $a14 (i64.add (i64.mul (i64.xor (local.get $a14) (i64.shr_u (local.get $a14) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 15)))
      (local.set $a15 (i64.add (i64.mul (i64.xor (local.get $a15) (i64.shr_u (local.get $a15) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 16)))
      (local.set $a16 (i64.add (i64.mul (i64.xor (local.get $a16) (i64.shr_u (local.get $a16) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 17)))
      (local.set $a17 (i64.add (i64.mul (i64.xor (local.get $a17) (i64.shr_u (local.get $a17) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 18)))
      (local.set $a18 (i64.add (i64.mul (i64.xor (local.get $a18) (i64.shr_u (local.get $a18) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 19)))
      (local.set $a19 (i64.add (i64.mul (i64.xor (local.get $a19) (i64.shr_u (local.get $a19) (i64.const 29)))
                                     (i64.const 0xBF58476D1CE4E5B9)) (i64.const 20)))
      (local.set $b0 (f64.add (f64.mul (local.get $b0) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a0) (i64.const 0xffff)))))
      (local.set $b1 (f64.add (f64.mul (local.get $b1) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a1) (i64.const 0xffff)))))
      (local.set $b2 (f64.add (f64.mul (local.get $b2) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a2) (i64.const 0xffff)))))
      (local.set $b3 (f64.add (f64.mul (local.get $b3) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a3) (i64.const 0xffff)))))
      (local.set $b4 (f64.add (f64.mul (local.get $b4) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a4) (i64.const 0xffff)))))
      (local.set $b5 (f64.add (f64.mul (local.get $b5) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a5) (i64.const 0xffff)))))
      (local.set $b6 (f64.add (f64.mul (local.get $b6) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a6) (i64.const 0xffff)))))
      (local.set $b7 (f64.add (f64.mul (local.get $b7) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a7) (i64.const 0xffff)))))
      (local.set $b8 (f64.add (f64.mul (local.get $b8) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a8) (i64.const 0xffff)))))
      (local.set $b9 (f64.add (f64.mul (local.get $b9) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a9) (i64.const 0xffff)))))
      (local.set $b10 (f64.add (f64.mul (local.get $b10) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a10) (i64.const 0xffff)))))
      (local.set $b11 (f64.add (f64.mul (local.get $b11) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a11) (i64.const 0xffff)))))
      (local.set $b12 (f64.add (f64.mul (local.get $b12) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a12) (i64.const 0xffff)))))
      (local.set $b13 (f64.add (f64.mul (local.get $b13) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a13) (i64.const 0xffff)))))
      (local.set $b14 (f64.add (f64.mul (local.get $b14) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a14) (i64.const 0xffff)))))
      (local.set $b15 (f64.add (f64.mul (local.get $b15) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a15) (i64.const 0xffff)))))
      (local.set $b16 (f64.add (f64.mul (local.get $b16) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a16) (i64.const 0xffff)))))
      (local.set $b17 (f64.add (f64.mul (local.get $b17) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a17) (i64.const 0xffff)))))
      (local.set $b18 (f64.add (f64.mul (local.get $b18) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a18) (i64.const 0xffff)))))
      (local.set $b19 (f64.add (f64.mul (local.get $b19) (f64.const 0.5))
        (f64.convert_i64_s (i64.and (local.get $a19) (i64.const 0xffff)))))
      (local.set $j (i32.sub (local.get $j) (i32.const 1)))
      (br_if $round (local.get $j)))
    ;; All 40 live across the call: a plain call in odd frames, in even
    ;; ones inside a try_table that catches everything.
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $r (call $descend (i32.sub (local.get $n) (i32.const 1))
                                         (local.get $kind) (local.get $v))))
      (else
        (local.set $ex
          (block $h (result exnref)
            (try_table (catch_all_ref $h)
              (local.set $r (call $descend (i32.sub (local.get $n) (i32.const 1))
                                           (local.get $kind) (local.get $v))))
            (ref.null exn)))))
    ;; Returned, or caught: every value read again.
    (local.set $s (i64.extend_i32_u (local.get $n)))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a0) (i64.const 1))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a1) (i64.const 3))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a2) (i64.const 5))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a3) (i64.const 7))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a4) (i64.const 9))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a5) (i64.const 11))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a6) (i64.const 13))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a7) (i64.const 15))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a8) (i64.const 17))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a9) (i64.const 19))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a10) (i64.const 21))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a11) (i64.const 23))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a12) (i64.const 25))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a13) (i64.const 27))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a14) (i64.const 29))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a15) (i64.const 31))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a16) (i64.const 33))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a17) (i64.const 35))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a18) (i64.const 37))))
    (local.set $s (i64.add (local.get $s) (i64.mul (local.get $a19) (i64.const 39))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b0) (f64.const 8)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b1) (f64.const 16)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b2) (f64.const 24)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b3) (f64.const 32)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b4) (f64.const 40)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b5) (f64.const 48)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b6) (f64.const 56)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b7) (f64.const 64)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b8) (f64.const 72)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b9) (f64.const 80)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b10) (f64.const 88)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b11) (f64.const 96)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b12) (f64.const 104)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b13) (f64.const 112)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b14) (f64.const 120)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b15) (f64.const 128)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b16) (f64.const 136)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b17) (f64.const 144)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b18) (f64.const 152)))))
    (local.set $s (i64.add (local.get $s) (i64.trunc_f64_s (f64.mul (local.get $b19) (f64.const 160)))))
    ;; Even frames count in $acc, then throw on what they caught; odd ones
    ;; add to the result.
    (if (i32.and (local.get $n) (i32.const 1))
      (then (return (i64.add (local.get $r) (local.get $s)))))
    (global.set $acc (i64.add (i64.mul (global.get $acc) (i64.const 31)) (local.get $s)))
    (if (i32.eqz (ref.is_null (local.get $ex))) (then (throw_ref (local.get $ex))))
    (local.get $r))

  ;; Resets the seed and $acc, catches at depth 50 what kind throws, and
  ;; returns 1 if $acc is then $want (what the normal path left), else 0.
  (func $acc_after (param $kind i32) (param $want i64) (result i32)
    (global.set $acc (i64.const 0))
    (i64.store (i32.const 64) (i64.const 0x1234))
    (drop (call $catch_at (i32.const 50) (local.get $kind) (i64.const 1234)))
    (i64.eq (global.get $acc) (local.get $want)))

  ;; Twelve arguments, past the argument registers: throws $tl with a
  ;; checksum of them all.
  (func $many (type $many_t) (param $a i32) (param $b i64) (param $c f32) (param $d f64)
              (param $e i32) (param $f i64) (param $g f32) (param $h f64)
              (param $i i32) (param $j i64) (param $k f32) (param $l f64)
              (param $m i64) (param $n i64)
    (throw $tl
      (i64.add
        (i64.add
          (i64.add (i64.add (i64.extend_i32_s (local.get $a)) (i64.mul (local.get $b) (i64.const 3)))
                   (i64.add (i64.trunc_f32_s (f32.mul (local.get $c) (f32.const 5)))
                            (i64.trunc_f64_s (f64.mul (local.get $d) (f64.const 7)))))
          (i64.add (i64.add (i64.mul (i64.extend_i32_s (local.get $e)) (i64.const 11))
                            (i64.mul (local.get $f) (i64.const 13)))
                   (i64.add (i64.trunc_f32_s (f32.mul (local.get $g) (f32.const 17)))
                            (i64.trunc_f64_s (f64.mul (local.get $h) (f64.const 19))))))
        (i64.add
          (i64.add (i64.add (i64.mul (i64.extend_i32_s (local.get $i)) (i64.const 23))
                            (i64.mul (local.get $j) (i64.const 29)))
                   (i64.add (i64.trunc_f32_s (f32.mul (local.get $k) (f32.const 31)))
                            (i64.trunc_f64_s (f64.mul (local.get $l) (f64.const 37)))))
          (i64.add (i64.mul (local.get $m) (i64.const 41))
                   (i64.mul (local.get $n) (i64.const 43)))))))
  ;; $many, one frame further down, through a table (never inlined).
  (func $many_via (param $x i32)
    (call_indirect $manyt (type $many_t) (local.get $x) (i64.const 2) (f32.const 3) (f64.const 4)
                (i32.const 5) (i64.const 6) (f32.const 7) (f64.const 8)
                (i32.const 9) (i64.const 10) (f32.const 11) (f64.const 12)
                (i64.const 13) (i64.extend_i32_u (local.get $x)) (i32.const 0)))

  ;; Throws $ti 9 out of a legacy try whose catch would take it, by a
  ;; delegate to the function's frame: to the caller.
  (func $delegate_out
    (try
      (do
        (try (do (call $raise (i32.const 0) (i64.const 9))) (delegate 1)))
      (catch $ti (drop) (call $raise (i32.const 0) (i64.const -9)))))

  ;; A try_table whose catch would take $ti, left by a return_call: the
  ;; exception of the callee is the caller's.
  (func $tail_out (param $v i64) (result i32)
    (block $h (result i32)
      (try_table (catch $ti $h)
        (return_call $raise_i32 (local.get $v)))
      (i32.const -1))
    (drop)
    (i32.const -3))
  (func $raise_i32 (param $v i64) (result i32)
    (call $raise (i32.const 0) (local.get $v))
    (i32.const -4))

  ;; A catch whose label is a loop's: each throw starts the loop again with
  ;; the thrown value, until it is 5: 105.
  (func $loop_catch (result i64)
    (local $n i32)
    (i32.const 0)
    (loop $l (param i32) (result i32)
      (local.set $n)
      (local.get $n)
      (try_table (param i32) (result i32) (catch $ti $l)
        (if (i32.lt_u (local.get $n) (i32.const 5))
          (then (call $raise (i32.const 0)
                             (i64.extend_i32_u (i32.add (local.get $n) (i32.const 1))))))
        (i32.const 100)
        (i32.add)))
    (i64.extend_i32_u))
  ;; Values under a try_table are there after its catch: 7 * (1000 + 7).
  (func $under (param $x i64) (result i64)
    (local.get $x)
    (i64.const 1000)
    (block $h (result i32)
      (try_table (catch $ti $h) (call $raise (i32.const 0) (local.get $x)))
      (i32.const -1))
    (i64.extend_i32_s)
    (i64.add)
    (i64.mul))
  ;; exnrefs kept in a table and a global, thrown later: 31 + 32.
  (func $stash (result i64)
    (table.set $xt (i32.const 1)
      (block $h (result exnref)
        (try_table (catch_all_ref $h) (call $raise (i32.const 0) (i64.const 31)))
        (unreachable)))
    (global.set $gx
      (block $h (result exnref)
        (try_table (catch_all_ref $h) (call $raise (i32.const 1) (i64.const 32)))
        (unreachable)))
    (i64.add
      (i64.extend_i32_s
        (block $h (result i32)
          (try_table (catch $ti $h) (throw_ref (table.get $xt (i32.const 1))))
          (i32.const -1)))
      (block $h (result i64)
        (try_table (catch $tl $h) (throw_ref (global.get $gx)))
        (i64.const -1))))
  ;; An externref (null) through a throw: 1.
  (func $extern (param externref) (result i64)
    (block $h (result externref)
      (try_table (catch $tn $h) (throw $tn (local.get 0)))
      (unreachable))
    (ref.is_null)
    (i64.extend_i32_u))
  ;; A catch whose label is the function's: returns the value, 55.
  (func $func_label (param i64) (result i32)
    (try_table (catch $ti 0) (call $raise (i32.const 0) (local.get 0)))
    (i32.const -1))
  ;; delegate to a try that is in its catch: past that try's catches, to
  ;; the try around it: 61 (-939 if $t's catch of $tl took it).
  (func $delegate_in_catch (result i64)
    (try (result i64)
      (do
        (try $t (result i64)
          (do (call $raise (i32.const 0) (i64.const 1)) (i64.const -1))
          (catch $ti
            (drop)
            (try (do (call $raise (i32.const 1) (i64.const 61))) (delegate $t))
            (i64.const -2))
          (catch $tl (i64.const -1000) (i64.add))))
      (catch $tl)))
  ;; delegate to a try_table's label: its catch takes it: 71.
  (func $delegate_to_table (result i64)
    (block $h (result i32)
      (try_table (catch $ti $h)
        (try (do (call $raise (i32.const 0) (i64.const 71))) (delegate 0)))
      (i32.const -1))
    (i64.extend_i32_s))
  ;; delegate to a block inside a try: that try's catch: 81.
  (func $delegate_to_block (result i64)
    (try (result i64)
      (do
        (block $b
          (try (do (call $raise (i32.const 0) (i64.const 81))) (delegate $b)))
        (i64.const -1))
      (catch $ti (i64.extend_i32_s))))

  ;; Writes "NAME=V " (V a signed i64 in decimal) to stderr; NAME is the
  ;; NUL-padded 8 bytes at 1024 + 8 * name.
  (func $show (param $name i32) (param $v i64)
    (local $p i32) (local $q i32) (local $neg i32) (local $u i64)
    (i64.store (i32.const 128) (i64.load (i32.add (i32.const 1024)
                                         (i32.shl (local.get $name) (i32.const 3)))))
    (local.set $p (i32.const 128))
    (loop $skip
      (if (i32.and (i32.lt_u (local.get $p) (i32.const 136))
                   (i32.ne (i32.load8_u (local.get $p)) (i32.const 0)))
        (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $skip))))
    (i32.store8 (local.get $p) (i32.const 61)) ;; '='
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (local.set $neg (i64.lt_s (local.get $v) (i64.const 0)))
    (local.set $u (select (i64.sub (i64.const 0) (local.get $v)) (local.get $v)
                          (local.get $neg)))
    ;; Digits backwards, ending at 256.
    (local.set $q (i32.const 256))
    (loop $digits
      (local.set $q (i32.sub (local.get $q) (i32.const 1)))
      (i32.store8 (local.get $q)
        (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $u) (i64.const 10)))))
      (local.set $u (i64.div_u (local.get $u) (i64.const 10)))
      (br_if $digits (i64.ne (local.get $u) (i64.const 0))))
    (if (local.get $neg)
      (then (local.set $q (i32.sub (local.get $q) (i32.const 1)))
            (i32.store8 (local.get $q) (i32.const 45))))
    (loop $copy
      (i32.store8 (local.get $p) (i32.load8_u (local.get $q)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br_if $copy (i32.lt_u (local.get $q) (i32.const 256))))
    (i32.store8 (local.get $p) (i32.const 32))
    (i32.store (i32.const 0) (i32.const 128))
    (i32.store (i32.const 4) (i32.sub (i32.add (local.get $p) (i32.const 1)) (i32.const 128)))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8))))

  (data (i32.const 1024)
    "i32.1\00\00\00" "i64.1\00\00\00" "f32.1\00\00\00" "f64.1\00\00\00"
    "v128.1\00\00" "func.1\00\00" "exn.1\00\00\00" "multi.1\00"
    "i32.50\00\00" "i64.50\00\00" "f32.50\00\00" "f64.50\00\00"
    "v128.50\00" "func.50\00" "exn.50\00\00" "multi.50"
    "result\00\00" "acc\00\00\00\00\00" "accsame\00" "cref\00\00\00\00"
    "allref\00\00" "all\00\00\00\00\00" "nested\00\00" "nestloc\00"
    "tagid\00\00\00" "tail\00\00\00\00" "indirect" "empty\00\00\00"
    "handler\00" "many\00\00\00\00" "legacy\00\00" "lall\00\00\00\00"
    "rethrow\00" "rethrow1" "delegate" "dcaller\00" "lhandler" "ltable\00\00"
    "loop\00\00\00\00" "rec\00\00\00\00\00"
    "loopcat\00" "under\00\00\00" "stash\00\00\00" "extern\00\00"
    "funclab\00" "dincatch" "dtable\00\00" "dblock\00\00")

  (func $show_cases
    (local $k i32) (local $x exnref) (local $v i64) (local $want i64)
    ;; Each kind one frame down, then 50.
    (loop $kinds
      (call $show (local.get $k)
        (call $catch_at (i32.const 1) (local.get $k) (i64.const 1234)))
      (call $show (i32.add (local.get $k) (i32.const 8))
        (call $catch_at (i32.const 50) (local.get $k) (i64.const 1234)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $kinds (i32.lt_u (local.get $k) (i32.const 8))))
    ;; The values of 48 frames of $descend returned normally (kind 8), and
    ;; what they left in $acc; then every kind's throw through the same
    ;; frames must leave the same.
    (global.set $acc (i64.const 0))
    (i64.store (i32.const 64) (i64.const 0x1234))
    (call $show (i32.const 16)
      (call $descend (i32.const 48) (i32.const 8) (i64.const 77)))
    (local.set $want (global.get $acc))
    (call $show (i32.const 17) (local.get $want))
    (local.set $k (i32.const 0))
    (local.set $v (i64.const 0))
    (loop $kinds
      (local.set $v (i64.add (local.get $v)
                      (i64.extend_i32_u (call $acc_after (local.get $k) (local.get $want)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $kinds (i32.lt_u (local.get $k) (i32.const 8))))
    (call $show (i32.const 18) (local.get $v))

    ;; catch_ref, then throw_ref of what it gave, caught again: 21 + 21.
    (block $h (result i64 exnref)
      (try_table (catch_ref $tl $h)
        (call $raise (i32.const 1) (i64.const 21)))
      (unreachable))
    (local.set $x)
    (local.set $v)
    (call $show (i32.const 19)
      (i64.add (local.get $v)
        (block $h2 (result i64)
          (try_table (catch $tl $h2) (throw_ref (local.get $x)))
          (i64.const -1))))
    ;; catch_all_ref of an f64 exception, then into a catch of $td: 2 * 22.5.
    (call $show (i32.const 20)
      (block $h2 (result i64)
        (local.set $x
          (block $h (result exnref)
            (try_table (catch_all_ref $h)
              (call $raise (i32.const 3) (i64.const 22)))
            (ref.null exn)))
        (i64.trunc_f64_s (f64.mul (f64.const 2)
          (block $hd (result f64)
            (try_table (catch $td $hd) (throw_ref (local.get $x)))
            (f64.const -1))))))
    ;; catch_all: no values.
    (call $show (i32.const 21)
      (block $h (result i64)
        (block $all
          (try_table (catch_all $all)
            (call $raise (i32.const 7) (i64.const 23)))
          (br $h (i64.const -1)))
        (i64.const 23)))
    ;; Nested: the inner try_table ($ti) does not match $tl from a callee;
    ;; the outer does: 24.
    (call $show (i32.const 22)
      (block $outer (result i64)
        (drop
          (block $inner (result i32)
            (try_table (catch $tl $outer)
              (try_table (catch $ti $inner)
                (call $raise (i32.const 1) (i64.const 24))))
            (i32.const -1)))
        (i64.const -2)))
    ;; The same with the throw in this function: 25.
    (call $show (i32.const 23)
      (block $outer (result i64)
        (drop
          (block $inner (result i32)
            (try_table (catch $tl $outer)
              (try_table (catch $ti $inner)
                (throw $tl (i64.const 25))))
            (i32.const -1)))
        (i64.const -2)))
    ;; $ti2 has $ti's type but is another tag: 26 by its own clause.
    (call $show (i32.const 24)
      (block $h2 (result i32)
        (drop
          (block $h1 (result i32)
            (try_table (catch $ti $h1) (catch $ti2 $h2)
              (throw $ti2 (i32.const 26)))
            (i32.const -1)))
        (i32.const -2))
      (i64.extend_i32_s))
    ;; A return_call leaves the try_table: the caller catches 27.
    (call $show (i32.const 25)
      (block $h (result i32)
        (try_table (catch $ti $h)
          (drop (call $tail_out (i64.const 27))))
        (i32.const -1))
      (i64.extend_i32_s))
    ;; Through call_indirect: $tail_out via the table, 28.
    ;; (an indirect call inside a try_table is an invoke too)
    (table.set $slot (i32.const 0) (ref.func $raise_i32))
    (call $show (i32.const 26)
      (block $h (result i32)
        (try_table (catch $ti $h)
          (drop (call_indirect $slot (param i64) (result i32) (i64.const 28) (i32.const 0))))
        (i32.const -1))
      (i64.extend_i32_s))
    ;; A tag without values: 29.
    (call $show (i32.const 27)
      (block $h (result i64)
        (block $e
          (try_table (catch $te $e) (throw $te))
          (br $h (i64.const -1)))
        (i64.const 29)))
    ;; A throw from a try_table's handler goes to the try_table around it:
    ;; 30 caught as $ti, thrown as $tl 30 + 1.
    (call $show (i32.const 28)
      (block $h2 (result i64)
        (try_table (catch $tl $h2)
          (block $h1 (result i32)
            (try_table (catch $ti $h1)
              (call $raise (i32.const 0) (i64.const 30)))
            (i32.const -1))
          (local.set $v (i64.extend_i32_s))
          (call $raise (i32.const 1) (i64.add (local.get $v) (i64.const 1))))
        (i64.const -2)))
    ;; Twelve arguments: 1 + 6 + 15 + 28 + 55 + 78 + 119 + 152 + 207 + 290
    ;; + 341 + 444 + 533 + 43 = 2312.
    (call $show (i32.const 29)
      (block $h (result i64)
        (try_table (catch $tl $h) (call $many_via (i32.const 1)))
        (i64.const -1)))

    ;; The legacy instructions. try/catch: 31.
    (call $show (i32.const 30)
      (try (result i64)
        (do (call $raise (i32.const 0) (i64.const 31)) (i64.const -1))
        (catch $ti (i64.extend_i32_s))))
    ;; A catch that does not match, then catch_all: 32.
    (call $show (i32.const 31)
      (try (result i64)
        (do (call $raise (i32.const 1) (i64.const 32)) (i64.const -1))
        (catch $ti (drop) (i64.const -2))
        (catch_all (i64.const 32))))
    ;; rethrow 0 from a catch, to the try around it: 33.
    (call $show (i32.const 32)
      (try (result i64)
        (do
          (try (do (call $raise (i32.const 0) (i64.const 33)))
               (catch $ti (drop) (rethrow 0)))
          (i64.const -1))
        (catch $ti (i64.extend_i32_s))))
    ;; rethrow 1 from the catch of a try inside a catch: the outer catch's
    ;; exception ($ti 34), not the inner's ($tl 35).
    (call $show (i32.const 33)
      (try (result i64)
        (do
          (try (do (call $raise (i32.const 0) (i64.const 34)))
               (catch $ti
                 (drop)
                 (try (do (call $raise (i32.const 1) (i64.const 35)))
                      (catch $tl (drop) (rethrow 1)))))
          (i64.const -1))
        (catch $ti (i64.extend_i32_s))
        (catch $tl (drop) (i64.const -2))))
    ;; delegate to an outer try, past the catch of the try between: 36.
    (call $show (i32.const 34)
      (try $outer (result i64)
        (do
          (try (result i64)
            (do
              (try (do (call $raise (i32.const 0) (i64.const 36)))
                   (delegate $outer))
              (i64.const -1))
            (catch $ti (drop) (i64.const -2))))
        (catch $ti (i64.extend_i32_s))))
    ;; delegate to the caller: 9, from $delegate_out.
    (call $show (i32.const 35)
      (try (result i64)
        (do (call $delegate_out) (i64.const -1))
        (catch $ti (i64.extend_i32_s))))
    ;; A call in a catch is inside the outer try: $tl 37 thrown from the
    ;; handler of $ti.
    (call $show (i32.const 36)
      (try (result i64)
        (do
          (try (do (call $raise (i32.const 0) (i64.const 1)))
               (catch $ti (drop) (call $raise (i32.const 1) (i64.const 37))))
          (i64.const -1))
        (catch $tl)))
    ;; A try_table in a legacy catch, and a legacy try in a try_table: 38.
    (call $show (i32.const 37)
      (block $h (result i64)
        (try_table (catch $tl $h)
          (try
            (do (call $raise (i32.const 0) (i64.const 38)))
            (catch $ti
              (local.set $v (i64.extend_i32_s))
              (local.set $v
                (block $h2 (result i64)
                  (try_table (catch $tl $h2)
                    (call $raise (i32.const 1) (local.get $v)))
                  (i64.const -1)))
              (call $raise (i32.const 1) (local.get $v)))))
        (i64.const -2)))

    ;; Labels and places.
    (call $show (i32.const 40) (call $loop_catch))
    (call $show (i32.const 41) (call $under (i64.const 7)))
    (call $show (i32.const 42) (call $stash))
    (call $show (i32.const 43) (call $extern (ref.null extern)))
    (call $show (i32.const 44) (i64.extend_i32_s (call $func_label (i64.const 55))))
    (call $show (i32.const 45) (call $delegate_in_catch))
    (call $show (i32.const 46) (call $delegate_to_table))
    (call $show (i32.const 47) (call $delegate_to_block)))

  ;; 100000 times: $tl out of $many two frames down, caught by a
  ;; try_table; $ti out of $raise, caught by a legacy try. Then $rec(15000)
  ;; from this same frame, which needs most of the stack: a stack pointer a
  ;; few bytes off after each catch would have lost more than the rest.
  (func $loop_then_recurse (param $depth i32)
    (local $i i32) (local $sum i64)
    (loop $l
      (local.set $sum (i64.add (local.get $sum)
        (block $h (result i64)
          (try_table (catch $tl $h) (call $many_via (local.get $i)))
          (i64.const -1000000))))
      (local.set $sum (i64.add (local.get $sum)
        (try (result i64)
          (do (call $raise (i32.const 0) (i64.extend_i32_u (local.get $i))) (i64.const -1000000))
          (catch $ti (i64.extend_i32_s)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 100000))))
    (call $show (i32.const 38) (local.get $sum))
    (call $show (i32.const 39) (call $rec (local.get $depth))))

  (func $rec (param $n i32) (result i64)
    (local $v0 i64) (local $v1 i64) (local $v2 i64) (local $v3 i64) (local $v4 i64) (local $v5 i64) (local $v6 i64) (local $v7 i64)
    (local $v8 i64) (local $v9 i64) (local $v10 i64) (local $v11 i64) (local $v12 i64) (local $v13 i64) (local $v14 i64) (local $v15 i64)
    (local $v16 i64) (local $v17 i64) (local $v18 i64) (local $v19 i64) (local $v20 i64) (local $v21 i64) (local $v22 i64) (local $v23 i64)
    (local $v24 i64) (local $v25 i64) (local $v26 i64) (local $v27 i64) (local $v28 i64) (local $v29 i64) (local $v30 i64) (local $v31 i64)
    (local $v32 i64) (local $v33 i64) (local $v34 i64) (local $v35 i64) (local $v36 i64) (local $v37 i64) (local $v38 i64) (local $v39 i64)
    (local $v40 i64) (local $v41 i64) (local $v42 i64) (local $v43 i64) (local $v44 i64) (local $v45 i64) (local $v46 i64) (local $v47 i64)
    (local $r i64)
    (if (i32.eqz (local.get $n)) (then (return (i64.const 0))))
    (local.set $v0 (i64.load offset=512 (i32.const 0)))
    (local.set $v1 (i64.load offset=520 (i32.const 0)))
    (local.set $v2 (i64.load offset=528 (i32.const 0)))
    (local.set $v3 (i64.load offset=536 (i32.const 0)))
    (local.set $v4 (i64.load offset=544 (i32.const 0)))
    (local.set $v5 (i64.load offset=552 (i32.const 0)))
    (local.set $v6 (i64.load offset=560 (i32.const 0)))
    (local.set $v7 (i64.load offset=568 (i32.const 0)))
    (local.set $v8 (i64.load offset=576 (i32.const 0)))
    (local.set $v9 (i64.load offset=584 (i32.const 0)))
    (local.set $v10 (i64.load offset=592 (i32.const 0)))
    (local.set $v11 (i64.load offset=600 (i32.const 0)))
    (local.set $v12 (i64.load offset=608 (i32.const 0)))
    (local.set $v13 (i64.load offset=616 (i32.const 0)))
    (local.set $v14 (i64.load offset=624 (i32.const 0)))
    (local.set $v15 (i64.load offset=632 (i32.const 0)))
    (local.set $v16 (i64.load offset=640 (i32.const 0)))
    (local.set $v17 (i64.load offset=648 (i32.const 0)))
    (local.set $v18 (i64.load offset=656 (i32.const 0)))
    (local.set $v19 (i64.load offset=664 (i32.const 0)))
    (local.set $v20 (i64.load offset=672 (i32.const 0)))
    (local.set $v21 (i64.load offset=680 (i32.const 0)))
    (local.set $v22 (i64.load offset=688 (i32.const 0)))
    (local.set $v23 (i64.load offset=696 (i32.const 0)))
    (local.set $v24 (i64.load offset=704 (i32.const 0)))
    (local.set $v25 (i64.load offset=712 (i32.const 0)))
    (local.set $v26 (i64.load offset=720 (i32.const 0)))
    (local.set $v27 (i64.load offset=728 (i32.const 0)))
    (local.set $v28 (i64.load offset=736 (i32.const 0)))
    (local.set $v29 (i64.load offset=744 (i32.const 0)))
    (local.set $v30 (i64.load offset=752 (i32.const 0)))
    (local.set $v31 (i64.load offset=760 (i32.const 0)))
    (local.set $v32 (i64.load offset=768 (i32.const 0)))
    (local.set $v33 (i64.load offset=776 (i32.const 0)))
    (local.set $v34 (i64.load offset=784 (i32.const 0)))
    (local.set $v35 (i64.load offset=792 (i32.const 0)))
    (local.set $v36 (i64.load offset=800 (i32.const 0)))
    (local.set $v37 (i64.load offset=808 (i32.const 0)))
    (local.set $v38 (i64.load offset=816 (i32.const 0)))
    (local.set $v39 (i64.load offset=824 (i32.const 0)))
    (local.set $v40 (i64.load offset=832 (i32.const 0)))
    (local.set $v41 (i64.load offset=840 (i32.const 0)))
    (local.set $v42 (i64.load offset=848 (i32.const 0)))
    (local.set $v43 (i64.load offset=856 (i32.const 0)))
    (local.set $v44 (i64.load offset=864 (i32.const 0)))
    (local.set $v45 (i64.load offset=872 (i32.const 0)))
    (local.set $v46 (i64.load offset=880 (i32.const 0)))
    (local.set $v47 (i64.load offset=888 (i32.const 0)))
    (i64.store (i32.const 512) (i64.add (i64.load (i32.const 512)) (i64.const 1)))
    (local.set $r (call $rec (i32.sub (local.get $n) (i32.const 1))))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v0)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v1)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v2)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v3)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v4)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v5)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v6)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v7)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v8)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v9)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v10)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v11)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v12)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v13)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v14)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v15)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v16)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v17)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v18)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v19)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v20)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v21)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v22)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v23)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v24)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v25)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v26)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v27)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v28)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v29)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v30)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v31)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v32)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v33)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v34)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v35)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v36)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v37)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v38)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v39)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v40)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v41)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v42)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v43)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v44)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v45)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v46)) (i64.const 0x9E3779B97F4A7C15)))
    (local.set $r (i64.mul (i64.xor (local.get $r) (local.get $v47)) (i64.const 0x9E3779B97F4A7C15)))
    (local.get $r))

  (func $load (param i32) (result i32) (i32.load (local.get 0)))
  (func $unreachable (unreachable))

  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 (local.get $argc)))
      (call $show_cases)
      (return))
      ;; Traps are not exceptions: no catch_all takes them. Twice the
      ;; depth of case 5: more than the stack.
      (block $h
        (try_table (catch_all $h) (drop (call $rec (i32.const 30000)))))
      (return))
      ;; throw_ref of null.
      (try
        (do
          (block $h (result exnref)
            (try_table (catch_all_ref $h) (throw_ref (ref.null exn)))
            (unreachable))
          (drop))
        (catch_all))
      (return))
      ;; Out of bounds, in a callee.
      (block $h
        (try_table (catch_all $h) (drop (call $load (i32.const 70000)))))
      (return))
      ;; unreachable, in a callee.
      (try (do (call $unreachable)) (catch_all))
      (return))
    (call $loop_then_recurse (i32.const 15000)))
)
