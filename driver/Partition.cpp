//===- Partition.cpp ------------------------------------------------------===//
#include "driver/Partition.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instruction.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <algorithm>
#include <cmath>

namespace w2n::driver {

using namespace llvm;

namespace {

using Homes = DenseMap<const GlobalValue *, unsigned>;

/// A piece no symbol lives in: where a use comes from when it is neither an
/// instruction nor a global's initializer, so that such a use always
/// counts as coming from another piece.
constexpr unsigned Elsewhere = ~0u;

/// Calls Visit with the piece of each place that refers to V (through any
/// constant expressions and aggregates between): the function of an
/// instruction, or the home of a global whose initializer holds V. With
/// InstructionsOnly, initializers are not followed.
template <typename VisitFn>
void forEachUsingPiece(const Value *V, const Homes &Home, bool InstructionsOnly,
                       VisitFn &&Visit) {
  for (const User *U : V->users()) {
    if (const auto *I = dyn_cast<Instruction>(U)) {
      Visit(Home.lookup(I->getFunction()));
    } else if (const auto *GV = dyn_cast<GlobalValue>(U)) {
      if (!InstructionsOnly) {
        auto It = Home.find(GV);
        Visit(It == Home.end() ? Elsewhere : It->second);
      }
    } else if (isa<Constant>(U)) {
      forEachUsingPiece(U, Home, InstructionsOnly, Visit);
    } else {
      Visit(Elsewhere);
    }
  }
}

void eraseUnusedDeclarations(Module &M) {
  for (Function &F : make_early_inc_range(M))
    if (F.isDeclaration() && F.use_empty())
      F.eraseFromParent();
  for (GlobalVariable &GV : make_early_inc_range(M.globals()))
    if (GV.isDeclaration() && GV.use_empty())
      GV.eraseFromParent();
}

} // namespace

void partitionModule(
    Module &M, unsigned Count,
    function_ref<void(std::unique_ptr<Module>, double Cost)> Emit) {
  Count = std::max(Count, 1u);
  Homes Home;

  // Functions, in module order (the lowering declares them in the order of
  // the WebAssembly module), cut where the running total of instructions
  // crosses a multiple of Total / Count.
  // (Counting walks every instruction, so each function is counted once.)
  SmallVector<std::pair<const Function *, uint64_t>, 0> Sizes;
  uint64_t Total = 0;
  for (const Function &F : M)
    if (!F.isDeclaration()) {
      Sizes.emplace_back(&F, F.getInstructionCount());
      Total += Sizes.back().second;
    }
  uint64_t Before = 0;
  SmallVector<double, 8> Costs(Count);
  for (const auto &[F, Size] : Sizes) {
    uint64_t Middle = Before + Size / 2;
    unsigned Piece = unsigned(std::min<uint64_t>(
        Count - 1, Middle * Count / std::max<uint64_t>(Total, 1)));
    Home[F] = Piece;
    Costs[Piece] += double(Size) * std::sqrt(double(Size));
    Before += Size;
  }

  // A global variable lives with the first function that uses it; one that
  // no function uses, in the first piece.
  for (const GlobalVariable &GV : M.globals()) {
    if (GV.isDeclaration())
      continue;
    unsigned First = Elsewhere;
    forEachUsingPiece(&GV, Home, /*InstructionsOnly=*/true,
                      [&](unsigned Piece) { First = std::min(First, Piece); });
    Home[&GV] = First == Elsewhere ? 0 : First;
  }
  for (const GlobalAlias &GA : M.aliases())
    Home[&GA] = 0;
  for (const GlobalIFunc &GI : M.ifuncs())
    Home[&GI] = 0;

  // What another piece refers to must be a symbol the linker can resolve.
  for (GlobalValue &GV : M.global_values()) {
    if (!GV.hasLocalLinkage() || GV.isDeclaration())
      continue;
    unsigned Own = Home.lookup(&GV);
    bool Shared = false;
    forEachUsingPiece(&GV, Home, /*InstructionsOnly=*/false,
                      [&](unsigned Piece) { Shared |= Piece != Own; });
    if (!Shared)
      continue;
    GV.setLinkage(GlobalValue::ExternalLinkage);
    GV.setVisibility(GlobalValue::HiddenVisibility);
    if (!GV.hasName())
      GV.setName("w2n.piece.symbol");
  }

  for (unsigned Piece = 0; Piece < Count; ++Piece) {
    ValueToValueMapTy VMap;
    std::unique_ptr<Module> Clone =
        CloneModule(M, VMap, [&](const GlobalValue *GV) {
          return Home.lookup(GV) == Piece;
        });
    eraseUnusedDeclarations(*Clone);
    Emit(std::move(Clone), Costs[Piece]);
  }
}

} // namespace w2n::driver
