//===- DiffRunner.cpp - Runs a wasm-opt -ttf module through the embedding -===//
//
// Usage: w2n-diff-runner [--bounds-checks=guard|explicit] [-O N]
//                        [--exe=ARCH --exe-host=DIR] [--dump-memory]
//                        MODULE.wasm
//
// The wasm2native side of the differential test (run-diff compares it with
// shell.mjs, which does the same in node). The module runs as the spec
// runner runs modules (test/spec/SpecEngine.h): lowered, optimised and
// JIT-loaded into this process, or with --exe compiled for ARCH and run
// in the test host executable (under qemu-user for a foreign target). It is
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
#include "test/spec/SpecEngine.h"

#include "frontend/Frontend.h"

#include "w2n/embed.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <csignal>
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
  case W2N_TRAP_UNALIGNED_ATOMIC:
    return "unaligned atomic";
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

void printLogs(spec::Engine &Eng) {
  for (const spec::Engine::Logged &L : Eng.takeLogs()) {
    out() << "log ";
    printValue(L.Type, L.Value);
    out() << '\n';
  }
}

bool hasV128(const frontend::FuncType &Type) {
  for (frontend::ValType T : Type.Params)
    if (T == frontend::ValType::V128)
      return true;
  for (frontend::ValType T : Type.Results)
    if (T == frontend::ValType::V128)
      return true;
  return false;
}

/// Calls every exported function of instance Inst of M in export order,
/// each after hangLimitInitializer (see the top of this file).
void callExports(spec::Engine &Eng, int Inst, const frontend::Module &M) {
  bool HaveReset = false;
  for (const frontend::Export &Exp : M.Exports)
    HaveReset |= Exp.Kind == frontend::ExternalKind::Func &&
                 Exp.Name == "hangLimitInitializer";
  for (const frontend::Export &Exp : M.Exports) {
    if (Exp.Kind != frontend::ExternalKind::Func)
      continue;
    if (HaveReset) {
      auto Reset = Eng.invoke(Inst, "hangLimitInitializer", {});
      if (!Reset)
        out() << "reset: " << llvm::toString(Reset.takeError()) << '\n';
      else if (Reset->Error.status != W2N_OK)
        out() << "reset: " << Reset->Error.message << '\n';
      Eng.takeLogs();
    }
    out() << "call " << Exp.Name << '\n';
    const frontend::FuncType &Type = M.funcType(Exp.Index);
    if (hasV128(Type)) {
      out() << "skip v128\n";
      continue;
    }
    std::vector<spec::SpecValue> Args(Type.Params.size());
    for (size_t I = 0; I < Args.size(); ++I)
      Args[I].Type = w2n_valtype_top(Type.Params[I].bits());
    auto Result = Eng.invoke(Inst, Exp.Name, Args);
    printLogs(Eng);
    if (!Result) {
      out() << "error: " << llvm::toString(Result.takeError()) << '\n';
    } else if (Result->Error.status == W2N_ERROR_TRAP) {
      out() << "trap " << canonicalTrap(Result->Error.trap) << '\n';
    } else if (Result->Error.status == W2N_ERROR_EXCEPTION) {
      out() << "exception\n";
    } else if (Result->Error.status != W2N_OK) {
      out() << "error: " << Result->Error.message << '\n';
    } else if (!Result->Values.empty()) {
      out() << "result";
      for (size_t R = 0; R < Result->Values.size(); ++R) {
        out() << ' ';
        printValue(Result->Types[R], Result->Values[R]);
      }
      out() << '\n';
    }
    out().flush();
  }
}

/// Prints "memory NAME PAGES HASH" for every exported memory: its size and
/// the 32-bit FNV-1a hash of its bytes, after all the calls; with Dump, then
/// "bytes NAME HEX", all of them.
void printMemories(spec::Engine &Eng, int Inst, const frontend::Module &M,
                   bool Dump) {
  for (const frontend::Export &Exp : M.Exports) {
    if (Exp.Kind != frontend::ExternalKind::Memory)
      continue;
    auto Bytes = Eng.memory(Inst, Exp.Name);
    if (!Bytes) {
      out() << "error: " << llvm::toString(Bytes.takeError()) << '\n';
      continue;
    }
    uint32_t Hash = 2166136261u;
    for (uint8_t B : *Bytes)
      Hash = (Hash ^ B) * 16777619u;
    out() << "memory " << Exp.Name << ' ' << Bytes->size() / 65536 << ' '
          << llvm::format("0x%08x", Hash) << '\n';
    if (!Dump)
      continue;
    static const char Digits[] = "0123456789abcdef";
    std::string Hex;
    Hex.reserve(Bytes->size() * 2);
    for (uint8_t B : *Bytes) {
      Hex += Digits[B >> 4];
      Hex += Digits[B & 15];
    }
    out() << "bytes " << Exp.Name << ' ' << Hex << '\n';
  }
}

int usage(const char *Argv0) {
  llvm::errs() << "usage: " << llvm::sys::path::filename(Argv0)
               << " [--bounds-checks=guard|explicit] [-O N] "
                  "[--exe=ARCH --exe-host=DIR]\n"
                  "       [--dump-memory] MODULE.wasm\n"
                  "Calls every export of a wasm-opt -ttf module, printing "
                  "what it logs, returns and traps.\n";
  return 2;
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  // A test host that dies must not take the runner with it.
  signal(SIGPIPE, SIG_IGN);
  spec::JitOptions Opts;
  spec::ExeOptions Exe;
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
    if (Parsed == spec::JitOptionParse::NotAnOption)
      Parsed = spec::parseExeOption(Arg, Exe);
    if (Parsed == spec::JitOptionParse::Malformed)
      return usage(Argv[0]);
    if (Parsed == spec::JitOptionParse::Taken)
      continue;
    if (Arg.starts_with("-") || !File.empty())
      return usage(Argv[0]);
    File = Arg;
  }
  if (File.empty() || (Exe.Target && Exe.HostDir.empty()))
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
  std::unique_ptr<spec::Engine> Eng = spec::createEngine(Opts, Exe);
  auto Module = Eng->compile(**Mod);
  if (!Module) {
    out() << "compile error\n";
    llvm::errs() << File << ": " << llvm::toString(Module.takeError()) << '\n';
    return 1;
  }
  if (llvm::Error E = Eng->start()) {
    llvm::errs() << File << ": " << llvm::toString(std::move(E)) << '\n';
    return 1;
  }
  int Inst;
  w2n_error Err;
  std::string Detail;
  w2n_status Status = Eng->instantiate(*Module, Inst, Err, Detail);
  printLogs(*Eng);
  int Exit = 0;
  if (Status == W2N_OK) {
    callExports(*Eng, Inst, **Mod);
    printMemories(*Eng, Inst, **Mod, DumpMemory);
  } else if (Status == W2N_ERROR_TRAP) {
    out() << "instantiate: trap " << canonicalTrap(Err.trap) << '\n';
  } else if (Status == W2N_ERROR_EXCEPTION) {
    out() << "instantiate: exception\n";
  } else {
    out() << "instantiate: link error\n";
    llvm::errs() << File << ": " << Err.message << Detail << '\n';
    Exit = 1;
  }
  out().flush();
  return Exit;
}
