;; Declared subtypes of function types and recursion groups in executables.
;; The argument count picks the case; each-case.py runs them all and prints
;; what each wrote to stderr and its exit status. On x86_64 natively,
;; aarch64 and riscv64 under qemu, each at -O2 and -O0, with guard pages and
;; explicit bounds checks.
;;
;; The types: $super (sub, no supertype) <- $sub <- $subsub, a 3-deep
;; chain, and $subfin (sub final $sub), a sibling of $subsub; $other, the
;; same definition as $super, so equivalent to it (one canonical id); $plain,
;; the same signature but final (a plain func type), so equivalent to none of
;; them. $v0 <- $v1 <- $v2: a chain with real variance (each subtype takes a
;; wider parameter and returns a narrower result). Two recursion groups of
;; two mutually referring types ($even, $odd), declared separately, so
;; equivalent member by member.
;;   0: one value per construct, "NAME=VALUE", through fd_write:
;;      call_indirect through a table of (ref null $super) holding functions
;;      of $super (+1000), $sub (+200), $subsub (+30), $subfin (+4) and
;;      $other (+50000), with the expected types $super (s0..s4: each is a
;;      subtype, $other an equivalent type), $sub (b1..b3), $subsub (bb2),
;;      $subfin (fin3, a final expected type: one compare) and $other (o1,
;;      o2: a subtype of $super is one of $other); a funcref table's $plain
;;      function as $plain (a final type, its own id); return_call_indirect
;;      as $super of a $subsub function and as $sub of a $subfin one;
;;      call_ref $super of a (ref $super) local holding a $sub function, of
;;      a (ref $super) parameter given a (ref $subsub), and of an immutable
;;      (ref $super) global holding a $subfin function; call_indirect of a
;;      $v2 function as $v0, $v1 and $v2 (the funcref and the (ref func) it
;;      returns called through call_indirect as $subsub and $sub, the
;;      (ref $super) through call_ref), and call_ref $v0 of a (ref $v2);
;;      even/odd through call_ref of each other, and through call_indirect
;;      as the other group's $even2 and $odd2. Exit status 0.
;;   1: call_indirect as $sub of a $super function (a supertype, not a
;;      subtype): "indirect call type mismatch", 134.
;;   2: as $subsub of a $sub function: the same.
;;   3: as $subsub of a $subfin function (a sibling): the same.
;;   4: as $subfin (final) of a $subsub function: the same.
;;   5: as $super of the $plain function (same signature, final, no
;;      supertype): the same.
;;   6: as $plain of the $super function: the same.
;;   7: as $even of the $odd function (another member of the same group):
;;      the same.
;;   8: as $v1 of a $v0 function: the same.
;;   9: return_call_indirect as $sub of the $super function: the same, in
;;      the function that makes the tail call.
;;  10: as $sub of the $other function (equivalent to $super): the same.
;;  11: as $super of a null element: "uninitialized element", 134.

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
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-x86_64 %t/x86_64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-x86_64 %t/x86_64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-x86_64 %t/x86_64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-x86_64 %t/x86_64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-aarch64 %t/aarch64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-aarch64 %t/aarch64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-aarch64 %t/aarch64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-aarch64 %t/aarch64-explicit-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-riscv64 %t/riscv64-guard | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-riscv64 %t/riscv64-explicit | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-riscv64 %t/riscv64-guard-O0 | FileCheck %s
;; RUN: %python %S/../exe/Inputs/each-case.py 12 %run-riscv64 %t/riscv64-explicit-O0 | FileCheck %s
;;
;; CHECK:      {{^}}case 0: s0=1001 s1=201 s2=31 s3=5 s4=50001 b1=201 b2=31 b3=5 bb2=31 fin3=5
;; CHECK-SAME: {{ }}o1=201 o2=31 plain=-9 tail=31 tailsub=7 cref=202 cparam=33 cglob=8
;; CHECK-SAME: {{ }}v0=35 v1=206 v2=1007 vref=38 even10=1 even7=0 odd7=1 rece=1 reco=0 exit status 0{{$}}
;; CHECK-NEXT: {{^}}case 1: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 2: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 3: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 4: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 5: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 6: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 7: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 8: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 9: wasm trap: indirect call type mismatch, in function tail_sub exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 10: wasm trap: indirect call type mismatch, in function start exit status 134{{$}}
;; CHECK-NEXT: {{^}}case 11: wasm trap: uninitialized element, in function start exit status 134{{$}}
;; CHECK-NOT:  {{.}}

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; A 3-deep chain, and a final sibling of its last member.
  (type $super (sub (func (param i32) (result i32))))
  (type $sub (sub $super (func (param i32) (result i32))))
  (type $subsub (sub $sub (func (param i32) (result i32))))
  (type $subfin (sub final $sub (func (param i32) (result i32))))
  ;; Equivalent to $super (the same definition), and a final type of the
  ;; same signature (equivalent to neither).
  (type $other (sub (func (param i32) (result i32))))
  (type $plain (func (param i32) (result i32)))
  ;; Parameters contravariant, results covariant.
  (type $v0 (sub (func (param (ref $subsub)) (result funcref))))
  (type $v1 (sub $v0 (func (param (ref $sub)) (result (ref func)))))
  (type $v2 (sub $v1 (func (param (ref null $super)) (result (ref $super)))))
  ;; Two types referring to each other, and the same group again.
  (rec
    (type $even (func (param i32 (ref null $odd)) (result i32)))
    (type $odd (func (param i32 (ref null $even)) (result i32))))
  (rec
    (type $even2 (func (param i32 (ref null $odd2)) (result i32)))
    (type $odd2 (func (param i32 (ref null $even2)) (result i32))))

  ;; Elements 0..4: $fsuper, $fsub, $fsubsub, $fsubfin, $fother; 5 null.
  (table $ts 6 (ref null $super))
  (elem (table $ts) (i32.const 0) (ref $super)
    (ref.func $fsuper) (ref.func $fsub) (ref.func $fsubsub) (ref.func $fsubfin)
    (ref.func $fother))
  ;; Elements 0..5: $fplain, $fsuper, $fv0, $fv2, $feven, $fodd; 6 and 7
  ;; for what the $v functions return.
  (table $tf 8 funcref)
  (elem (table $tf) (i32.const 0) func $fplain $fsuper $fv0 $fv2 $feven $fodd)
  (global $g (ref $super) (ref.func $fsubfin))
  (elem declare func $fsub $fsubsub)

  (func $fsuper (type $super) (i32.add (local.get 0) (i32.const 1000)))
  (func $fsub (type $sub) (i32.add (local.get 0) (i32.const 200)))
  (func $fsubsub (type $subsub) (i32.add (local.get 0) (i32.const 30)))
  (func $fsubfin (type $subfin) (i32.add (local.get 0) (i32.const 4)))
  (func $fother (type $other) (i32.add (local.get 0) (i32.const 50000)))
  (func $fplain (type $plain) (i32.sub (i32.const 0) (local.get 0)))
  (func $fv0 (type $v0) (local.get 0))
  ;; Its argument if not null, else $fsuper.
  (func $fv2 (type $v2)
    (block $null
      (return (br_on_null $null (local.get 0))))
    (ref.func $fsuper))
  ;; 1 if n is even, through the $odd function it is given, and back.
  (func $feven (type $even)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 1))
      (else (call_ref $odd (i32.sub (local.get 0) (i32.const 1)) (ref.func $feven)
                           (ref.as_non_null (local.get 1))))))
  (func $fodd (type $odd)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (call_ref $even (i32.sub (local.get 0) (i32.const 1)) (ref.func $fodd)
                            (ref.as_non_null (local.get 1))))))

  ;; Element i of $ts, through return_call_indirect, as $super and $sub.
  (func $tail_super (param i32) (param i32) (result i32)
    (return_call_indirect $ts (type $super) (local.get 0) (local.get 1)))
  (func $tail_sub (param i32) (param i32) (result i32)
    (return_call_indirect $ts (type $sub) (local.get 0) (local.get 1)))
  (func $takes_super (param $r (ref $super)) (param i32) (result i32)
    (call_ref $super (local.get 1) (local.get $r)))

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

  (data (i32.const 1024) "s0\00\00\00\00\00\00" "s1\00\00\00\00\00\00" "s2\00\00\00\00\00\00" "s3\00\00\00\00\00\00"
                         "s4\00\00\00\00\00\00" "b1\00\00\00\00\00\00" "b2\00\00\00\00\00\00" "b3\00\00\00\00\00\00"
                         "bb2\00\00\00\00\00" "fin3\00\00\00\00" "o1\00\00\00\00\00\00" "o2\00\00\00\00\00\00"
                         "plain\00\00\00" "tail\00\00\00\00" "tailsub\00" "cref\00\00\00\00"
                         "cparam\00\00" "cglob\00\00\00" "v0\00\00\00\00\00\00" "v1\00\00\00\00\00\00"
                         "v2\00\00\00\00\00\00" "vref\00\00\00\00" "even10\00\00" "even7\00\00\00"
                         "odd7\00\00\00\00" "rece\00\00\00\00" "reco\00\00\00\00")

  (func $functional
    (local $r (ref $super))
    ;; As $super: every element is of a subtype or an equivalent type.
    (call $show (i32.const 0) (call_indirect $ts (type $super) (i32.const 1) (i32.const 0)))
    (call $show (i32.const 1) (call_indirect $ts (type $super) (i32.const 1) (i32.const 1)))
    (call $show (i32.const 2) (call_indirect $ts (type $super) (i32.const 1) (i32.const 2)))
    (call $show (i32.const 3) (call_indirect $ts (type $super) (i32.const 1) (i32.const 3)))
    (call $show (i32.const 4) (call_indirect $ts (type $super) (i32.const 1) (i32.const 4)))
    ;; As $sub: $sub itself, $subsub and $subfin.
    (call $show (i32.const 5) (call_indirect $ts (type $sub) (i32.const 1) (i32.const 1)))
    (call $show (i32.const 6) (call_indirect $ts (type $sub) (i32.const 1) (i32.const 2)))
    (call $show (i32.const 7) (call_indirect $ts (type $sub) (i32.const 1) (i32.const 3)))
    ;; As $subsub, and as the final $subfin: each its own.
    (call $show (i32.const 8) (call_indirect $ts (type $subsub) (i32.const 1) (i32.const 2)))
    (call $show (i32.const 9) (call_indirect $ts (type $subfin) (i32.const 1) (i32.const 3)))
    ;; As $other, which is $super.
    (call $show (i32.const 10) (call_indirect $ts (type $other) (i32.const 1) (i32.const 1)))
    (call $show (i32.const 11) (call_indirect $ts (type $other) (i32.const 1) (i32.const 2)))
    (call $show (i32.const 12) (call_indirect $tf (type $plain) (i32.const 9) (i32.const 0)))
    ;; Tail calls: $subsub as $super, $subfin as $sub.
    (call $show (i32.const 13) (call $tail_super (i32.const 1) (i32.const 2)))
    (call $show (i32.const 14) (call $tail_sub (i32.const 3) (i32.const 3)))
    ;; call_ref $super of references to subtypes.
    (local.set $r (ref.func $fsub))
    (call $show (i32.const 15) (call_ref $super (i32.const 2) (local.get $r)))
    (call $show (i32.const 16) (call $takes_super (ref.func $fsubsub) (i32.const 3)))
    (call $show (i32.const 17) (call_ref $super (i32.const 4) (global.get $g)))
    ;; $fv2 as $v0: given a (ref $subsub), returns it as a funcref; called
    ;; as $subsub.
    (table.set $tf (i32.const 6)
      (call_indirect $tf (type $v0) (ref.func $fsubsub) (i32.const 3)))
    (call $show (i32.const 18) (call_indirect $tf (type $subsub) (i32.const 5) (i32.const 6)))
    ;; As $v1: a (ref $sub) in, a (ref func) out, called as $sub.
    (table.set $tf (i32.const 7)
      (call_indirect $tf (type $v1) (ref.func $fsub) (i32.const 3)))
    (call $show (i32.const 19) (call_indirect $tf (type $sub) (i32.const 6) (i32.const 7)))
    ;; As $v2: null in, $fsuper out as a (ref $super).
    (call $show (i32.const 20)
      (call_ref $super (i32.const 7)
        (call_indirect $tf (type $v2) (ref.null $super) (i32.const 3))))
    ;; call_ref $v0 of a (ref $v2).
    (table.set $tf (i32.const 6)
      (call_ref $v0 (ref.func $fsubsub) (ref.func $fv2)))
    (call $show (i32.const 21) (call_indirect $tf (type $super) (i32.const 8) (i32.const 6)))
    ;; The recursion group.
    (call $show (i32.const 22) (call_ref $even (i32.const 10) (ref.func $fodd) (ref.func $feven)))
    (call $show (i32.const 23) (call_ref $even (i32.const 7) (ref.func $fodd) (ref.func $feven)))
    (call $show (i32.const 24) (call_ref $odd (i32.const 7) (ref.func $feven) (ref.func $fodd)))
    ;; Through the other group's types, given references of this one's.
    (call $show (i32.const 25)
      (call_indirect $tf (type $even2) (i32.const 6) (ref.func $fodd) (i32.const 4)))
    (call $show (i32.const 26)
      (call_indirect $tf (type $odd2) (i32.const 6) (ref.func $feven) (i32.const 5))))

  (func $start (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c11 (block $c10 (block $c9 (block $c8 (block $c7 (block $c6
    (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 $c9 $c10 $c11 (local.get $argc)))
      (call $functional)
      (return))
      ;; $super as $sub.
      (drop (call_indirect $ts (type $sub) (i32.const 1) (i32.const 0)))
      unreachable)
      ;; $sub as $subsub.
      (drop (call_indirect $ts (type $subsub) (i32.const 1) (i32.const 1)))
      unreachable)
      ;; $subfin as $subsub.
      (drop (call_indirect $ts (type $subsub) (i32.const 1) (i32.const 3)))
      unreachable)
      ;; $subsub as $subfin.
      (drop (call_indirect $ts (type $subfin) (i32.const 1) (i32.const 2)))
      unreachable)
      ;; $plain as $super.
      (drop (call_indirect $tf (type $super) (i32.const 1) (i32.const 0)))
      unreachable)
      ;; $super as $plain.
      (drop (call_indirect $tf (type $plain) (i32.const 1) (i32.const 1)))
      unreachable)
      ;; $odd as $even.
      (drop (call_indirect $tf (type $even) (i32.const 1) (ref.null $odd) (i32.const 5)))
      unreachable)
      ;; $v0 as $v1.
      (drop (call_indirect $tf (type $v1) (ref.func $fsub) (i32.const 2)))
      unreachable)
      ;; A tail call of $super as $sub.
      (drop (call $tail_sub (i32.const 1) (i32.const 0)))
      unreachable)
      ;; $other as $sub.
      (drop (call_indirect $ts (type $sub) (i32.const 1) (i32.const 4)))
      unreachable)
    ;; A null element.
    (drop (call_indirect $ts (type $super) (i32.const 1) (i32.const 5)))
    unreachable)
)
