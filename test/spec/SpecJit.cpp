//===- SpecJit.cpp --------------------------------------------------------===//
#include "test/spec/SpecJit.h"

#include "driver/Codegen.h"

#include "w2n/embed.h"

#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace w2n::spec {

using namespace llvm;
using namespace llvm::orc;

Expected<std::unique_ptr<ModuleJit>> ModuleJit::create(const JitOptions &Opts) {
  std::unique_ptr<ModuleJit> MJ(new ModuleJit(Opts));
  // The target machine first: creating it registers the targets LLJIT needs.
  auto TM =
      driver::createTargetMachine(driver::Target::X86_64Linux, Opts.OptLevel);
  if (!TM)
    return TM.takeError();
  MJ->TM = std::move(*TM);

  auto Jit = LLJITBuilder()
                 .setJITTargetMachineBuilder(
                     JITTargetMachineBuilder(MJ->TM->getTargetTriple()))
                 .create();
  if (!Jit)
    return Jit.takeError();
  MJ->Jit = std::move(*Jit);

  // The runtime's functions by address, so that they bind to the ones
  // linked into this process; everything else (memcpy, floorf, ...) from
  // the process's libraries.
  JITDylib &Main = MJ->Jit->getMainJITDylib();
  SymbolMap Runtime;
  size_t Count = 0;
  const w2n_runtime_symbol *Symbols = w2n_runtime_symbols(&Count);
  for (size_t I = 0; I < Count; ++I)
    Runtime[MJ->Jit->mangleAndIntern(Symbols[I].name)] = {
        ExecutorAddr::fromPtr(Symbols[I].address),
        JITSymbolFlags::Exported | JITSymbolFlags::Callable};
  if (Error E = Main.define(absoluteSymbols(std::move(Runtime))))
    return E;
  auto Process = DynamicLibrarySearchGenerator::GetForCurrentProcess(
      MJ->Jit->getDataLayout().getGlobalPrefix());
  if (!Process)
    return Process.takeError();
  Main.addGenerator(std::move(*Process));
  return MJ;
}

Expected<const w2n_module_desc *>
ModuleJit::compile(const frontend::Module &M) {
  std::string Prefix = ("m" + Twine(NextModule++)).str();
  lowering::LoweringOptions LO;
  LO.BoundsChecks = Opts.BoundsChecks;
  LO.SymbolPrefix = Prefix;
  LO.TargetTriple = TM->getTargetTriple().str();

  SmallVector<char, 0> Object;
  {
    LLVMContext Ctx;
    auto LM = lowering::lowerModule(M, Ctx, LO);
    if (!LM)
      return LM.takeError();
    // Invalid IR is a lowering bug; say so rather than crash in a pass.
    std::string Problems;
    raw_string_ostream OS(Problems);
    if (verifyModule(**LM, &OS)) {
      if (Problems.size() > 2000)
        Problems.resize(2000);
      return createStringError("lowering produced invalid IR: " + Problems);
    }
    driver::optimizeModule(**LM, *TM, Opts.OptLevel);
    if (Error E =
            driver::emitCode(**LM, *TM, CodeGenFileType::ObjectFile, Object))
      return E;
  }

  auto Buffer = MemoryBuffer::getMemBufferCopy(
      StringRef(Object.data(), Object.size()), Prefix + ".o");
  if (Error E = Jit->addObjectFile(std::move(Buffer)))
    return E;
  auto Desc = Jit->lookup(Prefix + "_module");
  if (!Desc)
    return Desc.takeError();
  return Desc->toPtr<const w2n_module_desc *>();
}

JitOptionParse parseJitOption(int &I, int Argc, char **Argv,
                              JitOptions &Opts) {
  StringRef Arg = Argv[I];
  if (Arg.consume_front("--bounds-checks=")) {
    if (Arg == "guard")
      Opts.BoundsChecks = lowering::BoundsCheckMode::Guard;
    else if (Arg == "explicit")
      Opts.BoundsChecks = lowering::BoundsCheckMode::Explicit;
    else
      return JitOptionParse::Malformed;
    return JitOptionParse::Taken;
  }
  if (Arg.consume_front("--llvm-option=")) {
    if (Error E = driver::setLLVMOptions({Arg.str()})) {
      errs() << toString(std::move(E)) << "\n";
      return JitOptionParse::Malformed;
    }
    return JitOptionParse::Taken;
  }
  if (Arg.consume_front("-O")) {
    if (Arg.empty() && I + 1 < Argc)
      Arg = Argv[++I];
    if (Arg.getAsInteger(10, Opts.OptLevel) || Opts.OptLevel > 3)
      return JitOptionParse::Malformed;
    return JitOptionParse::Taken;
  }
  return JitOptionParse::NotAnOption;
}

const char *valueTypeName(uint8_t Type) {
  switch (Type) {
  case W2N_I32:
    return "i32";
  case W2N_I64:
    return "i64";
  case W2N_F32:
    return "f32";
  case W2N_F64:
    return "f64";
  case W2N_V128:
    return "v128";
  case W2N_FUNCREF:
    return "funcref";
  case W2N_EXTERNREF:
    return "externref";
  case W2N_EXNREF:
    return "exnref";
  }
  return "?";
}

} // namespace w2n::spec
