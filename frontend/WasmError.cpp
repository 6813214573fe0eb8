//===- WasmError.cpp ------------------------------------------------------===//
#include "frontend/WasmError.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace w2n::frontend {

char WasmError::ID = 0;

void WasmError::log(llvm::raw_ostream &OS) const {
  OS << llvm::format("0x%llx", (unsigned long long)Offset) << ": " << Message;
}

std::error_code WasmError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

llvm::Error makeMalformed(uint64_t Offset, const llvm::Twine &Msg) {
  return llvm::make_error<WasmError>(ErrorKind::Malformed, Offset, Msg.str());
}

llvm::Error makeInvalid(uint64_t Offset, const llvm::Twine &Msg) {
  return llvm::make_error<WasmError>(ErrorKind::Invalid, Offset, Msg.str());
}

llvm::Error makeUnsupported(uint64_t Offset, Proposal P,
                            const llvm::Twine &What) {
  return llvm::make_error<WasmError>(
      ErrorKind::Unsupported, Offset,
      ("not supported yet: " + proposalName(P) + ": " + What).str());
}

} // namespace w2n::frontend
