//===- Codegen.cpp --------------------------------------------------------===//
#include "driver/Codegen.h"

#include "lowering/LoopBoundsChecks.h"

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

// The code generator's tail merging replaces identical block tails with a
// jump to one copy. Lowered WebAssembly has many such tails: every branch
// back to a loop carries the loop's locals as phis, so each path ends in the
// same few register copies. Merging them puts a second taken jump on each
// path, and in an interpreter's dispatch loop on every instruction it
// interprets (bench/programs/interp.c: 1.92x native with guard pages
// merged, 1.28x not; bench/README.md). Executables grow 1-2%.
static void disableTailMerging() {
  StringMap<cl::Option *> &Options = cl::getRegisteredOptions();
  auto It = Options.find("enable-tail-merge");
  if (It == Options.end())
    report_fatal_error("LLVM has no -enable-tail-merge option");
  if (It->second->addOccurrence(0, It->first(), "false"))
    report_fatal_error("cannot set LLVM's -enable-tail-merge option");
}

static void initializeTargets() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    disableTailMerging();
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
  // count. Later peephole points find the loops already marked.
  PB.registerPeepholeEPCallback(
      [](FunctionPassManager &FPM, OptimizationLevel) {
        FPM.addPass(lowering::LoopBoundsChecksPass());
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
