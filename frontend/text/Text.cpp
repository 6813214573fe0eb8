//===- Text.cpp - WAT modules to the binary format ------------------------===//
#include "frontend/text/Text.h"

#include "frontend/Frontend.h"
#include "frontend/text/ModuleParser.h"

#include "llvm/Support/thread.h"

namespace w2n::frontend::text {

//===----------------------------------------------------------------------===//
// Entry points.
//===----------------------------------------------------------------------===//

size_t SourceMap::sourceOffset(uint64_t BinaryOffset) const {
  auto It = std::upper_bound(
      Entries.begin(), Entries.end(), BinaryOffset,
      [](uint64_t Off, const std::pair<uint32_t, uint32_t> &E) {
        return Off < E.first;
      });
  if (It == Entries.begin())
    return 0;
  return std::prev(It)->second;
}

bool isTextModule(llvm::ArrayRef<uint8_t> Bytes) {
  // Text starts, after white space, with a parenthesis or a comment; any
  // other bytes go to the binary decoder, which says what is wrong with
  // them.
  for (uint8_t B : Bytes) {
    if (B == ' ' || B == '\t' || B == '\n' || B == '\r')
      continue;
    return B == '(' || B == ';';
  }
  return false;
}

namespace {

/// Instructions nest in text as deeply as MaxTextNesting, and the parser
/// recurses for each level: it runs on a thread whose stack has room for
/// that (reserved, not committed, until used), whatever the caller's.
constexpr unsigned ParserStackBytes = 1024u << 20;

} // namespace

llvm::Expected<BinaryModule> encodeModuleFields(llvm::StringRef Source,
                                                llvm::ArrayRef<Token> Tokens,
                                                size_t &Pos,
                                                const TextOptions &Opts) {
  std::optional<llvm::Expected<BinaryModule>> Result;
  llvm::thread Parser(std::optional<unsigned>(ParserStackBytes), [&] {
    TokenCursor C(Source, Tokens, Pos);
    ModuleParser P(C, Opts);
    Result.emplace(P.parse());
    Pos = C.position();
  });
  Parser.join();
  return std::move(*Result);
}

llvm::Expected<BinaryModule> encodeModule(llvm::StringRef Source,
                                          const TextOptions &Opts) {
  llvm::Expected<std::vector<Token>> Tokens = tokenize(Source);
  if (!Tokens)
    return Tokens.takeError();
  TokenCursor C(Source, *Tokens);
  std::string Id;
  bool Wrapped = C.takeOpen("module");
  if (Wrapped)
    TRY(C.takeOptionalId(Id));
  size_t Pos = C.position();
  llvm::Expected<BinaryModule> M = encodeModuleFields(Source, *Tokens, Pos, Opts);
  if (!M)
    return M.takeError();
  C.seek(Pos);
  if (Wrapped)
    TRY(C.expectRParen());
  if (!C.isKind(TokenKind::Eof))
    return C.unexpected("the end of the module");
  M->Id = std::move(Id);
  return M;
}


llvm::Expected<std::unique_ptr<Module>>
loadInput(llvm::ArrayRef<uint8_t> Contents, InputModule &Input,
          const FrontendOptions &Opts) {
  Input.Text.reset();
  Input.Bytes = Contents;
  if (!isTextModule(Contents)) {
    auto M = loadModule(Contents, Opts);
    if (!M)
      return M.takeError();
    return std::move(*M);
  }
  llvm::StringRef Source(reinterpret_cast<const char *>(Contents.data()),
                         Contents.size());
  TextOptions Text;
  Text.Wasm2Only = Opts.Wasm2Only;
  llvm::Expected<BinaryModule> Encoded = encodeModule(Source, Text);
  if (!Encoded)
    return Encoded.takeError();
  Input.Text = std::move(*Encoded);
  Input.Bytes = Input.Text->Bytes;
  auto M = loadModule(Input.Bytes, Opts);
  if (!M)
    return attributeToSource(M.takeError(), Source, Input.Text->Map);
  return std::move(*M);
}

llvm::Error attributeToSource(llvm::Error E, llvm::StringRef Source,
                              const SourceMap &Map) {
  return llvm::handleErrors(
      std::move(E), [&](const WasmError &W) -> llvm::Error {
        size_t At = Map.sourceOffset(W.offset());
        return llvm::make_error<TextError>(lineColOf(Source, At), W.text(),
                                           W.kind());
      });
}

} // namespace w2n::frontend::text
