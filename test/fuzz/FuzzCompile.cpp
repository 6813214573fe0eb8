//===- FuzzCompile.cpp - libFuzzer target: the whole compile pipeline -----===//
//
// Inputs that decode and validate (the seeds are valid modules made by
// binaryen's wasm-opt -ttf; mutations keep some of them valid) go through
// everything a compile does: lowering in one of the two bounds-check
// modes, the IR verifier, the optimisation pipeline and code generation to
// an object in memory, for one of the three targets. A valid module must
// compile: a lowering error, a verifier failure, a crash or a sanitizer
// report is a finding. Invalid inputs are the other fuzzer's business.
//
//===----------------------------------------------------------------------===//
#include "driver/Codegen.h"
#include "frontend/Frontend.h"
#include "lowering/Lowering.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace w2n;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto M = frontend::loadModule(ArrayRef<uint8_t>(Data, Size));
  if (!M) {
    consumeError(M.takeError());
    return 0;
  }
  // The choices come from the input's length, so that a finding replays.
  static const driver::Target Targets[] = {driver::Target::X86_64Linux,
                                           driver::Target::AArch64Linux,
                                           driver::Target::RISCV64Linux};
  driver::Target Target = Targets[Size % 3];
  LLVMContext Ctx;
  lowering::LoweringOptions Opts;
  Opts.BoundsChecks = Size / 3 % 2 ? lowering::BoundsCheckMode::Explicit
                                   : lowering::BoundsCheckMode::Guard;
  Opts.TargetTriple = driver::targetTriple(Target);
  auto LM = lowering::lowerModule(**M, Ctx, Opts);
  if (!LM) {
    errs() << "a valid module failed to lower: " << toString(LM.takeError())
           << "\n";
    __builtin_trap();
  }
  if (verifyModule(**LM, &errs()))
    __builtin_trap();
  auto TM = driver::createTargetMachine(Target, 1);
  if (!TM)
    __builtin_trap();
  driver::optimizeModule(**LM, **TM, 1);
  SmallVector<char, 0> Object;
  if (Error E = driver::emitCode(**LM, **TM, CodeGenFileType::ObjectFile,
                                 Object)) {
    errs() << "code generation failed: " << toString(std::move(E)) << "\n";
    __builtin_trap();
  }
  return 0;
}
