//===- Codegen.cpp --------------------------------------------------------===//
#include "driver/Codegen.h"

#include "driver/BalancedChains.h"
#include "lowering/BoundsCheckLimits.h"
#include "lowering/LoopBoundsChecks.h"
#include "lowering/MergeTrapBlocks.h"
#include "lowering/RedundantBoundsChecks.h"
#include "lowering/RedundantStackChecks.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>

extern "C" {
void LLVMInitializeX86TargetInfo();
void LLVMInitializeX86Target();
void LLVMInitializeX86TargetMC();
void LLVMInitializeX86AsmPrinter();
void LLVMInitializeAArch64TargetInfo();
void LLVMInitializeAArch64Target();
void LLVMInitializeAArch64TargetMC();
void LLVMInitializeAArch64AsmPrinter();
void LLVMInitializeRISCVTargetInfo();
void LLVMInitializeRISCVTarget();
void LLVMInitializeRISCVTargetMC();
void LLVMInitializeRISCVAsmPrinter();
}

namespace w2n::driver {

using namespace llvm;

// Two code generator settings that LLVM only offers as command-line options
// (bench/README.md, "Kept", has the measurements):
// - No tail merging. It replaces identical block tails with a jump to one
//   copy. Lowered WebAssembly has many such tails: every branch back to a
//   loop carries the loop's locals as phis, so paths end in the same few
//   register copies. Merged, each path takes a second jump; in an
//   interpreter's dispatch loop, on every instruction it interprets
//   (bench/programs/interp.c with guard pages: 1.92x native merged, 1.28x
//   not). Executables grow 1-2%.
// - Jump tables only for switches of 8 cases or more, not 4. clang's
//   WebAssembly backend turns short compare chains into br_table, which
//   comes back here as a switch; as a jump table it costs an indirect
//   branch that predicts worse than the few compares native code has
//   (bench/programs/parser.c 1.19x -> 1.09x). This moves x86-64 only:
//   LLVM's AArch64 and RISC-V backends keep thresholds of their own (13 on
//   AArch64).
static void setCodeGeneratorOption(StringRef Name, StringRef Value) {
  StringMap<cl::Option *> &Options = cl::getRegisteredOptions();
  auto It = Options.find(Name);
  if (It == Options.end() ||
      It->second->addOccurrence(0, It->first(), Value))
    report_fatal_error("cannot set LLVM's -" + Name + " option");
}

static void initializeTargets() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    setCodeGeneratorOption("enable-tail-merge", "false");
    setCodeGeneratorOption("min-jump-table-entries", "8");
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64Target();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmPrinter();
    LLVMInitializeRISCVTargetInfo();
    LLVMInitializeRISCVTarget();
    LLVMInitializeRISCVTargetMC();
    LLVMInitializeRISCVAsmPrinter();
  });
}

std::string targetTriple(Target T) {
  switch (T) {
  case Target::X86_64Linux: return "x86_64-unknown-linux-gnu";
  case Target::AArch64Linux: return "aarch64-unknown-linux-gnu";
  case Target::RISCV64Linux: return "riscv64-unknown-linux-gnu";
  }
  llvm_unreachable("unknown target");
}

Expected<std::unique_ptr<TargetMachine>>
createTargetMachine(Target T, unsigned OptLevel, StringRef Cpu) {
  initializeTargets();
  std::string Triple = targetTriple(T);
  std::string Error;
  const llvm::Target *TheTarget = TargetRegistry::lookupTarget(Triple, Error);
  if (!TheTarget)
    return createStringError(inconvertibleErrorCode(), Error);
  std::string CpuName, Features;
  TargetOptions Options;
  switch (T) {
  case Target::X86_64Linux: CpuName = "x86-64"; break;
  case Target::AArch64Linux: CpuName = "generic"; Features = "+neon"; break;
  case Target::RISCV64Linux:
    CpuName = "generic-rv64";
    Features = "+m,+a,+f,+d,+c";
    Options.MCOptions.ABIName = "lp64d";
    break;
  }
  if (Cpu == "native") {
    CpuName = sys::getHostCPUName().str();
    Features.clear();
    for (const auto &F : sys::getHostCPUFeatures()) {
      if (!Features.empty())
        Features += ',';
      Features += F.second ? '+' : '-';
      Features += F.first();
    }
  } else if (!Cpu.empty()) {
    CpuName = Cpu.str();
    std::unique_ptr<MCSubtargetInfo> STI(
        TheTarget->createMCSubtargetInfo(Triple, "", ""));
    if (!STI || !STI->isCPUStringValid(CpuName))
      return createStringError(inconvertibleErrorCode(),
                               "--cpu: '%s' is not a CPU of %s (try 'native', "
                               "or llc-19 -mtriple=%s -mcpu=help)",
                               CpuName.c_str(), Triple.c_str(), Triple.c_str());
  }
  CodeGenOptLevel Level = OptLevel == 0   ? CodeGenOptLevel::None
                          : OptLevel == 1 ? CodeGenOptLevel::Less
                          : OptLevel == 2 ? CodeGenOptLevel::Default
                                          : CodeGenOptLevel::Aggressive;
  std::unique_ptr<TargetMachine> TM(TheTarget->createTargetMachine(
      Triple, CpuName, Features, Options, Reloc::PIC_, std::nullopt, Level));
  if (!TM)
    return createStringError(inconvertibleErrorCode(),
                             "cannot create a target machine for " + Triple);
  return TM;
}

