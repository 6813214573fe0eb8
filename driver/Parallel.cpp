//===- Parallel.cpp -------------------------------------------------------===//
#include "driver/Parallel.h"
#include "driver/Codegen.h"
#include "driver/Partition.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <string>

namespace w2n::driver {

using namespace llvm;

namespace {

/// Lowers, optimises and compiles one piece into Object.
Error compilePiece(const frontend::Module &WM,
                   lowering::LoweringOptions Opts,
                   const lowering::Capabilities &Caps, const Config &C,
                   const lowering::PieceRange &Range,
                   SmallVectorImpl<char> &Object) {
  LLVMContext Ctx;
  Ctx.setDiscardValueNames(true);
  Opts.Piece = Range;
  auto LM = lowering::lowerModule(WM, Ctx, Opts);
  if (!LM)
    return LM.takeError();
  if (Error E = verifyLowered(**LM))
    return E;
  if (Range.HoldsDescriptor)
    lowering::addExecutableConfig(**LM, WM, Caps);
  auto TM = createTargetMachine(C.TargetArch, C.OptLevel, C.Cpu);
  if (!TM)
    return TM.takeError();
  optimizeModule(**LM, **TM, C.OptLevel);
  return emitCode(**LM, **TM, CodeGenFileType::ObjectFile, Object);
}

} // namespace

Expected<std::vector<SmallVector<char, 0>>>
compileInParallel(const frontend::Module &WM,
                  const lowering::LoweringOptions &Opts,
                  const lowering::Capabilities &Caps, const Config &C,
                  unsigned Count, unsigned Threads, Progress &P) {
  std::vector<PlannedPiece> Pieces = planPieces(WM, Count);
  // The costliest pieces first (the pool starts them in the order they
  // are queued), so that the threads finish closer together: the last
  // piece to start is then a cheap one.
  std::vector<size_t> Order(Pieces.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return Pieces[A].Cost > Pieces[B].Cost;
  });

  const uint64_t Total = WM.numDefinedFunctions();
  std::atomic<uint64_t> Lowered{0};
  lowering::LoweringOptions PieceOpts = Opts;
  PieceOpts.OnFunctionLowered = [&](uint32_t, uint32_t) {
    P.update("compiling", ++Lowered, Total);
  };
  std::vector<SmallVector<char, 0>> Objects(Pieces.size());
  std::vector<std::string> Errors(Pieces.size());
  P.update("compiling", 0, Total);
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I : Order)
      Pool.async([&, I] {
        if (Error E = compilePiece(WM, PieceOpts, Caps, C, Pieces[I].Range,
                                   Objects[I]))
          Errors[I] = toString(std::move(E));
      });
    Pool.wait();
  }
  // The first error in module order, whichever thread met it first.
  for (const std::string &E : Errors)
    if (!E.empty())
      return createStringError(inconvertibleErrorCode(), E);
  return Objects;
}

} // namespace w2n::driver
