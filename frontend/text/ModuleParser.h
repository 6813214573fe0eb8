//===- ModuleParser.h - One WAT module to the binary format -----*- C++ -*-===//
//
// A module is read in three walks over its fields, because an identifier
// may be used before the field that defines it:
//   1. scanFields: every field's place, and the ids of every index space
//      (imports first, as the text format requires);
//   2. the type definitions, so that type uses can find their types;
//   3. every other field in order, each encoded into its section. Type uses
//      without a matching type append one, in the order they come, as the
//      spec's abbreviation rules say.
// ModuleParser.cpp holds the fields and types; FunctionParser.cpp the
// instructions.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_MODULEPARSER_H
#define W2N_FRONTEND_TEXT_MODULEPARSER_H

#include "frontend/Opcode.h"
#include "frontend/text/ByteWriter.h"
#include "frontend/text/Text.h"
#include "frontend/text/TokenCursor.h"

#include "llvm/ADT/StringMap.h"

#include <array>
#include <string>
#include <vector>

namespace w2n::frontend::text {

/// How the text names an operator: its encoding and immediates.
struct InstrInfo {
  uint8_t Prefix;
  uint32_t Code;
  ImmediateKind Imm;
  uint8_t Param; ///< log2 of the natural alignment for memory operators
  bool Structured; ///< block, loop, if, try, try_table: handled apart
};
/// The operator a keyword names, or null.
const InstrInfo *lookupInstr(llvm::StringRef Keyword);

enum class Space : uint8_t { Type, Func, Table, Memory, Global, Tag, Elem, Data };
constexpr size_t NumSpaces = 8;
llvm::StringRef spaceName(Space S);

struct IndexSpace {
  llvm::StringMap<uint32_t> Ids;
  uint32_t Count = 0;
};

/// An encoded value type (one byte, or a reference with its heap type).
using ValTypeBytes = std::string;

/// What the parser needs to know of a defined type.
struct TypeInfo {
  enum class Kind : uint8_t { Func, Struct, Array } K = Kind::Func;
  /// In a group of its own, final and without supertypes: the types that
  /// implicit type uses match.
  bool Plain = false;
  std::vector<ValTypeBytes> Params, Results; // of a function type
  llvm::StringMap<uint32_t> FieldIds;        // of a struct type
};

/// A function type written inline.
struct FuncSig {
  std::vector<ValTypeBytes> Params, Results;
  std::vector<std::string> ParamIds; ///< "" for a parameter without one
};

/// A section being built, with the source offsets of what it holds.
struct SectionBuffer {
  ByteWriter W;
  std::vector<std::pair<uint32_t, uint32_t>> Map; ///< (offset in W, source)
  uint32_t Count = 0; ///< entries, for vector sections
  void mark(size_t SourceOffset) {
    Map.emplace_back(uint32_t(W.size()), uint32_t(SourceOffset));
  }
};

/// How deeply instructions may nest in text (folded operands and
/// structured instructions together): deep enough for any module the
/// validator accepts (16,384 nested blocks) with room for folding, and
/// shallow enough for the stack the reader runs on (Text.cpp).
constexpr unsigned MaxTextNesting = 50000;

/// The state of the function body (or constant expression) being read.
struct BodyContext {
  unsigned Depth = 0; ///< of nested folded and structured instructions
  llvm::StringMap<uint32_t> LocalIds;
  std::vector<std::string> Labels; ///< innermost last; "" if unnamed
  SectionBuffer *Out = nullptr;    ///< where instructions go
};

class ModuleParser {
public:
  ModuleParser(TokenCursor &C, const TextOptions &Opts) : C(C), Opts(Opts) {}

  /// Reads fields up to the `)` closing the module (or the end of input).
  llvm::Expected<BinaryModule> parse();

