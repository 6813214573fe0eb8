//===- TextError.h - Errors in WAT and WAST source --------------*- C++ -*-===//
#ifndef W2N_FRONTEND_TEXT_TEXTERROR_H
#define W2N_FRONTEND_TEXT_TEXTERROR_H

#include "frontend/WasmError.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace w2n::frontend::text {

/// A position in source text, both 1-based; columns count bytes.
struct LineCol {
  uint32_t Line = 1;
  uint32_t Col = 1;
};

/// The line and column of byte Offset of Source.
LineCol lineColOf(llvm::StringRef Source, size_t Offset);

/// Source text that the spec calls malformed: it is not a module (or
/// script) of the text format; or an error the decoder or validator found
/// in the encoding of text, traced back to the source (with its kind).
/// Printed by the driver as `FILE:LINE:COL: error: MESSAGE`.
class TextError : public llvm::ErrorInfo<TextError> {
public:
  static char ID;

  TextError(LineCol Where, std::string Message,
            ErrorKind Kind = ErrorKind::Malformed)
      : Where(Where), Message(std::move(Message)), Kind(Kind) {}

  LineCol where() const { return Where; }
  ErrorKind kind() const { return Kind; }
  const std::string &text() const { return Message; }

  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  LineCol Where;
  std::string Message;
  ErrorKind Kind;
};

/// An error at byte Offset of Source.
[[gnu::cold]] llvm::Error makeTextError(llvm::StringRef Source, size_t Offset,
                                        const llvm::Twine &Message);

} // namespace w2n::frontend::text

#endif
