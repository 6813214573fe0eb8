//===- OperatorVisitor.h - Visitor bases for the operator decoder -*- C++ -*-=//
//
// The operator decoder calls visitName(immediates...) on its visitor for
// every operator it reads (Name as in Opcodes.def), through templates, not
// virtual calls. OperatorVisitor supplies the non-Special operators by
// forwarding them, with their Opcode, to one handler per kind:
//
//   visitSimple(Op)                visitLoad(Op, MemArg)
//   visitStore(Op, MemArg)         visitLoadLane(Op, MemArg, Lane)
//   visitStoreLane(Op, MemArg, Lane)
//   visitExtractLane(Op, Lane)     visitReplaceLane(Op, Lane)
//   visitAtomic(Op, MemArg)
//
// so that a visitor implements those eight and the Special operators, and
// overrides any single operator it wants to treat on its own.
//
// PermissiveOperatorVisitor also supplies every Special operator, forwarding
// to visitUnhandled(Op): for visitors that care about a few operators only
// (decode-only scans, constant expressions).
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_OPERATORVISITOR_H
#define W2N_FRONTEND_OPERATORVISITOR_H

#include "frontend/Opcode.h"

#include "llvm/Support/Error.h"

namespace w2n::frontend {

template <typename Derived> class OperatorVisitor {
public:
  /// Offset of the operator being visited; set by the decoder.
  uint64_t OpOffset = 0;

#define W2N_DEFAULT_Special(Name)
#define W2N_DEFAULT_Simple(Name)                                               \
  llvm::Error visit##Name() { return self().visitSimple(Opcode::Name); }
#define W2N_DEFAULT_Load(Name)                                                 \
  llvm::Error visit##Name(MemArg MA) {                                         \
    return self().visitLoad(Opcode::Name, MA);                                 \
  }
#define W2N_DEFAULT_Store(Name)                                                \
  llvm::Error visit##Name(MemArg MA) {                                         \
    return self().visitStore(Opcode::Name, MA);                                \
  }
#define W2N_DEFAULT_LoadLane(Name)                                             \
  llvm::Error visit##Name(MemArg MA, uint8_t Lane) {                           \
    return self().visitLoadLane(Opcode::Name, MA, Lane);                       \
  }
#define W2N_DEFAULT_StoreLane(Name)                                            \
  llvm::Error visit##Name(MemArg MA, uint8_t Lane) {                           \
    return self().visitStoreLane(Opcode::Name, MA, Lane);                      \
  }
#define W2N_DEFAULT_ExtractLane(Name)                                          \
  llvm::Error visit##Name(uint8_t Lane) {                                      \
    return self().visitExtractLane(Opcode::Name, Lane);                        \
  }
#define W2N_DEFAULT_ReplaceLane(Name)                                          \
  llvm::Error visit##Name(uint8_t Lane) {                                      \
    return self().visitReplaceLane(Opcode::Name, Lane);                        \
  }
#define W2N_DEFAULT_Atomic(Name)                                               \
  llvm::Error visit##Name(MemArg MA) {                                         \
    return self().visitAtomic(Opcode::Name, MA);                              \
  }
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_DEFAULT_##Kind(Name)
#include "frontend/Opcodes.def"
#undef W2N_DEFAULT_Atomic
#undef W2N_DEFAULT_Special
#undef W2N_DEFAULT_Simple
#undef W2N_DEFAULT_Load
#undef W2N_DEFAULT_Store
#undef W2N_DEFAULT_LoadLane
#undef W2N_DEFAULT_StoreLane
#undef W2N_DEFAULT_ExtractLane
#undef W2N_DEFAULT_ReplaceLane

protected:
  Derived &self() { return static_cast<Derived &>(*this); }
};

template <typename Derived>
class PermissiveOperatorVisitor : public OperatorVisitor<Derived> {
public:
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  W2N_PERMISSIVE_##Kind(Name)
#define W2N_PERMISSIVE_Special(Name)                                           \
  template <typename... Ts> llvm::Error visit##Name(const Ts &...) {           \
    return this->self().visitUnhandled(Opcode::Name);                          \
  }
#define W2N_PERMISSIVE_Simple(Name)
#define W2N_PERMISSIVE_Load(Name)
#define W2N_PERMISSIVE_Store(Name)
#define W2N_PERMISSIVE_LoadLane(Name)
#define W2N_PERMISSIVE_StoreLane(Name)
#define W2N_PERMISSIVE_ExtractLane(Name)
#define W2N_PERMISSIVE_ReplaceLane(Name)
#define W2N_PERMISSIVE_Atomic(Name)
#include "frontend/Opcodes.def"
#undef W2N_PERMISSIVE_Atomic
#undef W2N_PERMISSIVE_Special
#undef W2N_PERMISSIVE_Simple
#undef W2N_PERMISSIVE_Load
#undef W2N_PERMISSIVE_Store
#undef W2N_PERMISSIVE_LoadLane
#undef W2N_PERMISSIVE_StoreLane
#undef W2N_PERMISSIVE_ExtractLane
#undef W2N_PERMISSIVE_ReplaceLane

  llvm::Error visitSimple(Opcode Op) { return this->self().visitUnhandled(Op); }
  llvm::Error visitLoad(Opcode Op, MemArg) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitStore(Opcode Op, MemArg) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitLoadLane(Opcode Op, MemArg, uint8_t) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitStoreLane(Opcode Op, MemArg, uint8_t) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitExtractLane(Opcode Op, uint8_t) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitReplaceLane(Opcode Op, uint8_t) {
    return this->self().visitUnhandled(Op);
  }
  llvm::Error visitAtomic(Opcode Op, MemArg) {
    return this->self().visitUnhandled(Op);
  }
};

/// Decodes and accepts everything: finds malformed code, nothing more.
class DecodeOnlyVisitor : public PermissiveOperatorVisitor<DecodeOnlyVisitor> {
public:
  llvm::Error visitUnhandled(Opcode) { return llvm::Error::success(); }
};

} // namespace w2n::frontend

#endif
