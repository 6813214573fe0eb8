/* A minimal WASI preview1 host for modules translated by wasm2c, for the
 * peer comparison in bench/run. Not part of wasm2native.
 *
 * It targets the symbol scheme of wabt 1.0.32 (Debian 12): an import
 * `wasi_snapshot_preview1.NAME` is the C function
 * `Z_wasi_snapshot_preview1Z_NAME(struct Z_wasi_snapshot_preview1_instance_t*,
 * ...)`. Other wabt versions mangle differently; only WASI_SHIM_FN and the
 * names in main.c would need to change. */
#ifndef BENCH_WASM2C_WASI_SHIM_H
#define BENCH_WASM2C_WASI_SHIM_H

#include <stdint.h>

#include "wasm-rt.h"

/* The integer names wasm2c's headers use (same guard as theirs). */
#ifndef WASM_RT_CORE_TYPES_DEFINED
#define WASM_RT_CORE_TYPES_DEFINED
typedef uint8_t u8;
typedef int8_t s8;
typedef uint16_t u16;
typedef int16_t s16;
typedef uint32_t u32;
typedef int32_t s32;
typedef uint64_t u64;
typedef int64_t s64;
typedef float f32;
typedef double f64;
#endif

#define WASI_SHIM_FN(name) Z_wasi_snapshot_preview1Z_##name

/* The "instance" of the wasi_snapshot_preview1 module that the translated
 * module is instantiated with: what the host functions need to see. */
struct Z_wasi_snapshot_preview1_instance_t {
  wasm_rt_memory_t *memory; /* the module's exported "memory" */
  int argc;
  char **argv;
};

#endif
