//===- WasmError.h - User-caused failures with a byte offset ----*- C++ -*-===//
#ifndef W2N_FRONTEND_WASMERROR_H
#define W2N_FRONTEND_WASMERROR_H

#include "frontend/Opcode.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace w2n::frontend {

/// Whether the spec would call the module malformed (it does not decode) or
/// invalid (it decodes but does not validate). The spec suite tells them
/// apart, so every error says which it is. Unsupported: the module uses a
/// construct of a proposal (Proposal) that the compiler does not support
/// yet; whether it is otherwise valid is not known. It ranks with
/// Malformed: decoding stops there.
enum class ErrorKind : uint8_t { Malformed, Invalid, Unsupported };

/// An error in the input module, at a byte offset of the file. Printed once,
/// by the driver, as `FILE:0xOFFSET: error: MESSAGE`.
class WasmError : public llvm::ErrorInfo<WasmError> {
public:
  static char ID;

  WasmError(ErrorKind Kind, uint64_t Offset, std::string Message)
      : Kind(Kind), Offset(Offset), Message(std::move(Message)) {}

  ErrorKind kind() const { return Kind; }
  uint64_t offset() const { return Offset; }
  const std::string &text() const { return Message; }

  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  ErrorKind Kind;
  uint64_t Offset;
  std::string Message;
};

[[gnu::cold]] llvm::Error makeMalformed(uint64_t Offset, const llvm::Twine &Msg);
[[gnu::cold]] llvm::Error makeInvalid(uint64_t Offset, const llvm::Twine &Msg);
/// "not supported yet: <proposal name>: <What>", What naming the construct
/// (an operator's name, "tag section", ...).
[[gnu::cold]] llvm::Error makeUnsupported(uint64_t Offset, Proposal P,
                                          const llvm::Twine &What);

} // namespace w2n::frontend

#endif