void optimizeModule(Module &M, TargetMachine &TM, unsigned OptLevel) {
  M.setDataLayout(TM.createDataLayout());
  M.setTargetTriple(TM.getTargetTriple().str());
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  // The default tuning, which (unlike clang at -O2) leaves the SLP
  // vectoriser out: enabled, it made programs slower with guard pages
  // (bench/README.md, "Dropped").
  PassBuilder PB(&TM);
  // Early, after the first instruction combining of each function: the loop
  // passes that follow (unrolling, induction variables) then see the
  // unchecked copies, and before induction-variable widening hides the trip
  // count. Later peephole points find the loops already marked. The
  // peephole points also come right after each round of inlining into a
  // function, where the call-stack checks inlined with its callees go
  // (RedundantStackChecks.cpp), before the function is itself weighed for
  // inlining into its callers. Bounds checks that a check before them
  // implies go there too, before the passes that follow spend time on them
  // (RedundantBoundsChecks.cpp).
  PB.registerPeepholeEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(lowering::LoopBoundsChecksPass());
        FPM.addPass(lowering::RedundantStackChecksPass());
        FPM.addPass(lowering::RedundantBoundsChecksPass());
      });
  // After GVN, which is why a large function's checks have trap blocks of
  // their own, the trap blocks merged into one per kind
  // (MergeTrapBlocks.cpp), for the passes after it.
  PB.registerScalarOptimizerLateEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(lowering::MergeTrapBlocksPass());
      });
  // Last, once the loops have their final shape (unrolled, vectorised):
  // the trap blocks merged at every level (-O0 has no GVN, but the
  // lowering does not know the level), chains on a loop's recurrence
  // rebuilt as trees (BalancedChains.cpp), the bounds checks that the
  // loop passes and GVN have left implied by others removed, and explicit
  // checks against precomputed limits (BoundsCheckLimits.cpp; the passes
  // before it know the canonical form of a check).
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel Level) {
        FunctionPassManager FPM;
        FPM.addPass(lowering::MergeTrapBlocksPass());
        if (Level != OptimizationLevel::O0) {
          FPM.addPass(BalancedChainsPass());
          FPM.addPass(lowering::RedundantBoundsChecksPass());
          FPM.addPass(lowering::BoundsCheckLimitsPass());
        }
        MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
      });
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  OptimizationLevel Level = OptLevel == 0   ? OptimizationLevel::O0
                            : OptLevel == 1 ? OptimizationLevel::O1
                            : OptLevel == 2 ? OptimizationLevel::O2
                                            : OptimizationLevel::O3;
  ModulePassManager MPM = OptLevel == 0
                              ? PB.buildO0DefaultPipeline(Level)
                              : PB.buildPerModuleDefaultPipeline(Level);
  MPM.run(M, MAM);
}

Error emitCode(Module &M, TargetMachine &TM, CodeGenFileType Kind,
               SmallVectorImpl<char> &Out) {
  M.setDataLayout(TM.createDataLayout());
  M.setTargetTriple(TM.getTargetTriple().str());
  raw_svector_ostream OS(Out);
  legacy::PassManager PM;
  if (TM.addPassesToEmitFile(PM, OS, nullptr, Kind))
    return createStringError(inconvertibleErrorCode(),
                             "the target cannot emit this kind of file");
  PM.run(M);
  return Error::success();
}

} // namespace w2n::driver
