//===- w2n-opt.cpp - Runs the Wasm passes on textual IR -------------------===//
//
// LLVM's opt for this project's passes: reads an .ll file, runs the
// pipeline -passes names (the w2n-... passes of lowering/passes/Pipeline.cpp
// and any of LLVM's own), verifies the result and prints it. The passes'
// hidden thresholds (-w2n-...) are options here too, so that a test sets
// one instead of padding its input past it.
//
//===----------------------------------------------------------------------===//
#include "lowering/passes/Pipeline.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace llvm;

static cl::opt<std::string> InputPath(cl::Positional, cl::desc("<input.ll>"),
                                      cl::init("-"));
static cl::opt<std::string> OutputPath("o", cl::desc("Output file"),
                                       cl::value_desc("path"), cl::init("-"));
static cl::opt<std::string>
    Pipeline("passes", cl::Required,
             cl::desc("The pipeline to run, as opt -passes takes it"));

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "Runs Wasm passes on LLVM IR\n");
  LLVMContext Ctx;
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(InputPath, Diag, Ctx);
  if (!M) {
    Diag.print(argv[0], errs());
    return 1;
  }
  if (verifyModule(*M, &errs())) {
    errs() << argv[0] << ": the input is not valid IR\n";
    return 1;
  }

  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  w2n::passes::registerWasmPasses(PB);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  ModulePassManager MPM;
  if (Error E = PB.parsePassPipeline(MPM, Pipeline)) {
    errs() << argv[0] << ": " << toString(std::move(E)) << "\n";
    return 1;
  }
  MPM.run(*M, MAM);
  if (verifyModule(*M, &errs())) {
    errs() << argv[0] << ": the passes left invalid IR\n";
    return 1;
  }

  std::error_code EC;
  ToolOutputFile Out(OutputPath, EC, sys::fs::OpenFlags::OF_None);
  if (EC) {
    errs() << argv[0] << ": cannot write '" << OutputPath
           << "': " << EC.message() << "\n";
    return 1;
  }
  M->print(Out.os(), nullptr);
  Out.keep();
  return 0;
}
