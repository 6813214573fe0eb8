//===- Text.h - WAT modules to the binary format ----------------*- C++ -*-===//
//
// The text format is read into the bytes of the binary format, which the
// decoder and validator then read like any .wasm: one path for both
// formats. Text errors (the spec calls them all malformed) are TextErrors
// with a line and column; errors that the decoder or validator find in the
// bytes can be traced back to the source through the SourceMap.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_TEXT_H
#define W2N_FRONTEND_TEXT_TEXT_H

#include "frontend/Frontend.h"
#include "frontend/text/Lexer.h"
#include "frontend/text/TextError.h"

#include "llvm/ADT/ArrayRef.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace w2n::frontend::text {

struct TextOptions {
  /// Read WebAssembly 2.0 text only, where 3.0 reads it differently: a
  /// memory offset of 2^32 or more is malformed rather than left to the
  /// validator (the 2.0 spec suite tests it so).
  bool Wasm2Only = false;
  /// Write a name section with the functions' and locals' $ids, so that
  /// traps and symbols name them.
  bool Names = true;
};

/// Which source offset each stretch of the binary came from, sorted by
/// binary offset.
class SourceMap {
public:
  void add(size_t BinaryOffset, size_t SourceOffset) {
    Entries.emplace_back(uint32_t(BinaryOffset), uint32_t(SourceOffset));
  }
  /// The source offset of the last entry at or before BinaryOffset.
  size_t sourceOffset(uint64_t BinaryOffset) const;

  std::vector<std::pair<uint32_t, uint32_t>> Entries;
};

struct BinaryModule {
  std::vector<uint8_t> Bytes;
  SourceMap Map;
  std::string Id; ///< the module's $id, if it has one
};

/// Whether Bytes look like a text module: after white space, a parenthesis
/// or a comment. Content decides, not the file name; everything else is
/// for the binary decoder (which starts with "\0asm").
bool isTextModule(llvm::ArrayRef<uint8_t> Bytes);

/// Encodes a text module: `(module $id? field*)`, or the fields alone.
llvm::Expected<BinaryModule> encodeModule(llvm::StringRef Source,
                                          const TextOptions &Opts = {});

/// Encodes the module whose fields start at token Pos of Tokens (after
/// `module` and its optional id and `definition`): up to the `)` that
/// closes it, where Pos is left.
llvm::Expected<BinaryModule> encodeModuleFields(llvm::StringRef Source,
                                                llvm::ArrayRef<Token> Tokens,
                                                size_t &Pos,
                                                const TextOptions &Opts);

/// A file's contents as a binary module: the contents themselves, or the
/// encoding of text, which Bytes then points into.
struct InputModule {
  llvm::ArrayRef<uint8_t> Bytes;
  std::optional<BinaryModule> Text;
};

/// Decodes and validates a module file's contents, binary or text (decided
/// by content). An error in the binary encoding of text is reported at its
/// source line and column, as a TextError. The module points into
/// Input.Bytes, so Input must outlive it (and Contents too, for binary).
llvm::Expected<std::unique_ptr<Module>>
loadInput(llvm::ArrayRef<uint8_t> Contents, InputModule &Input,
          const FrontendOptions &Opts = {});

/// A WasmError in the binary of a text module, as a TextError at the
/// source position it came from; other errors unchanged.
llvm::Error attributeToSource(llvm::Error E, llvm::StringRef Source,
                              const SourceMap &Map);

} // namespace w2n::frontend::text

#endif
