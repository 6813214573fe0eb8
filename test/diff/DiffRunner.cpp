//===- DiffRunner.cpp - Runs a wasm-opt -ttf module through the embedding -===//
//
// Usage: w2n-diff-runner [--bounds-checks=guard|explicit] [-O N]
//                        [--dump-memory] MODULE.wasm
//
// The wasm2native side of the differential test (run-diff compares it with
// shell.mjs, which does the same in node). The module is lowered, optimised
// and JIT-loaded as the spec runner does it (test/spec/SpecJit.cpp), then
// instantiated with the imports of binaryen's fuzzer, module
// "fuzzing-support": log-i32, log-i64, log-f32, log-f64 print their
// argument, and log-v128 fails as a host error (JavaScript cannot receive a
// v128: the call throws a TypeError in node). Then every exported function
// is called once, in export order, with zero arguments (null references).
// Before each call, the module's hangLimitInitializer export, if it has one,
// is called without printing anything, as binaryen's own harnesses do:
// -ttf modules count down a global "hang limit" in every function and loop
// and return early once it reaches zero, so that without a reset most
// exports would do nothing.
//
// Output, one event a line, identical in format to shell.mjs's:
//   call NAME                   before each exported function is called
//   log TYPE VALUE              a call of a logging import
//   result TYPE VALUE...        what the call returned, if anything
//   trap KIND                   the call trapped (the canonical kinds below)
//   skip v128                   a signature with v128, not callable from JS
//   instantiate: trap KIND      the instantiation trapped; nothing is called
//   instantiate: link error     an import is missing or mistyped
//   compile error               the module was rejected
//   memory NAME PAGES HASH      at the end, each exported memory: its size
//                               and the FNV-1a hash of its bytes
//   bytes NAME HEX              with --dump-memory, after that: its bytes
// Values: integers in signed decimal; floats as their bits in hex
// (0x3f800000), except that any NaN prints as `nan`, since which NaN an
// operation produces is not deterministic; references as `null` or
// `nonnull`.
//
// The canonical trap kinds are what both the runtime's trap kinds and V8's
// RuntimeError messages can be mapped to. V8 does not tell a null entry
// from a signature mismatch, nor an index past the end of the table in a
// call_indirect ("undefined element") from other table accesses; it tells
// a float-to-int conversion that overflows from the signed division that
// does, but not from a NaN conversion, while the spec's kinds group them
// the other way ("integer overflow" for both overflows, "invalid conversion
// to integer" for NaN), so the three are one kind here.
//
// Exit status: 0 if the module ran (whatever it trapped), 1 if it could not
// be compiled or instantiated, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "test/spec/SpecJit.h"

#include "frontend/Frontend.h"

#include "w2n/embed.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>
#include <vector>

using namespace w2n;
using llvm::StringRef;

