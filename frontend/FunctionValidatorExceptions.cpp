//===- FunctionValidatorExceptions.cpp - Exception handling ---------------===//
//
// Validation of 3.0's exception handling (try_table, throw, throw_ref) and
// of the legacy instructions toolchains emitted before it (try, catch,
// catch_all, delegate, rethrow), by the rules of the spec and of the
// legacy proposal's appendix.
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionValidator.h"

namespace w2n::frontend {

llvm::Error FunctionValidator::checkTag(uint32_t Tag) {
  if (Tag >= M.TagTypes.size())
    return fail("unknown tag " + llvm::Twine(Tag));
  // Bodies may be checked before the tag section's own rules.
  if (M.TagTypes[Tag] >= M.Types.size())
    return fail("unknown type " + llvm::Twine(M.TagTypes[Tag]));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::checkCatchClause(const CatchClause &C) {
  if (C.hasTag())
    if (llvm::Error E = checkTag(C.Tag))
      return E;
  if (llvm::Error E = checkLabel(C.Label))
    return E;
  // What the clause passes to its label: the tag's values, then for the
  // _ref forms a non-null reference to the exception.
  llvm::SmallVector<ValType, 4> Passed;
  if (C.hasTag())
    Passed.append(tagParams(C.Tag).begin(), tagParams(C.Tag).end());
  if (C.passesRef())
    Passed.push_back(ValType::ref(HeapKind::Exn, false));
  llvm::ArrayRef<ValType> Wanted = labelTypes(frame(C.Label));
  bool Match = Passed.size() == Wanted.size();
  for (size_t I = 0; Match && I < Passed.size(); ++I)
    Match = M.isSubtype(Passed[I], Wanted[I]);
  if (!Match)
    return fail("type mismatch: catch clause passes " +
                llvm::Twine(Passed.size()) +
                " value(s) that do not match the types of label " +
                llvm::Twine(C.Label));
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitTryTable(
    BlockType BT, llvm::ArrayRef<CatchClause> Clauses) {
  if (llvm::Error E = checkBlockType(BT))
    return E;
  // The clauses' labels count from outside the try_table.
  for (const CatchClause &C : Clauses)
    if (llvm::Error E = checkCatchClause(C))
      return E;
  return pushBlock(Opcode::TryTable, BT);
}

llvm::Error FunctionValidator::visitThrow(uint32_t Tag) {
  if (llvm::Error E = checkTag(Tag))
    return E;
  if (llvm::Error E = popTypes(tagParams(Tag)))
    return E;
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitThrowRef() {
  if (llvm::Error E = popRef(LastRef))
    return E;
  if (!M.isSubtype(LastRef, ValType::ExnRef))
    return mismatch(ValType::ExnRef, LastRef);
  setUnreachable();
  return llvm::Error::success();
}

llvm::Error FunctionValidator::endTryPart(const char *Part) {
  const Frame &F = Frames.back();
  if (llvm::Error E = popTypes(blockResults(F.Type)))
    return E;
  if (Stack.size() != F.Height)
    return fail(llvm::Twine("type mismatch: values remaining on the stack at "
                            "the end of the ") +
                Part);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitCatch(uint32_t Tag) {
  Frame &F = Frames.back();
  if (F.Kind != Opcode::Try && F.Kind != Opcode::Catch)
    return fail("catch without a matching try");
  if (llvm::Error E = checkTag(Tag))
    return E;
  if (llvm::Error E = endTryPart(F.Kind == Opcode::Try ? "try" : "catch"))
    return E;
  F.Kind = Opcode::Catch;
  F.Unreachable = false;
  resetLocalInits(F.InitHeight);
  return pushTypes(tagParams(Tag));
}

llvm::Error FunctionValidator::visitCatchAll() {
  Frame &F = Frames.back();
  if (F.Kind != Opcode::Try && F.Kind != Opcode::Catch)
    return fail("catch_all without a matching try");
  if (llvm::Error E = endTryPart(F.Kind == Opcode::Try ? "try" : "catch"))
    return E;
  F.Kind = Opcode::CatchAll;
  F.Unreachable = false;
  resetLocalInits(F.InitHeight);
  return llvm::Error::success();
}

llvm::Error FunctionValidator::visitDelegate(uint32_t Depth) {
  Frame F = Frames.back();
  if (F.Kind != Opcode::Try)
    return fail("delegate without a matching try");
  if (llvm::Error E = endTryPart("try"))
    return E;
  resetLocalInits(F.InitHeight);
  Frames.pop_back();
  // The label counts from outside the try; the function's own frame is
  // the caller.
  if (llvm::Error E = checkLabel(Depth))
    return E;
  return pushTypes(blockResults(F.Type));
}

llvm::Error FunctionValidator::visitRethrow(uint32_t Depth) {
  if (llvm::Error E = checkLabel(Depth))
    return E;
  Opcode Kind = frame(Depth).Kind;
  if (Kind != Opcode::Catch && Kind != Opcode::CatchAll)
    return fail("invalid rethrow label " + llvm::Twine(Depth));
  setUnreachable();
  return llvm::Error::success();
}

} // namespace w2n::frontend
