//===- Parallel.cpp -------------------------------------------------------===//
#include "driver/Parallel.h"
#include "driver/Codegen.h"
#include "driver/Partition.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/Support/MemoryBufferRef.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string>

namespace w2n::driver {

using namespace llvm;

namespace {

uint64_t definedFunctions(const Module &M) {
  uint64_t N = 0;
  for (const Function &F : M)
    N += !F.isDeclaration();
  return N;
}

} // namespace

Expected<std::vector<SmallVector<char, 0>>>
compileInParallel(std::unique_ptr<Module> M, const Config &C, unsigned Count,
                  unsigned Threads, Progress &P) {
  const uint64_t Total = definedFunctions(*M);
  std::vector<SmallVector<char, 0>> Pieces;
  std::vector<double> Costs;
  P.update("splitting");
  partitionModule(*M, Count,
                  [&](std::unique_ptr<Module> Piece, double Cost) {
                    SmallVector<char, 0> Bitcode;
                    raw_svector_ostream OS(Bitcode);
                    WriteBitcodeToFile(*Piece, OS);
                    Pieces.push_back(std::move(Bitcode));
                    Costs.push_back(Cost);
                  });
  // The costliest pieces first (the pool starts them in the order they
  // are queued), so that the threads finish closer together: the last
  // piece to start is then a cheap one.
  std::vector<size_t> Order(Pieces.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Costs[A] > Costs[B]; });
  // The whole module is most of the peak. Freed, its memory goes back to
  // the main thread's heap, which the worker threads' allocations do not
  // draw from (glibc gives each thread an arena of its own): it is handed
  // back to the system instead.
  M.reset();
#ifdef __GLIBC__
  malloc_trim(0);
#endif
  std::vector<SmallVector<char, 0>> Objects(Pieces.size());
  std::vector<std::string> Errors(Pieces.size());
  std::atomic<uint64_t> Done{0};
  P.update("compiling", 0, Total);
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I : Order)
      Pool.async([&, I] {
        LLVMContext Ctx;
        Ctx.setDiscardValueNames(true);
        MemoryBufferRef Ref(StringRef(Pieces[I].data(), Pieces[I].size()),
                            "piece");
        Expected<std::unique_ptr<Module>> Piece = parseBitcodeFile(Ref, Ctx);
        if (!Piece) {
          Errors[I] = toString(Piece.takeError());
          return;
        }
        auto TM = createTargetMachine(C.TargetArch, C.OptLevel, C.Cpu);
        if (!TM) {
          Errors[I] = toString(TM.takeError());
          return;
        }
        uint64_t N = definedFunctions(**Piece);
        optimizeModule(**Piece, **TM, C.OptLevel);
        if (Error E = emitCode(**Piece, **TM, CodeGenFileType::ObjectFile,
                               Objects[I]))
          Errors[I] = toString(std::move(E));
        Pieces[I].clear();
        P.update("compiling", Done += N, Total);
      });
    Pool.wait();
  }
  for (const std::string &E : Errors)
    if (!E.empty())
      return createStringError(inconvertibleErrorCode(), E);
  return Objects;
}

} // namespace w2n::driver
