;; Typed function references in executables. The argument count picks the
;; case; each-case.py runs them all and prints what each wrote to stderr
;; and its exit status. On x86_64 natively, aarch64 and riscv64 under qemu,
;; each at -O2 and -O0, with guard pages and explicit bounds checks.
;;   0: one value per construct, "NAME=VALUE", through fd_write: call_ref
;;      through a (ref $ft) local, an immutable (ref $ft) global and a
;;      mutable (ref null $ft) one; a (ref $ft) called as the equivalent
;;      $ft2; n! through self-recursive equivalent types ($rec1 called as
;;      $rec2); br_on_null and br_on_non_null taken and not (with a value
;;      under the reference); a table of (ref $ft) with an initializer
;;      (call_indirect, table.get, table.set, table.size, table.grow); a
;;      (ref null $ft) table from an element segment of (ref $ft);
;;      ref.as_non_null; select and a block of (ref $ft); a non-nullable
;;      local set before and in a loop; call_indirect's run-time type check
;;      with equivalent types (self-recursive, and through references to
;;      equivalent types). Exit status 0.
;;   1: return_call_ref chains of 10^7 steps between $a [i64 f64] -> [i32
;;      i64] and $b, of 12 numbers and a (ref $ta) (past the argument
;;      registers), each step a tail call through a non-null reference (so
;;      without a null check); without tail calls the chain would need far
;;      more than the 8 MiB stack ("call stack exhausted"). Exits with 3
;;      when the results are right, 1 when not ($b traps on a wrong
;;      argument).
;;   2: the same through (ref null) globals (null-checked): exit status 4.
;;   3: $c (one i32) 10^7 times through return_call_ref of ref.func $c,
;;      then a return_call_ref of proc_exit, an import, from a (ref $tc)
;;      table initialised with it: exit status 7.
;;   4: call_ref of null: "null function reference", 134.
;;   5: ref.as_non_null of null: "null reference", 134.
;;   6: return_call_ref of null: "null function reference" in $ag, 134.
;;   7: call_indirect of $fact ($rec1) as $ft: "indirect call type
;;      mismatch", 134.

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
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-x86_64 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-x86_64 %t/x86_64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-aarch64 %t/aarch64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-aarch64 %t/aarch64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-aarch64 %t/aarch64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-riscv64 %t/riscv64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-riscv64 %t/riscv64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 8 %run-riscv64 %t/riscv64-explicit-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: inc=42 glob=42 gmut=-42 equiv=6 fact=3628800
;; CHECK-SAME: {{ }}isnul0=0 isnul1=1 nonnul0=60 nonnul1=-1030 two0=-9 two1=109 three0=16 three1=208
;; CHECK-SAME: {{ }}tab0=11 tab1=20 tab3=11 tsize=4 grow=4 tab5=-10 tn0=1 tn1=20
;; CHECK-SAME: {{ }}select=6 local=1001 asnn=-6 isnull=0 indrec=120 indref=8 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: exit status 3{{$}}
;; CHECK-NEXT: {{^}}case 2: exit status 4{{$}}
;; CHECK-NEXT: {{^}}case 3: exit status 7{{$}}
;; CHECK-NEXT: {{^}}case 4: wasm trap: null function reference, in function 20 exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 5: wasm trap: null reference, in function 20 exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 6: wasm trap: null function reference, in function ag exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 7: wasm trap: indirect call type mismatch, in function 20 exit status 134{{$}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  (type $ft (func (param i32) (result i32)))
  ;; The same function type again: equivalent, so interchangeable.
  (type $ft2 (func (param i32) (result i32)))
  ;; Two self-recursive types of the same structure: equivalent too.
  (type $rec1 (func (param i32 (ref null $rec1)) (result i32)))
  (type $rec2 (func (param i32 (ref null $rec2)) (result i32)))
  ;; The tail-call chain: $a [i64 f64] -> [i32 i64]; $b takes 12 numbers
  ;; and the reference to call next.
  (type $ta (func (param i64 f64) (result i32 i64)))
  (type $tb (func (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64 (ref $ta))
                  (result i32 i64)))
  (type $tc (func (param i32)))
  ;; Equivalent through the equivalent types they refer to.
  (type $ft_ref (func (param (ref $ft)) (result i32)))
  (type $ft2_ref (func (param (ref $ft2)) (result i32)))

  ;; A typed table, every element $inc to start with.
  (table $t 4 (ref $ft) (ref.func $inc))
  ;; A nullable typed table, filled by an element segment of (ref $ft).
  (table $tn 2 (ref null $ft))
  (elem (table $tn) (i32.const 1) (ref $ft) (ref.func $dbl))
  (global $g_imm (ref $ft) (ref.func $dbl))
  (global $g_mut (mut (ref null $ft)) (ref.null $ft))
  (global $g_a (mut (ref null $ta)) (ref.null $ta))
  (global $g_b (mut (ref null $tb)) (ref.null $tb))
  ;; A typed table initialised with an import.
  (table $te 1 (ref $tc) (ref.func $exit))
  ;; A funcref table, for call_indirect's run-time type check.
  (table $tf 2 funcref)
  (elem (table $tf) (i32.const 0) func $fact $call_it)
  (elem declare func $a $b $ag $leaf $c $exit $fact $neg)

  (func $inc (type $ft) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ft2) (i32.mul (local.get 0) (i32.const 2)))
  (func $neg (type $ft) (i32.sub (i32.const 0) (local.get 0)))

  ;; n!, recursing through the reference to itself it is passed, called as
  ;; the equivalent $rec2.
  (func $fact (type $rec1)
    (if (result i32) (i32.le_s (local.get 0) (i32.const 1))
      (then (i32.const 1))
      (else
        (i32.mul (local.get 0)
          (call_ref $rec2 (i32.sub (local.get 0) (i32.const 1)) (local.get 1)
                          (local.get 1))))))

  ;; f(7), f from a (ref $ft) parameter.
  (func $call_it (type $ft_ref) (call_ref $ft (i32.const 7) (local.get 0)))

  ;; 1 if r is null (br_on_null taken), else 0; carries an i32 along.
  (func $is_null (param $r funcref) (result i32)
    (block $null (result i32)
      (br_on_null $null (i32.const 1) (local.get $r))
      ;; Not taken: the i32 and the non-null reference, (ref func).
      (drop) (drop)
      (i32.const 0)))

  ;; f(x) if r is not null (br_on_non_null taken), else -1000 - x.
  (func $apply_or (param $r (ref null $ft)) (param $x i32) (result i32)
    (local $nn (ref $ft))
    (local.set $nn
      (block $some (result (ref $ft))
        (br_on_non_null $some (local.get $r))
        (return (i32.sub (i32.const -1000) (local.get $x)))))
    (call_ref $ft (local.get $x) (local.get $nn)))

  ;; br_on_non_null with a value below the reference: the label takes
  ;; [i32 (ref $ft)]: f(k) if not null, k + 100 if null.
  (func $apply2 (param $r (ref null $ft)) (param $k i32) (result i32)
    (block $some (result i32 (ref $ft))
      (br_on_non_null $some (local.get $k) (local.get $r))
      (return (i32.add (i32.const 100))))
    (call_ref $ft))

  ;; br_on_null, not taken: the i32 under the reference stays, and the
  ;; reference is non-null after it. f(k) if not null, k + 200 if null.
  (func $apply3 (param $r (ref null $ft)) (param $k i32) (result i32)
    (block $null (result i32)
      (br_on_null $null (local.get $k) (local.get $r))
      (call_ref $ft)
      (return))
    (i32.add (i32.const 200)))

  ;; The chain's end.
  (func $leaf (type $ta)
    (i32.trunc_f64_u (local.get 1)) (i64.const 0x123456789))
  ;; $a: n steps left, acc; $b: one step, through the reference it is given.
  (func $a (type $ta)
    (if (i64.eqz (local.get 0))
      (then (return_call_ref $ta (local.get 0) (local.get 1) (ref.func $leaf))))
    (return_call_ref $tb
      (i32.wrap_i64 (local.get 0)) (local.get 0) (f32.const 2.5) (local.get 1)
      (i32.const -4) (i64.const 0x500000005) (f32.const 6.5) (f64.const -7.25)
      (i32.const 8) (i64.const -9) (f32.const 10.5) (f64.const 11.75)
      (ref.func $a)
      (ref.func $b)))
  (func $b (type $tb)
    (if (i32.ne (local.get 0) (i32.wrap_i64 (local.get 1))) (then unreachable))
    (if (f32.ne (local.get 2) (f32.const 2.5)) (then unreachable))
    (if (i32.ne (local.get 4) (i32.const -4)) (then unreachable))
    (if (i64.ne (local.get 5) (i64.const 0x500000005)) (then unreachable))
    (if (f32.ne (local.get 6) (f32.const 6.5)) (then unreachable))
    (if (f64.ne (local.get 7) (f64.const -7.25)) (then unreachable))
    (if (i32.ne (local.get 8) (i32.const 8)) (then unreachable))
    (if (i64.ne (local.get 9) (i64.const -9)) (then unreachable))
    (if (f32.ne (local.get 10) (f32.const 10.5)) (then unreachable))
    (if (f64.ne (local.get 11) (f64.const 11.75)) (then unreachable))
    (return_call_ref $ta (i64.sub (local.get 1) (i64.const 1))
                         (f64.add (local.get 3) (f64.const 1))
                         (local.get 12)))
  ;; The same chain through nullable globals (null-checked references).
  (func $ag (type $ta)
    (if (i64.eqz (local.get 0))
      (then (return_call_ref $ta (local.get 0) (local.get 1) (ref.func $leaf))))
    (return_call_ref $tb
      (i32.wrap_i64 (local.get 0)) (local.get 0) (f32.const 2.5) (local.get 1)
      (i32.const -4) (i64.const 0x500000005) (f32.const 6.5) (f64.const -7.25)
      (i32.const 8) (i64.const -9) (f32.const 10.5) (f64.const 11.75)
      (ref.as_non_null (global.get $g_a))
      (global.get $g_b)))

  ;; n steps, then proc_exit(7), an import, through return_call_ref of the
  ;; reference in table $te.
  (func $c (type $tc)
    (if (i32.eqz (local.get 0))
      (then (return_call_ref $tc (i32.const 7) (table.get $te (i32.const 0)))))
    (return_call_ref $tc (i32.sub (local.get 0) (i32.const 1)) (ref.func $c)))

  ;; Exits with status if the results are (10^7, 0x123456789), else 1.
  (func $expect (param i32 i64) (param $status i32)
    (if (i32.and (i32.eq (local.get 0) (i32.const 10000000))
                 (i64.eq (local.get 1) (i64.const 0x123456789)))
      (then (call $exit (local.get $status))))
    (call $exit (i32.const 1)))

  ;; Writes "NAME=V " to stderr; NAME is the 8 bytes at 1024 + 8 * name.
  (func $show (param $name i32) (param $v i32)
    (local $p i32) (local $neg i32) (local $u i32)
    (i64.store (i32.const 128) (i64.load (i32.add (i32.const 1024)
                                         (i32.shl (local.get $name) (i32.const 3)))))
    (local.set $p (i32.const 128))
    (loop $skip
      (if (i32.and (i32.lt_u (local.get $p) (i32.const 136))
                   (i32.ne (i32.load8_u (local.get $p)) (i32.const 0)))
        (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $skip))))
    (i32.store8 (local.get $p) (i32.const 61)) ;; '='
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (local.set $neg (i32.lt_s (local.get $v) (i32.const 0)))
    (local.set $u (select (i32.sub (i32.const 0) (local.get $v)) (local.get $v)
                          (local.get $neg)))
    ;; Digits backwards at 200..
    (local.set $name (i32.const 200))
    (loop $digits
      (local.set $name (i32.sub (local.get $name) (i32.const 1)))
      (i32.store8 (local.get $name)
        (i32.add (i32.const 48) (i32.rem_u (local.get $u) (i32.const 10))))
      (local.set $u (i32.div_u (local.get $u) (i32.const 10)))
      (br_if $digits (local.get $u)))
    (if (local.get $neg)
      (then (local.set $name (i32.sub (local.get $name) (i32.const 1)))
            (i32.store8 (local.get $name) (i32.const 45))))
    (loop $copy
      (i32.store8 (local.get $p) (i32.load8_u (local.get $name)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (local.set $name (i32.add (local.get $name) (i32.const 1)))
      (br_if $copy (i32.lt_u (local.get $name) (i32.const 200))))
    (i32.store8 (local.get $p) (i32.const 10))
    (i32.store (i32.const 0) (i32.const 128))
    (i32.store (i32.const 4) (i32.sub (i32.add (local.get $p) (i32.const 1)) (i32.const 128)))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8))))

  (data (i32.const 1024) "inc\00\00\00\00\00" "glob\00\00\00\00" "gmut\00\00\00\00" "equiv\00\00\00"
                         "fact\00\00\00\00" "isnul0\00\00" "isnul1\00\00" "nonnul0\00"
                         "nonnul1\00" "two0\00\00\00\00" "two1\00\00\00\00" "three0\00\00"
                         "three1\00\00" "tab0\00\00\00\00" "tab1\00\00\00\00" "tab3\00\00\00\00"
                         "tsize\00\00\00" "grow\00\00\00\00" "tab5\00\00\00\00" "tn0\00\00\00\00\00"
                         "tn1\00\00\00\00\00" "select\00\00" "local\00\00\00" "asnn\00\00\00\00"
                         "isnull\00\00"
                         "indrec\00\00" "indref\00\00")

  (func $functional
    (local $r (ref $ft)) (local $loopr (ref $ft)) (local $i i32) (local $sum i32)
    ;; call_ref through a non-nullable local.
    (local.set $r (ref.func $inc))
    (call $show (i32.const 0) (call_ref $ft (i32.const 41) (local.get $r)))
    ;; Through an immutable (ref $ft) global, and a mutable nullable one.
    (call $show (i32.const 1) (call_ref $ft (i32.const 21) (global.get $g_imm)))
    (global.set $g_mut (ref.func $neg))
    (call $show (i32.const 2) (call_ref $ft (i32.const 42) (global.get $g_mut)))
    ;; A (ref $ft) called as the equivalent $ft2.
    (call $show (i32.const 3) (call_ref $ft2 (i32.const 5) (local.get $r)))
    ;; Self-recursive, equivalent types: 10! = 3628800.
    (call $show (i32.const 4)
      (call_ref $rec2 (i32.const 10) (ref.func $fact) (ref.func $fact)))
    ;; br_on_null, not taken and taken.
    (call $show (i32.const 5) (call $is_null (ref.func $inc)))
    (call $show (i32.const 6) (call $is_null (ref.null nofunc)))
    ;; br_on_non_null, taken and not.
    (call $show (i32.const 7) (call $apply_or (ref.func $dbl) (i32.const 30)))
    (call $show (i32.const 8) (call $apply_or (ref.null $ft) (i32.const 30)))
    (call $show (i32.const 9) (call $apply2 (ref.func $neg) (i32.const 9)))
    (call $show (i32.const 10) (call $apply2 (ref.null nofunc) (i32.const 9)))
    (call $show (i32.const 11) (call $apply3 (ref.func $dbl) (i32.const 8)))
    (call $show (i32.const 12) (call $apply3 (ref.null $ft2) (i32.const 8)))
    ;; The typed table: $inc everywhere but where table.set put $dbl.
    (table.set $t (i32.const 1) (ref.func $dbl))
    (call $show (i32.const 13) (call_indirect $t (type $ft) (i32.const 10) (i32.const 0)))
    (call $show (i32.const 14) (call_indirect $t (type $ft) (i32.const 10) (i32.const 1)))
    (call $show (i32.const 15) (call_ref $ft (i32.const 10) (table.get $t (i32.const 3))))
    (call $show (i32.const 16) (table.size $t))
    (call $show (i32.const 17) (table.grow $t (ref.func $neg) (i32.const 2)))
    (call $show (i32.const 18) (call_indirect $t (type $ft2) (i32.const 10) (i32.const 5)))
    ;; The nullable table: element 1 from the segment.
    (call $show (i32.const 19) (ref.is_null (table.get $tn (i32.const 0))))
    (call $show (i32.const 20)
      (call_ref $ft (i32.const 10) (ref.as_non_null (table.get $tn (i32.const 1)))))
    ;; select of (ref $ft), in a block of that result type.
    (call $show (i32.const 21)
      (call_ref $ft (i32.const 3)
        (block (result (ref $ft))
          (select (result (ref $ft)) (ref.func $inc) (ref.func $dbl) (i32.const 0)))))
    ;; A non-nullable local set before a loop and in it, read after it
    ;; (what the loop sets is forgotten at its end, for validation).
    (local.set $i (i32.const 3))
    (local.set $loopr (ref.func $neg))
    (loop $l
      (local.set $loopr (table.get $t (local.get $i)))
      (local.set $sum (i32.add (local.get $sum)
                        (call_ref $ft (local.get $i) (local.get $loopr))))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (br_if $l (i32.ge_s (local.get $i) (i32.const 0))))
    ;; 4 + 3 + 2 + 1 (element 1 doubles): 10; then the last loaded,
    ;; element 0, of 0.
    (call $show (i32.const 22)
      (i32.add (i32.mul (local.get $sum) (i32.const 100))
               (call_ref $ft (i32.const 0) (local.get $loopr))))
    ;; ref.as_non_null of a non-null reference is that reference.
    (call $show (i32.const 23)
      (call_ref $ft (i32.const 6) (ref.as_non_null (global.get $g_mut))))
    (call $show (i32.const 24) (ref.is_null (local.get $r)))
    ;; call_indirect's run-time check: $fact's $rec1 is $rec2, $call_it's
    ;; $ft_ref is $ft2_ref. 5! = 120; inc(7) = 8.
    (call $show (i32.const 25)
      (call_indirect $tf (type $rec2) (i32.const 5) (ref.func $fact) (i32.const 0)))
    (call $show (i32.const 26)
      (call_indirect $tf (type $ft2_ref) (local.get $r) (i32.const 1))))

  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c7 (block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 (local.get $argc)))
      (call $functional)
      (return))
      (call $expect (call $a (i64.const 10000000) (f64.const 0)) (i32.const 3))
      unreachable)
      (global.set $g_a (ref.func $ag))
      (global.set $g_b (ref.func $b))
      (call $expect (call $ag (i64.const 10000000) (f64.const 0)) (i32.const 4))
      unreachable)
      (call $c (i32.const 10000000))
      unreachable)
      ;; call_ref of null.
      (drop (call_ref $ft (i32.const 1) (global.get $g_mut)))
      unreachable)
      ;; ref.as_non_null of null.
      (drop (ref.as_non_null (table.get $tn (i32.const 0))))
      unreachable)
      ;; return_call_ref of null: $ag with $g_b still null.
      (global.set $g_a (ref.func $ag))
      (drop (call $ag (i64.const 5) (f64.const 0)))
      unreachable)
    ;; call_indirect of $fact ($rec1) as $ft: not equivalent.
    (drop (call_indirect $tf (type $ft) (i32.const 1) (i32.const 0)))
    unreachable)
)
