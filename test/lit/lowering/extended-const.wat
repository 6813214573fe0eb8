;; Extended constant expressions and global.get of defined globals,
;; evaluated by the init function in order: globals that sum, subtract and
;; multiply constants and earlier globals (wrapping as i32 and i64
;; arithmetic does), a funcref global read from another, element and data
;; segment offsets computed from globals, one into a 64-bit memory. Each
;; wrong value exits with its own status; all right, with 3.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm -o %t-O2
;; RUN: %w2n compile %t.wasm -o %t-O0 -O0
;; RUN: %exit-status %t-O2 2>&1 | FileCheck %s
;; RUN: %exit-status %t-O0 2>&1 | FileCheck %s
;; CHECK: exit status 3

(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (memory $m64 i64 1)
  (global $base i32 (i32.const 100))
  ;; 100 + 4 * 5
  (global $a i32 (i32.add (global.get $base) (i32.mul (i32.const 4) (i32.const 5))))
  ;; 0x7fffffff + 2 wraps to -0x7fffffff
  (global $wrap i32 (i32.add (i32.const 0x7fffffff) (i32.const 2)))
  ;; 2^32 * (2^32 + 1) wraps to 2^32; less 1
  (global $b i64 (i64.sub (i64.mul (i64.const 0x100000000) (i64.const 0x100000001))
                          (i64.const 1)))
  (global $f funcref (ref.func $seven))
  (global $g funcref (global.get $f))
  (type $to_i32 (func (result i32)))
  (table 4 funcref)
  ;; At 100 - 98 = 2, 120 + 8 = 128, and 3 * 16 = 48 in the 64-bit memory.
  (elem (i32.sub (global.get $base) (i32.const 98)) func $seven)
  (data (offset (i32.add (global.get $a) (i32.const 8))) "\2a")
  (data (memory $m64) (offset (i64.mul (i64.const 3) (i64.const 0x10))) "\2b")
  (func $seven (result i32) (i32.const 7))
  (func $check (param i32 i32)
    (if (i32.eqz (local.get 0)) (then (call $exit (local.get 1)))))
  (func (export "_start")
    (call $check (i32.eq (global.get $a) (i32.const 120)) (i32.const 10))
    (call $check (i32.eq (global.get $wrap) (i32.const -0x7fffffff)) (i32.const 11))
    (call $check (i64.eq (global.get $b) (i64.const 0xffffffff)) (i32.const 12))
    (call $check (i32.eq (i32.load8_u (i32.const 128)) (i32.const 42)) (i32.const 13))
    (call $check (i32.eq (i32.load8_u $m64 (i64.const 48)) (i32.const 43)) (i32.const 14))
    (call $check (i32.eq (call_indirect (type $to_i32) (i32.const 2)) (i32.const 7)) (i32.const 15))
    (call $check (i32.eqz (ref.is_null (global.get $g))) (i32.const 16))
    (table.set (i32.const 3) (global.get $g))
    (call $check (i32.eq (call_indirect (type $to_i32) (i32.const 3)) (i32.const 7)) (i32.const 17))
    (call $exit (i32.const 3)))
)
