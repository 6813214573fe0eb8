//===- FuzzText.cpp - libFuzzer target: read any text as WAST and WAT -----===//
//
// Any input must come back as a script (whose every module then encodes
// and loads, or fails with one TextError or WasmError) or as one
// TextError: no crash, no hang, no unbounded allocation, no report from
// AddressSanitizer or UndefinedBehaviorSanitizer.
//
//===----------------------------------------------------------------------===//
#include "frontend/Frontend.h"
#include "frontend/text/Script.h"

using namespace w2n::frontend;

namespace {

/// Every user-caused failure is a TextError or a WasmError.
void expectUserError(llvm::Error E) {
  bool Known = false;
  llvm::handleAllErrors(
      std::move(E), [&](const text::TextError &) { Known = true; },
      [&](const WasmError &) { Known = true; });
  if (!Known)
    __builtin_trap();
}

void loadEach(const text::Script &S, const std::vector<text::ScriptCommand> &Commands) {
  for (const text::ScriptCommand &Cmd : Commands) {
    if (Cmd.Module) {
      llvm::Expected<text::BinaryModule> B = S.encode(*Cmd.Module, {});
      if (!B) {
        expectUserError(B.takeError());
        continue;
      }
      auto M = loadModule(B->Bytes);
      if (!M)
        expectUserError(M.takeError());
    }
    loadEach(S, Cmd.Body);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Source(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<text::Script> S = text::parseScript(Source);
  if (!S) {
    expectUserError(S.takeError());
    return 0;
  }
  loadEach(*S, S->Commands);
  return 0;
}
