//===- Executable.cpp - WASI imports and the executable's configuration ---===//
#include "lowering/Executable.h"

#include "frontend/WasmError.h"
#include "w2n/exe.h"
#include "w2n/wasi.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"

#include <optional>

namespace w2n::lowering {

using namespace llvm;

/// The signature of type TypeIndex in W2N_WASI_FUNCTIONS' notation ("il_i"),
/// or none when a host function cannot have the type: a host function
/// takes and returns i32 and i64 only, and its type is final and a
/// recursion group of its own.
static std::optional<std::string> hostSignature(const frontend::Module &M,
                                                uint32_t TypeIndex) {
  const frontend::SubTypeInfo &Info = M.TypeInfos[TypeIndex];
  if (!Info.Final || Info.GroupSize != 1)
    return std::nullopt;
  const frontend::FuncType &FT = M.Types[TypeIndex];
  std::string Sig;
  auto Add = [&](ArrayRef<frontend::ValType> Types) {
    for (frontend::ValType T : Types) {
      if (T != frontend::ValType::I32 && T != frontend::ValType::I64)
        return false;
      Sig += T == frontend::ValType::I64 ? 'l' : 'i';
    }
    return true;
  };
  if (!Add(FT.Params))
    return std::nullopt;
  Sig += '_';
  if (!Add(FT.Results))
    return std::nullopt;
  return Sig;
}

Error checkExecutableImports(const frontend::Module &M,
                             bool UnknownImportsTrap) {
  if (UnknownImportsTrap)
    return Error::success();
  for (const frontend::Import &Imp : M.Imports) {
    // The runtime makes an imported memory as it declares itself (shared,
    // for WASI threads), and provides wasi-threads' thread-spawn.
    bool Provided = Imp.Kind == frontend::ExternalKind::Memory;
    std::optional<std::string> Sig;
    if (Imp.Kind == frontend::ExternalKind::Func)
      Sig = hostSignature(M, Imp.FuncTypeIndex);
    if (Sig && Imp.Module == "wasi" && Imp.Field == "thread-spawn")
      Provided = *Sig == "i_i";
    if (Sig && Imp.Module == W2N_WASI_MODULE) {
#define W2N_WASI_MATCH(Ident, Name, Signature)                                 \
  if (Imp.Field == Name && *Sig == Signature)                                  \
    Provided = true;
      W2N_WASI_FUNCTIONS(W2N_WASI_MATCH)
#undef W2N_WASI_MATCH
    }
    if (!Provided)
      return frontend::makeInvalid(
          Imp.Offset,
          "unknown import \"" + Imp.Module + "\" \"" + Imp.Field +
              "\": executables provide the functions of "
              "wasi_snapshot_preview1, wasi-threads' \"wasi\" "
              "\"thread-spawn\" and imported memories "
              "(--allow-unknown-imports=trap makes calls to other "
              "functions trap)");
  }
  return Error::success();
}

void addExecutableConfig(Module &M, const frontend::Module &Wasm,
                         const Capabilities &C) {
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
  for (const auto &[Host, Guest] : C.Dirs)
    Dirs.push_back(ConstantStruct::get(
        DirTy, {String(Host, "dir.host"), String(Guest, "dir.guest")}));
  auto *ConfigTy = StructType::get(Ctx, {I32, I32, I32, I32, Ptr, Ptr});
  new GlobalVariable(
      M, ConfigTy, true, GlobalValue::ExternalLinkage,
      ConstantStruct::get(
          ConfigTy, {ConstantInt::get(I32, W2N_EXE_CONFIG_VERSION),
                     ConstantInt::get(I32, C.InheritEnv),
                     ConstantInt::get(I32, Env.size()),
                     ConstantInt::get(I32, Dirs.size()),
                     List(Ptr, Env, "env.list"), List(DirTy, Dirs, "dirs")}),
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
  Fns.push_back(                                                               \
      Imported.contains(Name)                                                  \
          ? cast<Constant>(                                                    \
                M.getOrInsertFunction("w2n_wasi_" #Ident, FnTy).getCallee())   \
          : ConstantPointerNull::get(Ptr));
  W2N_WASI_FUNCTIONS(W2N_WASI_ENTRY)
#undef W2N_WASI_ENTRY
  auto *FnsTy = ArrayType::get(Ptr, Fns.size());
  new GlobalVariable(M, FnsTy, true, GlobalValue::ExternalLinkage,
                     ConstantArray::get(FnsTy, Fns), W2N_EXE_WASI_SYMBOL);
}

} // namespace w2n::lowering
