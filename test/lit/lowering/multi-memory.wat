;; Several memories (multi-memory): every memory but a 32-bit memory 0 is
;; reached through the instance's array of memories (its base and size
;; through its memory object), which the Wasm passes do not take for memory
;; 0's; a 32-bit memory 1 is checked as memory 0 is (guard pages, or
;; explicit checks against its own size); the bulk operators name their
;; memory objects. Then, run on each target: two memories keep separate
;; contents, memory.copy moves bytes between them, memory.size and
;; memory.grow of memory 1 leave memory 0 alone, and an access past the end
;; of memory 1 traps though memory 0 is larger (and the other way round:
;; one past memory 0's end but within memory 1 works), in straight-line
;; code, with constant addresses, in bulk operators and in loops the
;; optimiser versions. The argument count picks the case.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/m.wasm
;; RUN: %w2n compile %t/m.wasm --emit=llvm -o - | FileCheck %s --check-prefixes=IR,GUARD
;; RUN: %w2n compile %t/m.wasm --emit=llvm -o - --bounds-checks=explicit | FileCheck %s --check-prefixes=IR,EXPLICIT

;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/m.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/m.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/m.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %python %S/../exe/Inputs/each-case.py 9 %t/x86_64-guard > %t/x86_64-guard.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 9 %t/x86_64-explicit > %t/x86_64-explicit.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 9 %run-aarch64 %t/aarch64-guard > %t/aarch64-guard.txt
;; RUN: %python %S/../exe/Inputs/each-case.py 9 %run-riscv64 %t/riscv64-guard > %t/riscv64-guard.txt
;; RUN: FileCheck %s --check-prefix=CASES < %t/x86_64-guard.txt
;; RUN: FileCheck %s --check-prefix=CASES < %t/x86_64-explicit.txt
;; RUN: FileCheck %s --check-prefix=CASES < %t/aarch64-guard.txt
;; RUN: FileCheck %s --check-prefix=CASES < %t/riscv64-guard.txt
;;
;; CASES: case 0: exit status 3
;; CASES-NEXT: case 1: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 2: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 3: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 4: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 5: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 6: wasm trap: out of bounds memory access{{.*}} exit status 134
;; CASES-NEXT: case 7: exit status 3
;; CASES-NEXT: case 8: wasm trap: out of bounds memory access{{.*}} exit status 134

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  ;; Memory 0 (WASI's) has 2 pages, memory 1 one page and up to 3.
  (memory $m0 (export "memory") 2)
  (memory $m1 1 3)
  (data (memory $m1) (i32.const 16) "\2a\00\00\00")
  (data $bytes "abcd")

  ;; Memory 1's object comes from the instance's array, its base (and size)
  ;; from the object.
  ;; IR-LABEL: define internal i32 @f2.load_m1(
  ;; IR: [[OBJ:%.*]] = load ptr, ptr %{{.*}}, align 8, !invariant.load
  ;; GUARD-NEXT: load ptr, ptr [[OBJ]], align 8, !invariant.load
  ;; GUARD: [[V:%.*]] = load i32, ptr %{{.*}}, align 1
  ;; GUARD-NEXT: call void asm sideeffect "", "r"(i32 [[V]])
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: [[SIZE:%.*]] = getelementptr inbounds i8, ptr [[OBJ]], i64 8
  ;; EXPLICIT-NEXT: load i64, ptr [[SIZE]], {{.*}}!range
  ;; EXPLICIT: icmp
  ;; EXPLICIT: load ptr, ptr [[OBJ]], align 8, !invariant.load
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  ;; IR: {{^}}}
  (func $load_m1 (param i32) (result i32)
    (i32.load $m1 offset=4 (local.get 0)))

  ;; Memory 0 comes through the instance's head (loaded without an offset),
  ;; as in a module of one memory.
  ;; IR-LABEL: define internal i32 @f3.load_m0(
  ;; IR: load ptr, ptr %instance, align 8, !invariant.load
  ;; GUARD-NOT: @w2n_trap(i32 2)
  ;; EXPLICIT: call void @w2n_trap(i32 2)
  ;; IR: {{^}}}
  (func $load_m0 (param i32) (result i32)
    (i32.load $m0 offset=4 (local.get 0)))

  ;; memory.copy takes both memory objects; memory.grow of memory 1 returns
  ;; the runtime's i64, as an i32.
  ;; IR-LABEL: define internal void @f4.copy_grow(
  ;; IR: call void @w2n_memory_copy(ptr [[DST:%[0-9]+]], ptr [[SRC:%[0-9]+]], i64
  ;; IR: call i64 @w2n_memory_grow(ptr [[SRC]], i64 1)
  ;; IR: {{^}}}
  (func $copy_grow (param i32)
    (memory.copy $m0 $m1 (local.get 0) (i32.const 0) (i32.const 4))
    (drop (memory.grow $m1 (i32.const 1))))

  (func $addr (param i32) (result i32) (local.get 0)) ;; hides constants
  (func $check (param i32 i32)
    (if (i32.eqz (local.get 0)) (then (call $exit (local.get 1)))))
  ;; The sum of the i32s of memory 1 in [0, n * 4).
  (func $sum_m1 (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i32.add (local.get $s)
        (i32.load $m1 (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $s))
  ;; Stores i at i * 4 for i in [0, n), in both memories.
  (func $fill_both (param $n i32)
    (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store $m0 (i32.shl (local.get $i) (i32.const 2)) (local.get $i))
      (i32.store $m1 (i32.shl (local.get $i) (i32.const 2)) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))))
  ;; Stores i at i * 4 for i in [0, n), in memory 1.
  (func $fill_m1 (param $n i32)
    (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store $m1 (i32.shl (local.get $i) (i32.const 2)) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))))

  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $c8 (block $c7 (block $c6 (block $c5 (block $c4 (block $c3
    (block $c2 (block $c1 (block $c0
      (br_table $c0 $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 (local.get $argc)))
      ;; 0: the data segment went to memory 1 only; the same address holds
      ;; what each memory was given; memory.copy both ways, memory.fill
      ;; and memory.init on memory 1; memory.size and memory.grow of
      ;; memory 1, up to its maximum, and a store into its new page.
      (call $check (i32.eq (i32.load $m1 (call $addr (i32.const 16))) (i32.const 42)) (i32.const 10))
      (call $check (i32.eqz (i32.load $m0 (call $addr (i32.const 16)))) (i32.const 11))
      (i32.store $m0 (call $addr (i32.const 100)) (i32.const 7))
      (i32.store $m1 (call $addr (i32.const 100)) (i32.const 9))
      (call $check (i32.eq (i32.load $m0 (call $addr (i32.const 100))) (i32.const 7)) (i32.const 12))
      (call $check (i32.eq (i32.load $m1 (call $addr (i32.const 100))) (i32.const 9)) (i32.const 13))
      (memory.copy $m0 $m1 (i32.const 200) (i32.const 16) (i32.const 4))
      (call $check (i32.eq (i32.load $m0 (i32.const 200)) (i32.const 42)) (i32.const 14))
      (memory.copy $m1 $m0 (i32.const 300) (i32.const 100) (i32.const 4))
      (call $check (i32.eq (i32.load $m1 (i32.const 300)) (i32.const 7)) (i32.const 15))
      (memory.fill $m1 (i32.const 400) (i32.const 0x55) (i32.const 4))
      (call $check (i32.eq (i32.load $m1 (i32.const 400)) (i32.const 0x55555555)) (i32.const 16))
      (call $check (i32.eqz (i32.load $m0 (i32.const 400))) (i32.const 17))
      (memory.init $m1 $bytes (i32.const 500) (i32.const 0) (i32.const 4))
      (call $check (i32.eq (i32.load $m1 (i32.const 500)) (i32.const 0x64636261)) (i32.const 18))
      (call $check (i32.eq (memory.size $m1) (i32.const 1)) (i32.const 19))
      (call $check (i32.eq (memory.grow $m1 (i32.const 2)) (i32.const 1)) (i32.const 20))
      (call $check (i32.eq (memory.size $m1) (i32.const 3)) (i32.const 21))
      (call $check (i32.eq (memory.size $m0) (i32.const 2)) (i32.const 22))
      (call $check (i32.eq (memory.grow $m1 (i32.const 1)) (i32.const -1)) (i32.const 23))
      (i32.store $m1 (call $addr (i32.const 196604)) (i32.const 5))
      (call $check (i32.eq (i32.load $m1 (i32.const 196604)) (i32.const 5)) (i32.const 24))
      (call $exit (i32.const 3)))
      ;; 1: memory 1 ends at 64 KiB, memory 0 does not.
      (drop (i32.load $m1 (call $addr (i32.const 65536))))
      (call $exit (i32.const 0)))
      ;; 2: the same with a constant address, settled at compile time.
      (drop (i32.load $m1 (i32.const 65534)))
      (call $exit (i32.const 0)))
      ;; 3: memory.copy into memory 1 past its end.
      (memory.copy $m1 $m0 (call $addr (i32.const 65535)) (i32.const 0) (i32.const 2))
      (call $exit (i32.const 0)))
      ;; 4: memory.fill of memory 1 past its end.
      (memory.fill $m1 (call $addr (i32.const 65535)) (i32.const 0) (i32.const 2))
      (call $exit (i32.const 0)))
      ;; 5: a loop over memory 1 that crosses its end.
      (drop (call $sum_m1 (i32.const 16385)))
      (call $exit (i32.const 0)))
      ;; 6: a loop storing to both memories that crosses memory 1's end.
      (call $fill_both (i32.const 16385))
      (call $exit (i32.const 0)))
      ;; 7: a loop over memory 1, grown to 3 pages, past memory 0's end.
      (drop (memory.grow $m1 (i32.const 2)))
      (call $fill_m1 (i32.const 49152))
      (call $check (i32.eq (call $sum_m1 (i32.const 49152)) (i32.const 1207934976)) (i32.const 30))
      (call $exit (i32.const 3)))
    ;; 8: memory.init into memory 1 past its end.
    (memory.init $m1 $bytes (call $addr (i32.const 65534)) (i32.const 0) (i32.const 4))
    (call $exit (i32.const 0)))
)
