//===- NameSection.h - The "name" custom section ----------------*- C++ -*-===//
#ifndef W2N_FRONTEND_NAMESECTION_H
#define W2N_FRONTEND_NAMESECTION_H

#include "frontend/Module.h"

namespace w2n::frontend {

/// Reads the module, function and local names from the contents of a "name"
/// section into M. A malformed name section is ignored as a whole, as the
/// spec says of custom sections: M is left without names.
void readNameSection(Module &M, const uint8_t *FileBegin,
                     llvm::ArrayRef<uint8_t> Contents);

} // namespace w2n::frontend

#endif
