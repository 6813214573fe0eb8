;; An executable's imports must be WASI preview1 functions with their WASI
;; signatures: anything else is refused at compile time (with the import's
;; offset, exit 1, no output), unless --allow-unknown-imports=trap, which
;; makes a call to it trap.

;; RUN: rm -rf %t && mkdir -p %t
;; RUN: %w2n compile --emit=wasm %s -o %t/imports.wasm
;; RUN: not %w2n compile %t/imports.wasm -o %t/refused 2>&1 | FileCheck %s --check-prefix=REFUSED -DFILE=%t/imports.wasm
;; REFUSED: [[FILE]]:0x{{[0-9a-f]+}}: error: unknown import "env" "log": executables provide the functions of wasi_snapshot_preview1, wasi-threads' "wasi" "thread-spawn" and imported memories (--allow-unknown-imports=trap makes calls to other functions trap)
;; RUN: not ls %t/refused

;; A WASI name with the wrong signature is unknown too.
;; RUN: %w2n compile --emit=wasm %S/Inputs/bad-wasi-signature.wat -o %t/bad-sig.wasm
;; RUN: not %w2n compile %t/bad-sig.wasm -o %t/bad-sig 2>&1 | FileCheck %s --check-prefix=BAD-SIG
;; BAD-SIG: error: unknown import "wasi_snapshot_preview1" "fd_write"

;; RUN: not %w2n compile %t/imports.wasm -o %t/x --allow-unknown-imports=ignore 2>&1 | FileCheck %s --check-prefix=BAD-FLAG
;; BAD-FLAG: wasm2native: error: --allow-unknown-imports: ignore not in {trap}

;; RUN: %w2n compile %t/imports.wasm -o %t/trapping --allow-unknown-imports=trap
;; RUN: %w2n compile %t/imports.wasm -o %t/trapping-riscv64 --allow-unknown-imports=trap --target=riscv64-linux
;; Without arguments the program exits before calling env.log.
;; RUN: %exit-status %run-x86_64 %t/trapping 2>&1 | FileCheck %s --check-prefix=NOT-CALLED
;; NOT-CALLED: exit status 5
;; RUN: %exit-status %run-x86_64 %t/trapping a 2>&1 | FileCheck %s --check-prefix=CALLED
;; RUN: %exit-status %run-riscv64 %t/trapping-riscv64 a 2>&1 | FileCheck %s --check-prefix=CALLED
;; CALLED: wasm trap: call to unknown import log
;; CALLED-NEXT: exit status 134

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $sizes (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (if (i32.eq (i32.load (i32.const 0)) (i32.const 1))
      (then (call $exit (i32.const 5))))
    (call $log (i32.const 42))))
