//===- Compile.cpp --------------------------------------------------------===//
#include "driver/Compile.h"

#include "driver/Bundle.h"
#include "driver/CHeader.h"
#include "driver/Codegen.h"
#include "driver/Link.h"
#include "driver/Parallel.h"
#include "driver/Progress.h"
#include "frontend/Frontend.h"
#include "frontend/text/Text.h"
#include "lowering/Executable.h"
#include "lowering/Lowering.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <optional>

namespace w2n::driver {

using namespace llvm;

namespace {

// How an executable is cut into pieces depends on its module alone, so
// that the same module, flags and compiler give the same bytes on any
// machine and with any -j: the threads only schedule the pieces.
cl::opt<uint64_t> SplitCodeSize(
    "w2n-split-code-size", cl::Hidden, cl::init(512 * 1024),
    cl::desc("Executables of modules with this many bytes of function "
             "bodies or more are compiled in pieces"));
cl::opt<uint64_t> PieceCodeSize(
    "w2n-piece-code-size", cl::Hidden, cl::init(1024 * 1024),
    cl::desc("Bytes of function bodies per piece (at least two pieces, at "
             "most 64)"));
cl::opt<unsigned> PieceCount(
    "w2n-pieces", cl::Hidden, cl::init(0),
    cl::desc("Cut every executable into this many pieces instead (tests)"));

/// How many pieces the executable of M is compiled in.
unsigned pieceCount(const frontend::Module &M) {
  if (PieceCount)
    return PieceCount;
  uint64_t Code = 0;
  for (const frontend::FunctionBody &Body : M.Bodies)
    Code += Body.Size;
  if (Code < SplitCodeSize)
    return 1;
  uint64_t Pieces = divideCeil(Code, std::max<uint64_t>(PieceCodeSize, 1));
  return unsigned(std::clamp<uint64_t>(Pieces, 2, 64));
}

/// Writes Bytes to Path ("-": stdout) through a temporary file beside it,
/// so that a failure leaves nothing behind and a success replaces Path
/// whole.
Error writeOutput(StringRef Path, StringRef Bytes) {
  Error E = writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Bytes;
    return Error::success();
  });
  if (!E)
    return Error::success();
  std::error_code EC = errorToErrorCode(std::move(E));
  return createStringError(EC, "cannot create '%s': %s", Path.str().c_str(),
                           EC.message().c_str());
}

/// The header beside an object: OUT.o -> OUT.h.
std::string headerPath(StringRef Output) {
  SmallString<128> Path(Output);
  sys::path::replace_extension(Path, ".h");
  return std::string(Path);
}

} // namespace

std::string symbolPrefix(const Config &C) {
  if (!C.Prefix.empty())
    return C.Prefix;
  StringRef Stem = sys::path::stem(C.Output);
  if (C.Output == "-" || Stem.empty())
    return "w2n";
  return cIdentifier(Stem);
}

Expected<std::unique_ptr<MemoryBuffer>> readInput(StringRef Path) {
  auto Buffer = MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read the file: %s",
                             Buffer.getError().message().c_str());
  return std::move(*Buffer);
}

Error checkSupported(const Config &C) {
  if ((!C.Env.empty() || C.InheritEnv || !C.Dirs.empty() ||
       !C.Bundles.empty()) &&
      C.Emit != EmitKind::Exe)
    return createStringError(inconvertibleErrorCode(),
                             "--dir, --bundle, --env and --inherit-env are for "
                             "executables (--emit=exe)");
  for (const DirMapping &D : C.Dirs)
    if (D.Host.empty() || D.Guest.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--dir needs a host and a guest path, got '%s::%s'",
                               D.Host.c_str(), D.Guest.c_str());
  return Error::success();
}

namespace {

/// The capabilities of an executable, for the runtime's configuration.
lowering::Capabilities capabilities(const Config &C) {
  lowering::Capabilities Caps;
  Caps.InheritEnv = C.InheritEnv;
  Caps.Env = C.Env;
  for (const DirMapping &D : C.Dirs)
    Caps.Dirs.emplace_back(D.Host, D.Guest);
  return Caps;
}

} // namespace

