//===- Compile.cpp --------------------------------------------------------===//
#include "driver/Compile.h"

#include "driver/Bundle.h"
#include "driver/CHeader.h"
#include "driver/Codegen.h"
#include "driver/Link.h"
#include "driver/Parallel.h"
#include "driver/Progress.h"
#include "frontend/Frontend.h"
#include "lowering/Lowering.h"
#include "w2n/exe.h"
#include "w2n/wasi.h"

#include "llvm/ADT/StringSet.h"
#include <optional>
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

namespace w2n::driver {

using namespace llvm;

namespace {

/// Modules this large (the .wasm file's size) are compiled on every core by
/// default.
constexpr size_t ParallelThreshold = 512 * 1024;

/// Writes Bytes to Path through a temporary file in the same directory, so
/// that a failure leaves nothing behind and a success replaces atomically.
Error writeFileAtomically(StringRef Path, StringRef Bytes) {
  if (Path == "-") {
    outs() << Bytes;
    outs().flush();
    return Error::success();
  }
  SmallString<128> Model(Path);
  Model += ".tmp%%%%%%";
  int FD;
  SmallString<128> TempPath;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, TempPath))
    return createStringError(EC, "cannot create '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Bytes;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(TempPath);
      return createStringError(EC, "cannot write '%s': %s",
                               Path.str().c_str(), EC.message().c_str());
    }
  }
  if (std::error_code EC = sys::fs::rename(TempPath, Path)) {
    sys::fs::remove(TempPath);
    return createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  }
  return Error::success();
}

/// An executable's imports must be functions of wasi_snapshot_preview1
/// with their WASI signatures, which the runtime provides.
Error checkImports(const frontend::Module &M, const Config &C) {
  if (C.UnknownImportsTrap)
    return Error::success();
  for (const frontend::Import &Imp : M.Imports) {
    bool Provided = false;
    if (Imp.Module == W2N_WASI_MODULE &&
        Imp.Kind == frontend::ExternalKind::Func) {
      const frontend::FuncType &FT = M.Types[Imp.FuncTypeIndex];
      std::string Sig;
      for (frontend::ValType T : FT.Params)
        Sig += T == frontend::ValType::I64 ? 'l' : 'i';
      Sig += '_';
      for (frontend::ValType T : FT.Results)
        Sig += T == frontend::ValType::I64 ? 'l' : 'i';
      bool Scalar = llvm::all_of(FT.Params, [](frontend::ValType T) {
                      return T == frontend::ValType::I32 ||
                             T == frontend::ValType::I64;
                    }) &&
                    llvm::all_of(FT.Results, [](frontend::ValType T) {
                      return T == frontend::ValType::I32 ||
                             T == frontend::ValType::I64;
                    });
#define W2N_WASI_MATCH(Ident, Name, Signature)                                 \
  if (Imp.Field == Name && Sig == Signature)                                   \
    Provided = Scalar;
      W2N_WASI_FUNCTIONS(W2N_WASI_MATCH)
#undef W2N_WASI_MATCH
    }
    if (!Provided)
      return frontend::makeInvalid(
          Imp.Offset, "unknown import \"" + Imp.Module + "\" \"" + Imp.Field +
                          "\": executables provide the functions of "
                          "wasi_snapshot_preview1 (--allow-unknown-imports=trap "
                          "makes calls to others trap)");
  }
  return Error::success();
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

/// The capabilities of an executable, as the constant its runtime reads at
/// start-up (w2n/exe.h).
void addExeConfig(Module &M, const Config &C,
                  const frontend::Module &Wasm) {
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  PointerType *Ptr = PointerType::get(Ctx, 0);
  auto String = [&](StringRef S, const Twine &Name) -> Constant * {
    return new GlobalVariable(
        M, ArrayType::get(Type::getInt8Ty(Ctx), S.size() + 1), true,
        GlobalValue::PrivateLinkage, ConstantDataArray::getString(Ctx, S, true),
        Name);
  };
  /* A constant array of Elems, or null when there are none. */
  auto List = [&](Type *ElemTy, ArrayRef<Constant *> Elems,
                  const Twine &Name) -> Constant * {
    if (Elems.empty())
      return ConstantPointerNull::get(Ptr);
    auto *Ty = ArrayType::get(ElemTy, Elems.size());
    return new GlobalVariable(M, Ty, true, GlobalValue::PrivateLinkage,
                              ConstantArray::get(Ty, Elems), Name);
  };
  SmallVector<Constant *, 8> Env;
  for (const auto &[Name, Value] : C.Env)
    Env.push_back(String(Name + "=" + Value, "env"));
  auto *DirTy = StructType::get(Ctx, {Ptr, Ptr});
  SmallVector<Constant *, 8> Dirs;
  for (const DirMapping &D : C.Dirs)
    Dirs.push_back(ConstantStruct::get(
        DirTy, {String(D.Host, "dir.host"), String(D.Guest, "dir.guest")}));
  auto *ConfigTy = StructType::get(Ctx, {I32, I32, I32, I32, Ptr, Ptr});
  new GlobalVariable(
      M, ConfigTy, true, GlobalValue::ExternalLinkage,
      ConstantStruct::get(ConfigTy,
                          {ConstantInt::get(I32, W2N_EXE_CONFIG_VERSION),
                           ConstantInt::get(I32, C.InheritEnv),
                           ConstantInt::get(I32, Env.size()),
                           ConstantInt::get(I32, Dirs.size()),
                           List(Ptr, Env, "env.list"),
                           List(DirTy, Dirs, "dirs")}),
      W2N_EXE_CONFIG_SYMBOL);

  // The WASI functions the module imports, by their index in
  // W2N_WASI_FUNCTIONS; only these are linked, so an executable carries no
  // code for the functions it never calls.
  StringSet<> Imported;
  for (const frontend::Import &Imp : Wasm.Imports)
    if (Imp.Module == W2N_WASI_MODULE &&
        Imp.Kind == frontend::ExternalKind::Func)
      Imported.insert(Imp.Field);
  SmallVector<Constant *, W2N_WASI_FUNCTION_COUNT> Fns;
  auto *FnTy = FunctionType::get(Type::getVoidTy(Ctx), false);
#define W2N_WASI_ENTRY(Ident, Name, Sig)                                       \
  Fns.push_back(Imported.contains(Name)                                        \
                    ? cast<Constant>(M.getOrInsertFunction("w2n_wasi_" #Ident, \
                                                           FnTy)               \
                                         .getCallee())                         \
                    : ConstantPointerNull::get(Ptr));
  W2N_WASI_FUNCTIONS(W2N_WASI_ENTRY)
#undef W2N_WASI_ENTRY
  auto *FnsTy = ArrayType::get(Ptr, Fns.size());
  new GlobalVariable(M, FnsTy, true, GlobalValue::ExternalLinkage,
                     ConstantArray::get(FnsTy, Fns), W2N_EXE_WASI_SYMBOL);
}

} // namespace

