//===- Link.h - Executables, linked in process with lld ---------*- C++ -*-===//
#ifndef W2N_DRIVER_LINK_H
#define W2N_DRIVER_LINK_H

#include "driver/Config.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace w2n::driver {

/// The static runtime archive for T that this compiler carries, or an
/// empty array when it was built without one.
llvm::ArrayRef<char> runtimeArchive(Target T);

/// Links Objects (a compiled module, whose descriptor is w2n_module, in one
/// or more pieces) with the
/// runtime for T into a static executable at Output, with lld in process.
/// With UnknownImportsTrap, the runtime binds imports it does not provide
/// to a function that traps. A Bundle, when given, is written beside the
/// object and placed after everything else. With UnwindTables, the
/// linker indexes the objects' unwind tables (.eh_frame_hdr), which the
/// runtime's exception unwinder searches.
struct BundleTree;
llvm::Error linkExecutable(llvm::ArrayRef<llvm::ArrayRef<char>> Objects,
                           Target T,
                           llvm::StringRef Output, bool UnknownImportsTrap,
                           bool UnwindTables,
                           const BundleTree *Bundle = nullptr);

} // namespace w2n::driver

#endif
