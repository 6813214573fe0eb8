//===- FuzzValidate.cpp - libFuzzer target: decode and validate any bytes -===//
//
// Any input must come back as a module or as one WasmError: no crash, no
// hang, no unbounded allocation (libFuzzer's -rss_limit_mb catches those),
// no report from AddressSanitizer or UndefinedBehaviorSanitizer.
//
//===----------------------------------------------------------------------===//
#include "frontend/Frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto M = w2n::frontend::loadModule(llvm::ArrayRef<uint8_t>(Data, Size));
  if (!M) {
    bool IsWasmError = false;
    llvm::handleAllErrors(M.takeError(),
                          [&](const w2n::frontend::WasmError &) {
                            IsWasmError = true;
                          });
    if (!IsWasmError)
      __builtin_trap(); // every user-caused failure is a WasmError
  }
  return 0;
}