Error compile(const Config &C) {
  if (Error E = checkSupported(C))
    return E;
  auto Buffer = readInput(C.Input);
  if (!Buffer)
    return Buffer.takeError();
  ArrayRef<uint8_t> Contents(
      reinterpret_cast<const uint8_t *>((*Buffer)->getBufferStart()),
      (*Buffer)->getBufferSize());
  frontend::FrontendOptions Frontend;
  Frontend.Wasm2Only = C.Wasm2Only;
  frontend::text::InputModule Input;
  auto WM = frontend::text::loadInput(Contents, Input, Frontend);
  if (C.Emit == EmitKind::Wasm) {
    // The binary is written if it is valid, or if what stops it is only a
    // feature the compiler does not support yet: other engines may run it.
    if (!WM) {
      Error E = WM.takeError();
      bool OnlyUnsupported = false;
      E = handleErrors(
          std::move(E),
          [&](std::unique_ptr<frontend::WasmError> W) -> Error {
            OnlyUnsupported = W->kind() == frontend::ErrorKind::Unsupported;
            return Error(std::move(W));
          },
          [&](std::unique_ptr<frontend::text::TextError> T) -> Error {
            OnlyUnsupported = T->kind() == frontend::ErrorKind::Unsupported;
            return Error(std::move(T));
          });
      if (!OnlyUnsupported || Input.Bytes.empty())
        return E;
      consumeError(std::move(E));
    }
    return writeOutput(C.Output,
                       StringRef(reinterpret_cast<const char *>(Input.Bytes.data()),
                                 Input.Bytes.size()));
  }
  if (!WM)
    return WM.takeError();

  if (C.Emit == EmitKind::Exe)
    if (Error E = lowering::checkExecutableImports(**WM, C.UnknownImportsTrap))
      return E;
  // Bundled trees are scanned before the long compile, so that a bad one
  // fails at once.
  std::optional<BundleTree> Bundle;
  if (!C.Bundles.empty()) {
    auto Tree = scanBundles(C.Bundles);
    if (!Tree)
      return Tree.takeError();
    Bundle = std::move(*Tree);
  }

  lowering::LoweringOptions Opts;
  Opts.BoundsChecks = C.Bounds == BoundsChecks::Explicit
                          ? lowering::BoundsCheckMode::Explicit
                          : lowering::BoundsCheckMode::Guard;
  Opts.TargetTriple = targetTriple(C.TargetArch);
  // The executable runtime starts the module through w2n_module.
  Opts.SymbolPrefix = C.Emit == EmitKind::Exe ? "w2n" : symbolPrefix(C);
  Opts.Executable = C.Emit == EmitKind::Exe;
  bool UnwindTables = lowering::mayUnwind(**WM, Opts);
  Progress P(sys::path::filename(C.Input));

  // Executables of large modules are lowered, optimised and compiled in
  // pieces, on -j N threads (default: one per core); small modules gain
  // nothing from a split.
  unsigned Pieces = C.Emit == EmitKind::Exe ? pieceCount(**WM) : 1;
  if (Pieces > 1) {
    if (C.Output == "-")
      return createStringError(inconvertibleErrorCode(),
                               "an executable cannot be written to stdout");
    unsigned Threads =
        C.Jobs ? C.Jobs : hardware_concurrency().compute_thread_count();
    auto Objects = compileInParallel(**WM, Opts, capabilities(C), C, Pieces,
                                     std::min(Threads, Pieces), P);
    if (!Objects)
      return Objects.takeError();
    std::vector<ArrayRef<char>> Refs(Objects->begin(), Objects->end());
    P.update("linking");
    return linkExecutable(Refs, C.TargetArch, C.Output, C.UnknownImportsTrap,
                          UnwindTables, Bundle ? &*Bundle : nullptr);
  }

  auto TM = createTargetMachine(C.TargetArch, C.OptLevel, C.Cpu);
  if (!TM)
    return TM.takeError();
  LLVMContext Ctx;
  // Local value names cost memory and time in every function; they only
  // help someone reading the IR.
  Ctx.setDiscardValueNames(C.Emit != EmitKind::LLVM);
  Opts.OnFunctionLowered = [&P](uint32_t Done, uint32_t Total) {
    P.update("lowering", Done, Total);
  };
  auto LM = lowering::lowerModule(**WM, Ctx, Opts);
  if (!LM)
    return LM.takeError();
  if (Error E = verifyLowered(**LM))
    return E;
  if (C.Emit == EmitKind::Exe)
    lowering::addExecutableConfig(**LM, **WM, capabilities(C));

  P.update("optimising");
  optimizeModule(**LM, **TM, C.OptLevel);
  P.update("generating code");

  SmallVector<char, 0> Out;
  switch (C.Emit) {
  case EmitKind::Wasm:
    break;
  case EmitKind::LLVM: {
    raw_svector_ostream OS(Out);
    (*LM)->print(OS, nullptr);
    break;
  }
  case EmitKind::Asm:
    if (Error E = emitCode(**LM, **TM, CodeGenFileType::AssemblyFile, Out))
      return E;
    break;
  case EmitKind::Obj:
    if (Error E = emitCode(**LM, **TM, CodeGenFileType::ObjectFile, Out))
      return E;
    break;
  case EmitKind::Exe:
    if (Error E = emitCode(**LM, **TM, CodeGenFileType::ObjectFile, Out))
      return E;
    if (C.Output == "-")
      return createStringError(inconvertibleErrorCode(),
                               "an executable cannot be written to stdout");
    P.update("linking");
    return linkExecutable({ArrayRef<char>(Out)}, C.TargetArch, C.Output,
                          C.UnknownImportsTrap, UnwindTables,
                          Bundle ? &*Bundle : nullptr);
  }
  if (Error E = writeOutput(C.Output, StringRef(Out.data(), Out.size())))
    return E;
  if (C.Emit == EmitKind::Obj && C.Output != "-") {
    // The file's name, not its path: the header must not depend on where
    // the build runs.
    std::string Header =
        makeCHeader(**WM, Opts.SymbolPrefix, sys::path::filename(C.Input));
    if (Error E = writeOutput(headerPath(C.Output), Header)) {
      sys::fs::remove(C.Output);
      return E;
    }
  }
  return Error::success();
}

} // namespace w2n::driver
