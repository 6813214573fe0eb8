//===- Run.cpp ------------------------------------------------------------===//
//
// The cache is content-addressed: an entry's name is the SHA-256 of what
// determines the executable, so a second run of the same module with the
// same flags starts at once, and a changed module, flag or compiler can
// never pick up a stale entry. Entries are written whole and renamed into
// place (by compile()), so concurrent runs are safe: each executes a whole
// file, its own or another's.
//
//===----------------------------------------------------------------------===//
#include "driver/Run.h"
#include "driver/Bundle.h"

#include "driver/Codegen.h"
#include "driver/Compile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/xxhash.h"

#include <dlfcn.h>

#include <unistd.h>

namespace w2n::driver {

using namespace llvm;

/// What identifies this compiler: a hash of its own executable, which
/// carries the runtime archives, and the version and file of the LLVM
/// library it runs with. Any rebuilt compiler, or another LLVM, misses the
/// entries of the one before.
static const std::string &compilerIdentity() {
  static const std::string Identity = [] {
    std::string Id = "wasm2native " W2N_VERSION " LLVM " LLVM_VERSION_STRING;
    std::string Exe = sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&cacheDirectory));
    auto Bytes = MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                       /*RequiresNullTerminator=*/false);
    if (!Bytes)
      return Id + " unreadable:" + Exe; // still distinct from any hash
    XXH128_hash_t H = xxh3_128bits(arrayRefFromStringRef((*Bytes)->getBuffer()));
    Id += " exe:" + utohexstr(H.high64) + utohexstr(H.low64);
    // The shared libLLVM: a Debian upgrade can replace it in place.
    Dl_info Info;
    sys::fs::file_status Status;
    if (dladdr(reinterpret_cast<void *>(&xxh3_128bits), &Info) &&
        Info.dli_fname && !sys::fs::status(Info.dli_fname, Status))
      Id += std::string(" lib:") + Info.dli_fname + ":" +
            std::to_string(Status.getSize()) + ":" +
            std::to_string(
                Status.getLastModificationTime().time_since_epoch().count());
    return Id;
  }();
  return Identity;
}

std::string cacheDirectory() {
  SmallString<128> Dir;
  if (std::optional<std::string> Xdg = sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && !Xdg->empty())
    Dir = *Xdg;
  else if (std::optional<std::string> Home = sys::Process::GetEnv("HOME"))
    sys::path::append(Dir, *Home, ".cache");
  else
    Dir = "/tmp";
  sys::path::append(Dir, "wasm2native");
  return std::string(Dir);
}

Expected<std::string> cachePath(const Config &C) {
  auto Buffer = readInput(C.Input);
  if (!Buffer)
    return Buffer.takeError();
  SHA256 Hash;
  auto Field = [&](StringRef S) {
    // Length-prefixed, so that no two different inputs hash alike.
    Hash.update(std::to_string(S.size()) + ":");
    Hash.update(S);
  };
  Field(compilerIdentity());
  Field(targetTriple(C.TargetArch));
  Field(std::to_string(C.OptLevel));
  Field(C.Bounds == BoundsChecks::Explicit ? "explicit" : "guard");
  Field("cpu=" + C.Cpu);
  for (const std::string &O : C.LLVMOptions)
    Field("llvm-option=" + O);
  Field(C.UnknownImportsTrap ? "unknown-imports=trap" : "unknown-imports=refuse");
  Field(C.InheritEnv ? "inherit-env" : "no-inherit-env");
  for (const auto &[Name, Value] : C.Env)
    Field(Name + "=" + Value);
  for (const DirMapping &D : C.Dirs) {
    Field("dir");
    Field(D.Host);
    Field(D.Guest);
  }
  // A bundle by what its tree holds: names, types, sizes, modes and times
  // (a changed file has a new time), not by reading every byte.
  if (!C.Bundles.empty()) {
    auto Tree = scanBundles(C.Bundles);
    if (!Tree)
      return Tree.takeError();
    for (const DirMapping &B : C.Bundles)
      Field("bundle:" + B.Guest);
    Field(Tree->Names);
    Field(StringRef(reinterpret_cast<const char *>(Tree->Nodes.data()),
                    Tree->Nodes.size() * sizeof(w2n_bundle_node)));
  }
  Field((*Buffer)->getBuffer());
  std::string Key = toHex(Hash.final(), /*LowerCase=*/true);
  SmallString<128> Path(cacheDirectory());
  sys::path::append(Path, Key);
  return std::string(Path);
}

Error runModule(const Config &C) {
  Config Exe = C;
  Exe.Emit = EmitKind::Exe;
  if (Error E = checkSupported(Exe))
    return E;
  auto Path = cachePath(C);
  if (!Path)
    return Path.takeError();
  if (!sys::fs::exists(*Path)) {
    if (std::error_code EC = sys::fs::create_directories(cacheDirectory()))
      return createStringError(EC, "cannot create the cache directory '%s': %s",
                               cacheDirectory().c_str(), EC.message().c_str());
    Config Compile = C;
    Compile.Output = *Path;
    Compile.Emit = EmitKind::Exe;
    if (Error E = compile(Compile))
      return E;
  }
  // The program sees the module's path as its name, as under Wasmtime.
  std::vector<char *> Argv;
  Argv.push_back(const_cast<char *>(C.Input.c_str()));
  for (const std::string &A : C.RunArgs)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  execv(Path->c_str(), Argv.data());
  return createStringError(std::error_code(errno, std::generic_category()),
                           "cannot execute '%s': %s", Path->c_str(),
                           strerror(errno));
}

} // namespace w2n::driver
