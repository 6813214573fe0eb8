// A WASI function imported with another signature than preview1's is not
// WASI's: the compiler refuses it, or with --allow-unknown-imports=trap
// makes the call trap; the runtime never binds it to the real function.
// (raw-calls.c covers the NOSYS stubs of the functions still to come.)
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang-wasm %s -o %t/bind.wasm
// RUN: not %w2n compile %t/bind.wasm -o %t/bind 2>&1 | FileCheck %s --check-prefix=REFUSED
// REFUSED: bind.wasm:0x{{[0-9a-f]+}}: error: unknown import "wasi_snapshot_preview1" "fd_close"
// RUN: %w2n compile %t/bind.wasm -o %t/bind --allow-unknown-imports=trap
// RUN: %exit-status %t/bind 2>&1 | FileCheck %s --check-prefix=TRAP
// TRAP: wasm trap: call to unknown import fd_close
// TRAP-NEXT: exit status 134

#include <stdint.h>

// fd_close is (i32) -> i32; this asks for (i64) -> i32.
__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("fd_close"))) int32_t bad_close(int64_t);

int main(void) { return bad_close(3); }
