//===- Bundle.h - Directory trees packed into the executable ----*- C++ -*-===//
//
// --bundle=HOST_DIR[::GUEST_DIR]: the trees are scanned before anything is
// compiled (so that a bad tree fails at once), and written as an ELF object
// holding one section, w2n_bundle, in the layout of w2n/bundle.h, which the
// link places after everything else. File contents are streamed from the
// host into the object, never held in memory, so bundles of several GiB
// cost no more memory than small ones.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_BUNDLE_H
#define W2N_DRIVER_BUNDLE_H

#include "driver/Config.h"
#include "w2n/bundle.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace w2n::driver {

/// The scanned trees: everything of the image but the files' contents.
struct BundleTree {
  std::vector<w2n_bundle_root> Roots;
  std::vector<w2n_bundle_node> Nodes;
  std::string Names;
  /// The host path of each regular file, with its node's index.
  std::vector<std::pair<uint32_t, std::string>> Files;
  /// Offset of the first file's contents, and the whole image's size.
  uint64_t DataOffset = 0;
  uint64_t ImageSize = 0;
};

/// Scans each mapping's host tree: directories, regular files, and symbolic
/// links whose targets stay inside the tree; anything else (an absolute or
/// escaping link, a device, a FIFO, a socket, an unreadable directory) is
/// an error naming the path.
llvm::Expected<BundleTree> scanBundles(llvm::ArrayRef<DirMapping> Bundles);

/// Writes Tree, with its files' contents, as a relocatable ELF object for
/// T at Path. Fails if a file's size changed since the scan.
llvm::Error writeBundleObject(const BundleTree &Tree, Target T,
                              llvm::StringRef Path);

/// The linker script fragment that places w2n_bundle after .bss.
extern const char BundleLinkerScript[];

} // namespace w2n::driver

#endif
