;; A WASI reactor (no _start, an _initialize) runs its _initialize and exits
;; 0; a module with neither entry point just instantiates (its start
;; function runs) and exits 0. On each target.
;;
;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/reactor.wasm
;; RUN: %w2n compile %t/reactor.wasm -o %t/reactor-x86_64
;; RUN: %w2n compile %t/reactor.wasm -o %t/reactor-aarch64 --target=aarch64-linux
;; RUN: %w2n compile %t/reactor.wasm -o %t/reactor-riscv64 --target=riscv64-linux
;; RUN: %exit-status %run-x86_64 %t/reactor-x86_64 | FileCheck %s
;; RUN: %exit-status %run-aarch64 %t/reactor-aarch64 | FileCheck %s
;; RUN: %exit-status %run-riscv64 %t/reactor-riscv64 | FileCheck %s
;; CHECK: start function
;; CHECK-NEXT: initialised
;; CHECK-NEXT: exit status 0
;;
;; RUN: sed -e 's/(export "_initialize")//' %s > %t/library.wat
;; RUN: %w2n compile --emit=wasm %t/library.wat -o %t/library.wasm
;; RUN: %w2n compile %t/library.wasm -o %t/library
;; RUN: %exit-status %t/library | FileCheck %s --check-prefix=LIBRARY
;; LIBRARY: start function
;; LIBRARY-NEXT: exit status 0
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "start function\n")
  (data (i32.const 32) "initialised\n")
  (func $say (param $at i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $start (call $say (i32.const 16) (i32.const 15)))
  (start $start)
  (func (export "_initialize") (call $say (i32.const 32) (i32.const 12))))
