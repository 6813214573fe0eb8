//===- Codegen.cpp --------------------------------------------------------===//
#include "driver/Codegen.h"

#include "lowering/passes/Pipeline.h"

#include "llvm/IR/Verifier.h"
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
//   (bench/programs/interp.c). Executables grow a little.
// - Jump tables only for switches of 8 cases or more, not 4. clang's
//   WebAssembly backend turns short compare chains into br_table, which
//   comes back here as a switch; as a jump table it costs an indirect
//   branch that predicts worse than the few compares native code has
//   (bench/programs/parser.c). This moves x86-64 only:
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

Error setLLVMOptions(ArrayRef<std::string> Options) {
  if (Options.empty())
    return Error::success();
  // The lowering's and the passes' options are registered with LLVM's, so
  // one parse serves both. The targets go first: they set code-generator
  // options of their own, and a user's option of the same name must be an
  // error here, not a fatal one when the targets set it later.
  initializeTargets();
  std::vector<const char *> Argv{"wasm2native"};
  for (const std::string &O : Options)
    Argv.push_back(O.c_str());
  std::string Errors;
  raw_string_ostream OS(Errors);
  if (!cl::ParseCommandLineOptions(int(Argv.size()), Argv.data(), "", &OS))
    return createStringError(inconvertibleErrorCode(),
                             "--llvm-option: " + StringRef(Errors).trim());
  return Error::success();
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

Error verifyLowered(Module &M) {
  std::string Problems;
  raw_string_ostream OS(Problems);
  if (!verifyModule(M, &OS))
    return Error::success();
  return createStringError(inconvertibleErrorCode(),
                           "internal error: the lowered module is not valid "
                           "LLVM IR:\n" + Problems);
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
  passes::registerWasmPasses(PB);
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