Error compile(const Config &C) {
  if (Error E = checkSupported(C))
    return E;
  auto Buffer = readInput(C.Input);
  if (!Buffer)
    return Buffer.takeError();
  ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>((*Buffer)->getBufferStart()),
      (*Buffer)->getBufferSize());
  auto WM = frontend::loadModule(Bytes);
  if (!WM)
    return WM.takeError();

  if (C.Emit == EmitKind::Exe)
    if (Error E = checkImports(**WM, C))
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

  auto TM = createTargetMachine(C.TargetArch, C.OptLevel, C.Cpu);
  if (!TM)
    return TM.takeError();
  Progress P(sys::path::filename(C.Input));
  LLVMContext Ctx;
  // Local value names cost memory and time in every function; they only
  // help someone reading the IR.
  Ctx.setDiscardValueNames(C.Emit != EmitKind::LLVM);
  lowering::LoweringOptions Opts;
  Opts.BoundsChecks = C.Bounds == BoundsChecks::Explicit
                          ? lowering::BoundsCheckMode::Explicit
                          : lowering::BoundsCheckMode::Guard;
  Opts.TargetTriple = targetTriple(C.TargetArch);
  // The executable runtime starts the module through w2n_module.
  Opts.SymbolPrefix = C.Emit == EmitKind::Exe ? "w2n" : symbolPrefix(C);
  Opts.OnFunctionLowered = [&P](uint32_t Done, uint32_t Total) {
    P.update("lowering", Done, Total);
  };
  auto LM = lowering::lowerModule(**WM, Ctx, Opts);
  if (!LM)
    return LM.takeError();
  std::string VerifyErrors;
  raw_string_ostream VOS(VerifyErrors);
  if (verifyModule(**LM, &VOS))
    return createStringError(inconvertibleErrorCode(),
                             "internal error: the lowered module is not "
                             "valid LLVM IR:\n" + VerifyErrors);
  if (C.Emit == EmitKind::Exe)
    addExeConfig(**LM, C, **WM);

  // Executables of large modules are optimised and compiled in pieces on
  // every core (-j N chooses; small modules gain nothing from a split).
  unsigned Threads = C.Jobs;
  if (!Threads)
    Threads = Bytes.size() >= ParallelThreshold
                  ? hardware_concurrency().compute_thread_count()
                  : 1;
  if (C.Emit == EmitKind::Exe && Threads > 1) {
    if (C.Output == "-")
      return createStringError(inconvertibleErrorCode(),
                               "an executable cannot be written to stdout");
    auto Objects = compileInParallel(std::move(*LM), C, Threads, P);
    if (!Objects)
      return Objects.takeError();
    std::vector<ArrayRef<char>> Refs(Objects->begin(), Objects->end());
    P.update("linking");
    return linkExecutable(Refs, C.TargetArch, C.Output, C.UnknownImportsTrap,
                          Bundle ? &*Bundle : nullptr);
  }
  P.update("optimising");
  optimizeModule(**LM, **TM, C.OptLevel);
  P.update("generating code");

  SmallVector<char, 0> Out;
  switch (C.Emit) {
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
                          C.UnknownImportsTrap, Bundle ? &*Bundle : nullptr);
  }
  if (Error E = writeFileAtomically(C.Output, StringRef(Out.data(), Out.size())))
    return E;
  if (C.Emit == EmitKind::Obj && C.Output != "-") {
    std::string Header = makeCHeader(**WM, Opts.SymbolPrefix, C.Input);
    if (Error E = writeFileAtomically(headerPath(C.Output), Header)) {
      sys::fs::remove(C.Output);
      return E;
    }
  }
  return Error::success();
}

} // namespace w2n::driver
