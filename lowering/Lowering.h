//===- Lowering.h - A validated module to one llvm::Module ------*- C++ -*-===//
#ifndef W2N_LOWERING_LOWERING_H
#define W2N_LOWERING_LOWERING_H

#include "frontend/Module.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace w2n::lowering {

enum class BoundsCheckMode {
  /// No compare: the 8 GiB reservation behind linear memory catches every
  /// 32-bit address plus offset, and the fault becomes a trap.
  Guard,
  /// Compare and branch before every access.
  Explicit,
};

/// One piece of a module compiled in pieces: the defined functions
/// [Begin, End) (counted among the defined functions), each lowered into
/// a context of its own. A piece's functions are hidden global symbols, and
/// the functions of other pieces it calls are declared by the same names,
/// so that the pieces' objects link into one program.
struct PieceRange {
  uint32_t Begin = 0, End = 0;
  /// The piece that also holds what the runtime needs to instantiate the
  /// module (init, trampolines, adapters, the descriptor); exactly one.
  bool HoldsDescriptor = false;
};

struct LoweringOptions {
  BoundsCheckMode BoundsChecks = BoundsCheckMode::Guard;
  /// The module descriptor is exported as `<SymbolPrefix>_module`.
  std::string SymbolPrefix = "w2n";
  /// The LLVM target triple the module is for; some choices depend on it.
  std::string TargetTriple = "x86_64-unknown-linux-gnu";
  /// Called after each function is lowered with how many are done of how
  /// many (for progress displays); may be empty.
  std::function<void(uint32_t Done, uint32_t Total)> OnFunctionLowered;
  /// Lowers one piece instead of the whole module.
  std::optional<PieceRange> Piece;
  /// The module becomes an executable: its only imports are the runtime's
  /// (WASI), which never throw, so a module without tags cannot see an
  /// exception and its functions keep no unwind tables.
  bool Executable = false;
};

/// Whether an exception may unwind through M's functions, lowered with
/// Opts: then they get unwind tables (and an executable needs its linker
/// to index them, --eh-frame-hdr).
bool mayUnwind(const frontend::Module &M, const LoweringOptions &Opts);

/// Lowers a validated module, or the piece of it Opts.Piece names.
/// Everything but the descriptor (and a piece's functions) has internal
/// linkage; the descriptor (a w2n_module_desc, see w2n/abi.h) is all the
/// runtime needs to instantiate it. Only reads M, so that pieces can be
/// lowered on several threads at once.
llvm::Expected<std::unique_ptr<llvm::Module>>
lowerModule(const frontend::Module &M, llvm::LLVMContext &Ctx,
            const LoweringOptions &Opts);

} // namespace w2n::lowering

#endif
