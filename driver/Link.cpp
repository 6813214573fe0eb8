//===- Link.cpp -----------------------------------------------------------===//
//
// The runtime archives are built at build time for every target and carried
// inside the compiler (RuntimeArchives.S), so that linking needs no sysroot,
// no cross toolchain and no external linker: the object and the archive are
// written to a temporary directory and lld's ELF driver links them.
//
//===----------------------------------------------------------------------===//
#include "driver/Link.h"
#include "driver/Bundle.h"

#include "lld/Common/Driver.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <mutex>

LLD_HAS_DRIVER(elf)

extern "C" {
extern const char w2n_rt_x86_64_begin[], w2n_rt_x86_64_end[];
extern const char w2n_rt_aarch64_begin[], w2n_rt_aarch64_end[];
extern const char w2n_rt_riscv64_begin[], w2n_rt_riscv64_end[];
}

namespace w2n::driver {

using namespace llvm;

ArrayRef<char> runtimeArchive(Target T) {
  switch (T) {
  case Target::X86_64Linux:
    return {w2n_rt_x86_64_begin, w2n_rt_x86_64_end};
  case Target::AArch64Linux:
    return {w2n_rt_aarch64_begin, w2n_rt_aarch64_end};
  case Target::RISCV64Linux:
    return {w2n_rt_riscv64_begin, w2n_rt_riscv64_end};
  }
  llvm_unreachable("unknown target");
}

namespace {

const char *emulation(Target T) {
  switch (T) {
  case Target::X86_64Linux: return "elf_x86_64";
  case Target::AArch64Linux: return "aarch64linux";
  case Target::RISCV64Linux: return "elf64lriscv";
  }
  llvm_unreachable("unknown target");
}

Error writeFile(StringRef Path, ArrayRef<char> Bytes) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  OS.write(Bytes.data(), Bytes.size());
  OS.close();
  if (OS.has_error()) {
    std::error_code WriteEC = OS.error();
    OS.clear_error();
    return createStringError(WriteEC, "cannot write '%s'", Path.str().c_str());
  }
  return Error::success();
}

/// Removes a directory and its files when it goes out of scope.
struct TempDir {
  SmallString<128> Path;
  ~TempDir() {
    if (!Path.empty())
      sys::fs::remove_directories(Path);
  }
};

} // namespace

Error linkExecutable(ArrayRef<ArrayRef<char>> Objects, Target T,
                     StringRef Output,
                     bool UnknownImportsTrap, bool UnwindTables,
                     const BundleTree *Bundle) {
  ArrayRef<char> Runtime = runtimeArchive(T);
  if (Runtime.empty())
    return createStringError(inconvertibleErrorCode(),
                             "this wasm2native carries no runtime for the "
                             "target");
  TempDir Dir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("w2n-link", Dir.Path))
    return createStringError(EC, "cannot create a temporary directory: %s",
                             EC.message().c_str());
  SmallString<128> RtPath(Dir.Path);
  sys::path::append(RtPath, "libw2nrt.a");
  std::vector<std::string> ObjPaths;
  for (size_t I = 0; I < Objects.size(); ++I) {
    SmallString<128> ObjPath(Dir.Path);
    sys::path::append(ObjPath, "module" + std::to_string(I) + ".o");
    ObjPaths.push_back(std::string(ObjPath));
  }
  // The executable is written beside Output, then renamed into place, so
  // that a failure leaves nothing at Output.
  SmallString<128> OutPath;
  {
    SmallString<128> Model(Output);
    Model += ".tmp%%%%%%";
    sys::fs::createUniquePath(Model, OutPath, /*MakeAbsolute=*/false);
  }
  for (size_t I = 0; I < Objects.size(); ++I)
    if (Error E = writeFile(ObjPaths[I], Objects[I]))
      return E;
  if (Error E = writeFile(RtPath, Runtime))
    return E;

  SmallVector<const char *, 24> Args = {
      "ld.lld",  "-m",          emulation(T),      "-static",
      "--gc-sections", "-z",   "noexecstack",     "--build-id=none",
      "-e",      "_start",      "-o",              OutPath.c_str()};
  for (const std::string &P : ObjPaths)
    Args.push_back(P.c_str());
  Args.push_back(RtPath.c_str());
  // The runtime tests this weak symbol's address (exe/start.c).
  if (UnknownImportsTrap)
    Args.push_back("--defsym=w2n_unknown_imports_trap=1");
  if (UnwindTables)
    Args.push_back("--eh-frame-hdr");
  SmallString<128> BundlePath(Dir.Path), ScriptPath(Dir.Path);
  sys::path::append(BundlePath, "bundle.o");
  sys::path::append(ScriptPath, "bundle.ld");
  if (Bundle) {
    if (Error E = writeBundleObject(*Bundle, T, BundlePath))
      return E;
    if (Error E = writeFile(ScriptPath, ArrayRef<char>(BundleLinkerScript,
                                                       std::strlen(BundleLinkerScript))))
      return E;
    Args.append({BundlePath.c_str(), "-T", ScriptPath.c_str()});
  }
  std::string Diagnostics;
  raw_string_ostream Diag(Diagnostics);
  // lld keeps global state: one link at a time.
  static std::mutex LinkMutex;
  std::lock_guard<std::mutex> Lock(LinkMutex);
  lld::Result R = lld::lldMain(Args, Diag, Diag, {{lld::Gnu, &lld::elf::link}});
  if (R.retCode != 0) {
    sys::fs::remove(OutPath);
    return createStringError(inconvertibleErrorCode(),
                             "linking failed:\n" + Diag.str());
  }
  if (std::error_code EC = sys::fs::setPermissions(
          OutPath, sys::fs::perms(sys::fs::all_read | sys::fs::all_exe |
                                  sys::fs::owner_write))) {
    sys::fs::remove(OutPath);
    return createStringError(EC, "cannot make the output executable");
  }
  if (std::error_code EC = sys::fs::rename(OutPath, Output)) {
    sys::fs::remove(OutPath);
    return createStringError(EC, "cannot write '%s': %s", Output.str().c_str(),
                             EC.message().c_str());
  }
  return Error::success();
}

} // namespace w2n::driver
