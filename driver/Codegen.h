//===- Codegen.h - Targets, the optimisation pipeline, object emission -*- C++ -*-===//
#ifndef W2N_DRIVER_CODEGEN_H
#define W2N_DRIVER_CODEGEN_H

#include "driver/Config.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace w2n::driver {

/// The LLVM triple of a target.
std::string targetTriple(Target T);

/// A target machine for T with the portable baseline CPU (x86-64, armv8-a,
/// rv64gc) unless Cpu names one ("native" for the host's).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(Target T, unsigned OptLevel, llvm::StringRef Cpu = "");

/// Sets hidden options of LLVM and of the Wasm passes (-name=value, as
/// clang's -mllvm takes them), for the whole process: tests set the passes'
/// thresholds with them. An unknown option or a bad value is an error.
llvm::Error setLLVMOptions(llvm::ArrayRef<std::string> Options);

/// An internal error naming the problems if the lowering produced invalid
/// IR in M (a bug of ours, better reported than crashed on in a pass).
llvm::Error verifyLowered(llvm::Module &M);

/// Runs the optimisation pipeline for OptLevel (0-3) on M.
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, unsigned OptLevel);

/// Emits M as an object file (or assembly) into Out.
llvm::Error emitCode(llvm::Module &M, llvm::TargetMachine &TM,
                     llvm::CodeGenFileType Kind, llvm::SmallVectorImpl<char> &Out);

} // namespace w2n::driver

#endif
