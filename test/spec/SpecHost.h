//===- SpecHost.h - The spec suite's "spectest" host module -----*- C++ -*-===//
//
// What the reference interpreter provides to every script under the module
// name "spectest": functions that print (here: do nothing), four constant
// globals, a table (and one indexed by i64) and a memory. One per script:
// scripts change the tables and the memory.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECHOST_H
#define W2N_TEST_SPEC_SPECHOST_H

#include "w2n/embed.h"

#include "llvm/ADT/StringRef.h"

#include <array>

namespace w2n::spec {

class SpectestHost {
public:
  SpectestHost();
  ~SpectestHost();
  SpectestHost(const SpectestHost &) = delete;
  SpectestHost &operator=(const SpectestHost &) = delete;

  /// The export called Name; an extern tagged W2N_EXTERN_NONE if there is
  /// none.
  w2n_extern lookup(llvm::StringRef Name) const;

private:
  w2n_memory *Memory;
  w2n_memory *SharedMemory;
  w2n_table *Table;
  w2n_table *Table64; // indexed by i64 (memory64's spectest)
  /// global_i32, global_i64, global_f32, global_f64.
  std::array<w2n_value, 4> Globals{};
};

} // namespace w2n::spec

#endif
