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

std::string valTypeName(ValType T) {
  switch (T.code()) {
  case 0x7f: return "i32";
  case 0x7e: return "i64";
  case 0x7d: return "f32";
  case 0x7c: return "f64";
  case 0x7b: return "v128";
  case 0x00: return "unknown";
  case 0x40: return "nothing";
  }
  if (!T.isRef())
    return "invalid";
  const char *Heap = nullptr;
  switch (T.heap()) {
  case HeapKind::Bot: Heap = "bot"; break;
  case HeapKind::Concrete: break;
  case HeapKind::Exn: Heap = "exn"; break;
  case HeapKind::Array: Heap = "array"; break;
  case HeapKind::Struct: Heap = "struct"; break;
  case HeapKind::I31: Heap = "i31"; break;
  case HeapKind::Eq: Heap = "eq"; break;
  case HeapKind::Any: Heap = "any"; break;
  case HeapKind::Extern: Heap = "extern"; break;
  case HeapKind::Func: Heap = "func"; break;
  case HeapKind::None: Heap = "none"; break;
  case HeapKind::NoExtern: Heap = "noextern"; break;
  case HeapKind::NoFunc: Heap = "nofunc"; break;
  case HeapKind::NoExn: Heap = "noexn"; break;
  default: return "invalid";
  }
  // The 2.0 names for the two nullable references it has.
  if (T == ValType::FuncRef)
    return "funcref";
  if (T == ValType::ExternRef)
    return "externref";
  std::string HeapText =
      Heap ? std::string(Heap) : std::to_string(T.typeIndex());
  return (T.isNullable() ? "(ref null " : "(ref ") + HeapText + ")";
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
  case ExternalKind::Tag:
    return "tag";
  }
  return "invalid";
}

} // namespace w2n::frontend
