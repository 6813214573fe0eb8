;; Traps in an executable print "wasm trap: MESSAGE" and exit with status
;; 134; proc_exit(n) exits with n. The program's argument count picks the
;; behaviour. Each target, both bounds-check modes; guard-page faults and
;; stack overflow arrive as signals, under qemu too.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/traps.wasm
;; RUN: %w2n compile %t/traps.wasm -o %t/x86_64-guard
;; RUN: %w2n compile %t/traps.wasm -o %t/x86_64-explicit --bounds-checks=explicit
;; RUN: %w2n compile %t/traps.wasm -o %t/aarch64-guard --target=aarch64-linux
;; RUN: %w2n compile %t/traps.wasm -o %t/riscv64-guard --target=riscv64-linux
;; RUN: %w2n compile %t/traps.wasm -o %t/riscv64-explicit --target=riscv64-linux --bounds-checks=explicit

;; RUN: %exit-status %run-x86_64 %t/x86_64-guard 2>&1 | FileCheck %s --check-prefix=EXIT
;; RUN: %exit-status %run-aarch64 %t/aarch64-guard 2>&1 | FileCheck %s --check-prefix=EXIT
;; EXIT: exit status 7

;; RUN: %exit-status %run-x86_64 %t/x86_64-guard a 2>&1 | FileCheck %s --check-prefix=OOB
;; RUN: %exit-status %run-x86_64 %t/x86_64-explicit a 2>&1 | FileCheck %s --check-prefix=OOB
;; RUN: %exit-status %run-aarch64 %t/aarch64-guard a 2>&1 | FileCheck %s --check-prefix=OOB
;; RUN: %exit-status %run-riscv64 %t/riscv64-guard a 2>&1 | FileCheck %s --check-prefix=OOB
;; RUN: %exit-status %run-riscv64 %t/riscv64-explicit a 2>&1 | FileCheck %s --check-prefix=OOB
;; OOB: wasm trap: out of bounds memory access
;; OOB-NEXT: exit status 134

;; RUN: %exit-status %run-x86_64 %t/x86_64-guard a b 2>&1 | FileCheck %s --check-prefix=DIV
;; RUN: %exit-status %run-riscv64 %t/riscv64-guard a b 2>&1 | FileCheck %s --check-prefix=DIV
;; DIV: wasm trap: integer divide by zero
;; DIV-NEXT: exit status 134

;; RUN: %exit-status %run-x86_64 %t/x86_64-guard a b c 2>&1 | FileCheck %s --check-prefix=STACK
;; RUN: %exit-status %run-aarch64 %t/aarch64-guard a b c 2>&1 | FileCheck %s --check-prefix=STACK
;; RUN: %exit-status %run-riscv64 %t/riscv64-guard a b c 2>&1 | FileCheck %s --check-prefix=STACK
;; STACK: wasm trap: call stack exhausted
;; STACK-NEXT: exit status 134

;; The message names the function: by its index without a name section,
;; by its name with one (the stack overflows in $recurse).
;; RUN: %exit-status %run-x86_64 %t/x86_64-guard a 2>&1 | FileCheck %s --check-prefix=INDEX
;; RUN: %exit-status %run-riscv64 %t/riscv64-guard a b 2>&1 | FileCheck %s --check-prefix=INDEX
;; INDEX: wasm trap: {{.*}}, in function 3{{$}}
;; RUN: %w2n compile --emit=wasm %s -o %t/named.wasm
;; RUN: %w2n compile %t/named.wasm -o %t/named-x86_64
;; RUN: %w2n compile %t/named.wasm -o %t/named-aarch64 --target=aarch64-linux
;; RUN: %exit-status %run-x86_64 %t/named-x86_64 a b c 2>&1 | FileCheck %s --check-prefix=NAMED
;; RUN: %exit-status %run-aarch64 %t/named-aarch64 a b c 2>&1 | FileCheck %s --check-prefix=NAMED
;; NAMED: wasm trap: call stack exhausted, in function recurse{{$}}

;; Cut into pieces, one function each, the functions are named all the same
;; (the runtime takes the init function, in the descriptor's piece, as the
;; end of the last function).
;; RUN: %w2n compile %t/named.wasm -o %t/named-pieces --llvm-option=-w2n-pieces=2
;; RUN: %exit-status %run-x86_64 %t/named-pieces a b c 2>&1 | FileCheck %s --check-prefix=NAMED
;; RUN: %exit-status %run-x86_64 %t/named-pieces a b c d 2>&1 | FileCheck %s --check-prefix=PIECE
;; PIECE: wasm trap: unreachable, in function 3{{$}}

;; RUN: %exit-status %run-x86_64 %t/x86_64-guard a b c d 2>&1 | FileCheck %s --check-prefix=UNREACHABLE
;; UNREACHABLE: wasm trap: unreachable
;; UNREACHABLE-NEXT: exit status 134

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func $recurse (param i32) (result i32)
    (i32.add (call $recurse (local.get 0)) (i32.const 1)))
  (func (export "_start")
    (local $argc i32)
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (block $unreachable
      (block $stack
        (block $div
          (block $oob
            (block $exit
              (br_table $exit $exit $oob $div $stack $unreachable
                        (local.get $argc)))
            (call $exit (i32.const 7)))
          ;; 70000 + argc is past the one page
          (drop (i32.load (i32.add (i32.const 70000) (local.get $argc)))))
        (drop (i32.div_s (i32.const 1) (i32.sub (local.get $argc) (i32.const 3)))))
      (drop (call $recurse (i32.const 0))))
    (unreachable)))
