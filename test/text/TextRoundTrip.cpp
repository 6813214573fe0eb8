//===- TextRoundTrip.cpp - Every module of the spec scripts, text to binary ===//
//
// Usage: w2n-text-roundtrip [--wasm2 | --wasm2-text] FILE.wast...
//
// Reads each script with the WAST reader and puts every module it holds
// through text -> binary -> decoder and validator, checking the verdict the
// script expects of it: modules and modules of assert_return-style
// commands must load, assert_invalid ones must be invalid (or malformed
// only if the script wrote them as binary), assert_malformed ones must be
// refused by the text reader or the decoder. Modules using features the
// compiler does not support yet are counted apart. --wasm2 reads as
// WebAssembly 2.0, --wasm2-text only the text (see w2n-spec-runner). One
// line per script, then `N passed, N failed`.
//
//===----------------------------------------------------------------------===//
#include "frontend/Frontend.h"
#include "frontend/text/Script.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace w2n::frontend;
using namespace w2n::frontend::text;

namespace {

enum class Verdict { Loads, Invalid, Malformed, Unsupported, TextError };

struct Counts {
  unsigned Passed = 0, Failed = 0, Unsupported = 0;
};

Verdict load(const Script &S, const ScriptModule &M, const FrontendOptions &Opts,
             const TextOptions &TOpts, std::string &Why) {
  llvm::Expected<BinaryModule> B = S.encode(M, TOpts);
  if (!B) {
    Why = llvm::toString(B.takeError());
    return Verdict::TextError;
  }
  auto Mod = loadModule(B->Bytes, Opts);
  if (Mod)
    return Verdict::Loads;
  Verdict V = Verdict::Malformed;
  llvm::handleAllErrors(Mod.takeError(), [&](const WasmError &W) {
    Why = W.text();
    V = W.kind() == ErrorKind::Invalid     ? Verdict::Invalid
        : W.kind() == ErrorKind::Malformed ? Verdict::Malformed
                                           : Verdict::Unsupported;
  });
  return V;
}

void check(const Script &S, const ScriptCommand &Cmd, const FrontendOptions &Opts,
           const TextOptions &TOpts, llvm::StringRef File, Counts &N) {
  if (!Cmd.Module)
    return;
  std::string Why;
  Verdict V = load(S, *Cmd.Module, Opts, TOpts, Why);
  if (V == Verdict::Unsupported) {
    // Text that should not read but did, and decoded as an unsupported
    // construct, would be a wrong verdict hidden here: say so.
    if (Cmd.Kind == ScriptCommandKind::AssertMalformed &&
        Cmd.Module->F != ScriptModule::Form::Binary)
      llvm::outs() << File << ':' << Cmd.Line
                   << ": assert_malformed text read as a module: " << Why
                   << '\n';
    ++N.Unsupported;
    return;
  }
  bool Ok;
  switch (Cmd.Kind) {
  case ScriptCommandKind::AssertMalformed:
    Ok = V == Verdict::TextError || V == Verdict::Malformed;
    break;
  case ScriptCommandKind::AssertInvalid:
    Ok = V == Verdict::Invalid;
    break;
  default:
    Ok = V == Verdict::Loads;
    break;
  }
  if (Ok) {
    ++N.Passed;
    return;
  }
  ++N.Failed;
  static const char *Names[] = {"loads", "invalid", "malformed", "unsupported",
                                "a text error"};
  llvm::outs() << File << ':' << Cmd.Line << ": " << commandKindName(Cmd.Kind)
               << ": module " << Names[int(V)] << (Why.empty() ? "" : ": ")
               << Why << '\n';
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  FrontendOptions Opts;
  TextOptions TOpts;
  Counts Total;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--wasm2") {
      Opts.Wasm2Only = TOpts.Wasm2Only = true;
      continue;
    }
    if (Arg == "--wasm2-text") {
      TOpts.Wasm2Only = true;
      continue;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(Arg);
    if (!Buffer) {
      llvm::outs() << Arg << ": cannot read\n";
      ++Total.Failed;
      continue;
    }
    llvm::Expected<Script> S = parseScript((*Buffer)->getBuffer().str());
    if (!S) {
      llvm::outs() << Arg << ':' << llvm::toString(S.takeError()) << '\n';
      ++Total.Failed;
      continue;
    }
    Counts N;
    for (const ScriptCommand &Cmd : S->Commands) {
      check(*S, Cmd, Opts, TOpts, Arg, N);
      for (const ScriptCommand &Inner : Cmd.Body)
        check(*S, Inner, Opts, TOpts, Arg, N);
    }
    llvm::outs() << Arg << "\tpassed=" << N.Passed << "\tfailed=" << N.Failed
                 << "\tunsupported=" << N.Unsupported << '\n';
    Total.Passed += N.Passed;
    Total.Failed += N.Failed;
    Total.Unsupported += N.Unsupported;
  }
  llvm::outs() << Total.Unsupported << " not supported yet\n"
               << Total.Passed << " passed, " << Total.Failed << " failed\n";
  return Total.Failed ? 1 : 0;
}
