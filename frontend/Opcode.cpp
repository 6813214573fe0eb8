//===- Opcode.cpp - Per-opcode tables generated from Opcodes.def ----------===//
#include "frontend/Opcode.h"

namespace w2n::frontend {

namespace {
namespace sig {
#define W2N_SIGNATURE(Name, N, P0, P1, P2, R)                                  \
  constexpr OpcodeSignature Name = {                                           \
      N, {ValType::P0, ValType::P1, ValType::P2}, ValType::R};
#include "frontend/Opcodes.def"
} // namespace sig

// clang-format off
constexpr OpcodeInfo Infos[] = {
#define W2N_OPCODE(Name, Prefix, Code, Text, Kind, Sig, Param, Lanes, Access)  \
  {Text, Prefix, Code, OpcodeKind::Kind, sig::Sig, Param, LaneShape::Lanes,    \
   MemoryAccess::Access},
#include "frontend/Opcodes.def"
};

constexpr ProposalOpcodeInfo ProposalInfos[] = {
#define W2N_PROPOSAL_OPCODE(Name, Prefix, Code, Text, Immediates, Param, Of)   \
  {Text, Prefix, Code, ImmediateKind::Immediates, Param, Proposal::Of},
#include "frontend/Opcodes.def"
};
// clang-format on
} // namespace

const OpcodeInfo &opcodeInfo(Opcode Op) { return Infos[size_t(Op)]; }

llvm::ArrayRef<ProposalOpcodeInfo> proposalOpcodes() { return ProposalInfos; }

const ProposalOpcodeInfo *findProposalOpcode(uint8_t Prefix, uint32_t Code) {
  // Only ever asked about an opcode that is no 2.0 operator: not hot.
  for (const ProposalOpcodeInfo &Info : ProposalInfos)
    if (Info.Prefix == Prefix && Info.Code == Code)
      return &Info;
  return nullptr;
}

llvm::StringRef proposalName(Proposal P) {
  switch (P) {
  case Proposal::TailCall:
    return "tail calls";
  case Proposal::Exceptions:
    return "exception handling";
  case Proposal::LegacyExceptions:
    return "legacy exception handling";
  case Proposal::MultiMemory:
    return "multi-memory";
  case Proposal::Memory64:
    return "memory64";
  case Proposal::FunctionReferences:
    return "typed function references";
  case Proposal::GC:
    return "GC";
  case Proposal::ExtendedConst:
    return "extended constant expressions";
  case Proposal::RelaxedSimd:
    return "relaxed SIMD";
  case Proposal::Threads:
    return "threads";
  }
  return "invalid";
}

llvm::StringRef valTypeName(ValType T) {
  switch (T) {
  case ValType::I32:
    return "i32";
  case ValType::I64:
    return "i64";
  case ValType::F32:
    return "f32";
  case ValType::F64:
    return "f64";
  case ValType::V128:
    return "v128";
  case ValType::FuncRef:
    return "funcref";
  case ValType::ExternRef:
    return "externref";
  case ValType::Unknown:
    return "unknown";
  case ValType::Void:
    return "nothing";
  }
  return "invalid";
}

llvm::StringRef externalKindName(ExternalKind K) {
  switch (K) {
  case ExternalKind::Func:
    return "function";
  case ExternalKind::Table:
    return "table";
  case ExternalKind::Memory:
    return "memory";
  case ExternalKind::Global:
    return "global";
  }
  return "invalid";
}

} // namespace w2n::frontend