  // --- ModuleParser.cpp --------------------------------------------------
private:
  struct FieldRef {
    size_t Pos; ///< token of the field's `(`
    bool IsType;
  };
  llvm::Error scanFields();
  llvm::Error scanField(std::vector<FieldRef> &Out);
  llvm::Error defineId(Space S, const Token &IdToken);
  llvm::Error parseTypeFields();
  llvm::Error parseTypeDef(SectionBuffer &Out, bool InRec);
  llvm::Error parseCompType(SectionBuffer &Out, TypeInfo &Info);
  llvm::Error parseField();
  llvm::Error parseImport();
  llvm::Error parseFunc();
  llvm::Error parseTable();
  llvm::Error parseMemory();
  llvm::Error parseGlobal();
  llvm::Error parseTag();
  llvm::Error parseExport();
  llvm::Error parseStart();
  llvm::Error parseElem();
  llvm::Error parseData();
  /// `(export "name")*` after a definition's id: exports of Index.
  llvm::Error parseInlineExports(uint8_t Kind, uint32_t Index);
  /// A definition of a function, table, memory, global or tag, up to its
  /// type: `(KIND $id? (export "n")* (import "m" "n")?`. An import's names
  /// and kind are written; its description (parseImportDesc) is next.
  struct Definition {
    const Token *Open;
    uint32_t Index;
    bool Imported;
  };
  llvm::Error beginDefinition(Space S, Definition &D);
  /// What an import of kind S imports, then the `)` that closes it.
  llvm::Error parseImportDesc(Space S);
  llvm::Error parseTableType(ByteWriter &Out);
  llvm::Error parseGlobalType(ByteWriter &Out);
  /// The items of an element segment, up to its `)`: expressions or
  /// function indices.
  llvm::Error parseElemList(bool Exprs, ByteWriter &Items, uint32_t &N,
                            bool IndicesAsExprs = false);
  /// Where an element or data segment goes: its table or memory (Target)
  /// and offset, if it is active.
  llvm::Error parseSegmentPlacement(Space Target, std::optional<uint32_t> &Index,
                                    SectionBuffer &Offset, bool &Active);
  /// The strings of a data segment, concatenated.
  llvm::Error takeDataStrings(std::string &Bytes);
  BinaryModule assemble();

public:
  // Types (ModuleParser.cpp).
  llvm::Error parseValType(ValTypeBytes &Out);
  llvm::Error parseRefType(ValTypeBytes &Out, bool *Nullable = nullptr);
  /// A heap type: an abstract one or a type index.
  llvm::Error parseHeapType(ByteWriter &Out);
  bool atValType() const;
  /// `i32` or `i64` before a table or memory type: whether it is i64.
  bool takeAddrType() {
    if (C.takeKeyword("i64"))
      return true;
    C.takeKeyword("i32");
    return false;
  }
  /// `min max?`, and `shared` after them where AllowShared.
  llvm::Error parseLimits(ByteWriter &Out, bool Is64, bool AllowShared);
  /// `(param ...)* (result ...)*`; parameter ids if ParamIds.
  llvm::Error parseSig(FuncSig &Sig, bool AllowIds);
  /// A type use: `(type x)?` and an inline signature. Returns its type
  /// index; Sig is the signature (if known) with the parameter ids.
  llvm::Error parseTypeUse(uint32_t &TypeIndex, FuncSig &Sig, bool AllowIds);
  uint32_t typeIndexFor(const FuncSig &Sig);
  /// A function type's encoding: 0x60, its parameters, its results.
  static void writeFuncType(ByteWriter &Out, const FuncSig &Sig);
  /// What a table or memory with an inline segment gets: the segment's
  /// offset expression (the constant 0 of the address type), and limits
  /// of exactly Size.
  static void writeZeroOffset(ByteWriter &Out, bool Is64);
  static void writeExactLimits(ByteWriter &Out, bool Is64, uint64_t Size);
  llvm::Error parseIndex(Space S, uint32_t &Out);
  bool atIndex() const {
    return C.isKind(TokenKind::Id) || C.isNatToken();
  }

  // Instructions (FunctionParser.cpp).
  llvm::Error parseFuncBody(const FuncSig &Sig, SectionBuffer &Code);
  /// Instructions up to a `)`, then `end`: a constant expression.
  llvm::Error parseConstExpr(SectionBuffer &Out);
  /// One folded instruction as a constant expression (the abbreviations
  /// of `(offset ...)` and `(item ...)`).
  llvm::Error parseFoldedConstExpr(SectionBuffer &Out);
  llvm::Error parseInstrs(BodyContext &B);
  llvm::Error parseFoldedInstr(BodyContext &B);
  llvm::Error parsePlainInstr(BodyContext &B, const InstrInfo &I,
                              const Token &Op, ByteWriter &Out);
  llvm::Error parseBlockType(ByteWriter &Out);
  llvm::Error parseLabel(BodyContext &B, ByteWriter &Out);
  llvm::Error parseLocal(BodyContext &B, ByteWriter &Out);
  llvm::Error parseMemArg(const InstrInfo &I, ByteWriter &Out, bool Lane);
  llvm::Error parseV128Const(ByteWriter &Out);
  llvm::Error parseStructured(BodyContext &B, const InstrInfo &I,
                              const Token &Op, bool Folded);
  llvm::Error parseStructuredBody(BodyContext &B, const InstrInfo &I,
                                  const Token &Op, bool Folded);
  llvm::Error parseTryTableCatches(BodyContext &B, ByteWriter &Out);
  llvm::Error endLabel(BodyContext &B, const char *What);
  /// What closes a structured instruction: `)` folded, else `end $id?`.
  llvm::Error endBlock(BodyContext &B, bool Folded);
  /// Counts one more level of nesting; an error past MaxTextNesting.
  llvm::Error enterNesting(BodyContext &B);
  llvm::Error writeIndex(Space S, ByteWriter &Out);
  llvm::Error writeOptionalIndex(Space S, ByteWriter &Out);
  llvm::Error parseNumber(ImmediateKind K, ByteWriter &Out);
  /// A number token: an integer or a float of Bits bits, as its bits.
  llvm::Error parseLiteral(bool Float, unsigned Bits, const char *What,
                           uint64_t &V);

  TokenCursor &C;
  TextOptions Opts;
  std::array<IndexSpace, NumSpaces> Spaces;
  std::vector<TypeInfo> Types;
  std::vector<FieldRef> Fields;
  /// What the first definition that is not an import defines, if any.
  const char *FirstDefinition = nullptr;

  SectionBuffer TypeSec, ImportSec, FuncSec, TableSec, MemorySec, TagSec,
      GlobalSec, ExportSec, StartSec, ElemSec, CodeSec, DataSec;
  bool UsesDataCount = false;
  bool HasStart = false;
  // Counters of the definitions written so far, per index space.
  std::array<uint32_t, NumSpaces> Written{};
  // For the name section: function and local names.
  std::vector<std::pair<uint32_t, std::string>> FuncNames;
  std::vector<std::pair<uint32_t, std::vector<std::pair<uint32_t, std::string>>>>
      LocalNames;
  /// The local names of the function being read.
  std::vector<std::pair<uint32_t, std::string>> *CurrentLocalNames = nullptr;
};

} // namespace w2n::frontend::text

#endif
