;; WASI functions read and write the memory the module exports as "memory"
;; (WASI preview 1; as Wasmtime's `caller.get_export("memory")`), which
;; with several memories need not be memory 0: here memory 1 is exported,
;; memory 0 is not. args_sizes_get must write the argument count into
;; memory 1 and leave memory 0 alone.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm -o %t
;; RUN: %exit-status %t a b 2>&1 | FileCheck %s
;; CHECK: exit status 3

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (memory $m0 1)
  (memory $m1 (export "memory") 1)
  (func (export "_start")
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (if (i32.load $m0 (i32.const 0)) (then (call $exit (i32.const 20))))
    (call $exit (i32.load $m1 (i32.const 0))))
)