namespace {

llvm::raw_ostream &out() { return llvm::outs(); }

const char *canonicalTrap(w2n_trap_kind Kind) {
  switch (Kind) {
  case W2N_TRAP_UNREACHABLE:
    return "unreachable";
  case W2N_TRAP_MEMORY_OUT_OF_BOUNDS:
    return "out of bounds memory access";
  case W2N_TRAP_TABLE_OUT_OF_BOUNDS:
  case W2N_TRAP_UNDEFINED_ELEMENT:
    return "out of bounds table access";
  case W2N_TRAP_UNINITIALIZED_ELEMENT:
  case W2N_TRAP_INDIRECT_CALL_TYPE_MISMATCH:
    return "indirect call to null or mismatched function";
  case W2N_TRAP_INTEGER_DIVIDE_BY_ZERO:
    return "integer divide by zero";
  case W2N_TRAP_INTEGER_OVERFLOW:
  case W2N_TRAP_INVALID_CONVERSION_TO_INTEGER:
    return "integer overflow or invalid conversion";
  case W2N_TRAP_CALL_STACK_EXHAUSTED:
    return "call stack exhausted";
  case W2N_TRAP_HOST:
    return "host error";
  default:
    return "other";
  }
}

/// Prints "TYPE VALUE" in the format shared with shell.mjs.
void printValue(uint8_t Type, const w2n_value &V) {
  out() << spec::valueTypeName(Type) << ' ';
  switch (Type) {
  case W2N_I32:
    out() << int32_t(V.i32);
    break;
  case W2N_I64:
    out() << int64_t(V.i64);
    break;
  case W2N_F32:
    if (std::isnan(V.f32))
      out() << "nan";
    else
      out() << llvm::format("0x%08x", V.i32);
    break;
  case W2N_F64:
    if (std::isnan(V.f64))
      out() << "nan";
    else
      out() << llvm::format("0x%016llx", (unsigned long long)V.i64);
    break;
  case W2N_FUNCREF:
  case W2N_EXTERNREF:
    out() << (V.ref ? "nonnull" : "null");
    break;
  default:
    out() << '?';
    break;
  }
}

/// The logging imports: env points at the parameter type.
void logValue(void *Env, const w2n_value *Args, w2n_value *) {
  out() << "log ";
  printValue(*static_cast<const uint8_t *>(Env), Args[0]);
  out() << '\n';
}

void logV128(void *, const w2n_value *, w2n_value *) { w2n_trap(W2N_TRAP_HOST); }

const uint8_t LogTypes[] = {W2N_I32, W2N_I64, W2N_F32, W2N_F64, W2N_V128};
const w2n_func_type_desc LogSignatures[] = {
    {1, 0, &LogTypes[0]}, {1, 0, &LogTypes[1]}, {1, 0, &LogTypes[2]},
    {1, 0, &LogTypes[3]}, {1, 0, &LogTypes[4]}};
const StringRef LogNames[] = {"log-i32", "log-i64", "log-f32", "log-f64",
                              "log-v128"};

w2n_extern fuzzingSupport(StringRef Name) {
  for (size_t I = 0; I < std::size(LogNames); ++I)
    if (Name == LogNames[I])
      return w2n_extern_host_func(
          LogTypes[I] == W2N_V128 ? logV128 : logValue,
          const_cast<uint8_t *>(&LogTypes[I]), &LogSignatures[I]);
  w2n_extern None{};
  None.tag = W2N_EXTERN_NONE;
  return None;
}

bool hasV128(const w2n_func_type_desc &Type) {
  for (uint32_t I = 0; I < Type.num_params + Type.num_results; ++I)
    if (Type.types[I] == W2N_V128)
      return true;
  return false;
}

/// Calls every exported function of Inst in export order, each after
/// hangLimitInitializer (see the top of this file).
void callExports(w2n_instance *Inst, const w2n_module_desc *Desc) {
  static const char HangLimit[] = "hangLimitInitializer";
  w2n_extern Reset;
  bool HaveReset = w2n_instance_export(Inst, HangLimit, sizeof HangLimit - 1,
                                       &Reset) == W2N_OK &&
                   Reset.tag == W2N_EXTERN_FUNCREF;
  for (uint32_t E = 0; E < Desc->num_exports; ++E) {
    const w2n_export_desc &Exp = Desc->exports[E];
    if (Exp.kind != W2N_EXTERN_FUNC)
      continue;
    StringRef Name(Exp.name, Exp.name_len);
    w2n_error Err;
    if (HaveReset &&
        w2n_call(Inst, Reset.of.func, nullptr, 0, nullptr, 0, &Err) != W2N_OK)
      out() << "reset: " << Err.message << '\n';
    out() << "call " << Name << '\n';
    w2n_extern Func;
    const w2n_func_type_desc *Type = nullptr;
    if (w2n_instance_export(Inst, Exp.name, Exp.name_len, &Func) == W2N_OK &&
        Func.tag == W2N_EXTERN_FUNCREF)
      Type = w2n_instance_func_type(Inst, Func.of.func);
    if (!Type) {
      out() << "error: no signature for this export\n";
      continue;
    }
    if (hasV128(*Type)) {
      out() << "skip v128\n";
      continue;
    }
    std::vector<w2n_value> Args(Type->num_params), Results(Type->num_results);
    for (w2n_value &V : Args)
      std::memset(&V, 0, sizeof V);
    w2n_status Status =
        w2n_call(Inst, Func.of.func, Args.data(), Args.size(), Results.data(),
                 Results.size(), &Err);
    if (Status == W2N_ERROR_TRAP) {
      out() << "trap " << canonicalTrap(Err.trap) << '\n';
    } else if (Status != W2N_OK) {
      out() << "error: " << Err.message << '\n';
    } else if (!Results.empty()) {
      out() << "result";
      for (uint32_t R = 0; R < Type->num_results; ++R) {
        out() << ' ';
        printValue(Type->types[Type->num_params + R], Results[R]);
      }
      out() << '\n';
    }
    out().flush();
  }
}

/// Prints "memory NAME PAGES HASH" for every exported memory: its size and
/// the 32-bit FNV-1a hash of its bytes, after all the calls; with Dump, then
/// "bytes NAME HEX", all of them.
void printMemories(w2n_instance *Inst, const w2n_module_desc *Desc,
                   bool Dump) {
  for (uint32_t E = 0; E < Desc->num_exports; ++E) {
    const w2n_export_desc &Exp = Desc->exports[E];
    w2n_extern Mem;
    if (Exp.kind != W2N_EXTERN_MEMORY ||
        w2n_instance_export(Inst, Exp.name, Exp.name_len, &Mem) != W2N_OK ||
        Mem.tag != W2N_EXTERN_MEMORY_REF)
      continue;
    uint32_t Hash = 2166136261u;
    for (uint64_t I = 0; I < Mem.of.memory->size; ++I)
      Hash = (Hash ^ Mem.of.memory->base[I]) * 16777619u;
    out() << "memory " << StringRef(Exp.name, Exp.name_len) << ' '
          << Mem.of.memory->size / 65536 << ' '
          << llvm::format("0x%08x", Hash) << '\n';
    if (!Dump)
      continue;
    static const char Digits[] = "0123456789abcdef";
    std::string Hex;
    Hex.reserve(Mem.of.memory->size * 2);
    for (uint64_t I = 0; I < Mem.of.memory->size; ++I) {
      Hex += Digits[Mem.of.memory->base[I] >> 4];
      Hex += Digits[Mem.of.memory->base[I] & 15];
    }
    out() << "bytes " << StringRef(Exp.name, Exp.name_len) << ' ' << Hex
          << '\n';
  }
}

int usage(const char *Argv0) {
  llvm::errs() << "usage: " << llvm::sys::path::filename(Argv0)
               << " [--bounds-checks=guard|explicit] [-O N] [--dump-memory] "
                  "MODULE.wasm\n"
                  "Calls every export of a wasm-opt -ttf module, printing "
                  "what it logs, returns and traps.\n";
  return 2;
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  spec::JitOptions Opts;
  StringRef File;
  bool DumpMemory = false;
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--help")
      return usage(Argv[0]);
    if (Arg == "--dump-memory") {
      DumpMemory = true;
      continue;
    }
    spec::JitOptionParse Parsed = spec::parseJitOption(I, Argc, Argv, Opts);
    if (Parsed == spec::JitOptionParse::Malformed)
      return usage(Argv[0]);
    if (Parsed == spec::JitOptionParse::Taken)
      continue;
    if (Arg.starts_with("-") || !File.empty()) {
      return usage(Argv[0]);
    } else {
      File = Arg;
    }
  }
  if (File.empty())
    return usage(Argv[0]);

  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    llvm::errs() << File << ": " << Buffer.getError().message() << '\n';
    return 1;
  }
  llvm::ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>((*Buffer)->getBufferStart()),
      (*Buffer)->getBufferSize());
  auto Mod = frontend::loadModule(Bytes);
  if (!Mod) {
    out() << "compile error\n";
    llvm::errs() << File << ": " << llvm::toString(Mod.takeError()) << '\n';
    return 1;
  }
  auto Jit = spec::ModuleJit::create(Opts);
  if (!Jit) {
    llvm::errs() << "cannot create the JIT: " << llvm::toString(Jit.takeError())
                 << '\n';
    return 1;
  }
  auto Desc = (*Jit)->compile(**Mod);
  if (!Desc) {
    out() << "compile error\n";
    llvm::errs() << File << ": " << llvm::toString(Desc.takeError()) << '\n';
    return 1;
  }

  std::vector<w2n_extern> Imports((*Desc)->num_imports);
  for (uint32_t I = 0; I < Imports.size(); ++I) {
    const w2n_import_desc &Imp = (*Desc)->imports[I];
    StringRef Module(Imp.module, Imp.module_len), Name(Imp.name, Imp.name_len);
    Imports[I].tag = W2N_EXTERN_NONE;
    if (Module == "fuzzing-support")
      Imports[I] = fuzzingSupport(Name);
  }
  w2n_instance *Inst = nullptr;
  w2n_error Err;
  w2n_status Status = w2n_instantiate(*Desc, Imports.data(),
                                      uint32_t(Imports.size()), &Inst, &Err);
  int Exit = 0;
  if (Status == W2N_OK) {
    callExports(Inst, *Desc);
    printMemories(Inst, *Desc, DumpMemory);
  } else if (Status == W2N_ERROR_TRAP) {
    out() << "instantiate: trap " << canonicalTrap(Err.trap) << '\n';
  } else {
    out() << "instantiate: link error\n";
    llvm::errs() << File << ": " << Err.message << '\n';
    Exit = 1;
  }
  out().flush();
  if (Inst)
    w2n_instance_free(Inst);
  return Exit;
}
