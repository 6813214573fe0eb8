//===- WasmIR.h - The lowered IR: builders and matchers --------*- C++ -*-===//
//
// The lowering emits a few constructs that the Wasm passes (lowering/passes/)
// find again after LLVM's optimiser has moved, merged and copied them: the
// memory base and size, explicit bounds checks, the keep-alives and store
// barriers of guard-page mode, call-stack checks and trap blocks. Each has
// its builder and its matcher here, side by side, with the metadata it
// carries; the lowering builds them only through this header and no pass
// recognises them by a pattern of its own. A change to how one is built is
// then a change to how it is found, in one place.
//
// A matcher may fail to recognise a construct that the optimiser has
// rewritten beyond it; every pass treats what it does not recognise as
// ordinary code, so a miss costs an optimisation, never correctness.
//
// Instance fields are addressed as in w2n/abi.h (struct w2n_instance,
// struct w2n_memory): every function takes the instance pointer as its
// first parameter.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_LOWERING_WASMIR_H
#define W2N_LOWERING_WASMIR_H

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/TargetParser/Triple.h"

#include <cstdint>
#include <optional>

namespace llvm {
class Loop;
}

namespace w2n::ir {

// --- The instance and its metadata -------------------------------------------

/// The instance pointer of a function of the lowered module (its first
/// parameter), or null for a function that has none (a runtime helper).
const llvm::Argument *instanceOf(const llvm::Function &F);

/// Type-based alias tags for linear memory and for the instance (memory
/// sizes, globals). They never overlap: a store to linear memory leaves the
/// memory size loaded before it valid, which the passes rely on.
llvm::MDNode *linearMemoryTBAA(llvm::LLVMContext &Ctx);
llvm::MDNode *instanceTBAA(llvm::LLVMContext &Ctx);

/// The largest size in bytes a 32-bit memory can have (65536 pages).
constexpr uint64_t MaxMemoryBytes = uint64_t(65536) * 65536;

/// Loads a field of the instance that does not change for its lifetime
/// (!invariant.load).
llvm::LoadInst *loadInvariant(llvm::IRBuilderBase &B, llvm::Type *T,
                              llvm::Value *Ptr);

/// Whether V is a load from a field of the instance at a constant offset
/// (a global's storage, a table object, the memory object or base).
bool isInstanceFieldLoad(const llvm::Value *V, const llvm::Value *Instance,
                         const llvm::DataLayout &DL);

// --- Linear memory -----------------------------------------------------------

/// The memory base: an invariant load of the instance's first field. Every
/// linear-memory access is addressed as base + zext(index) + offset.
llvm::LoadInst *buildMemoryBase(llvm::IRBuilderBase &B, llvm::Value *Instance);
bool isMemoryBase(const llvm::Value *V, const llvm::Value *Instance,
                  const llvm::DataLayout &DL);

/// The memory object (struct w2n_memory *) of memory 0, an invariant load
/// from the instance's head. (Other memories, and a 64-bit memory 0, are
/// reached through the instance's array of memories, which the passes do
/// not recognise: they reason about memory 0 of 32 bits only.)
llvm::LoadInst *buildMemoryObject(llvm::IRBuilderBase &B,
                                  llvm::Value *Instance);

/// The memory's current size in bytes, an i64 loaded from the memory object
/// with the instance's alias tag and, for a 32-bit memory, the range
/// [0, MaxMemoryBytes], which BoundsCheckLimits relies on. Not invariant:
/// memory.grow changes it.
llvm::LoadInst *buildMemorySize(llvm::IRBuilderBase &B,
                                llvm::Value *MemoryObject, bool Is64);
/// Whether V is such a load, from the memory object of Instance.
bool isMemorySizeLoad(const llvm::Value *V, const llvm::Value *Instance,
                      const llvm::DataLayout &DL);
/// Whether V is the memory size: such a load or, through phis, only such
/// loads (GVN forwards one load of it to later checks, through phis where
/// paths meet; every value such a phi takes was loaded from the size field
/// with nothing between that could change it).
bool isMemorySize(const llvm::Value *V, const llvm::Value *Instance,
                  const llvm::DataLayout &DL);

/// An explicit bounds check: true when the access of Bytes bytes at the
/// 64-bit effective address EA ends beyond Size
/// (`icmp ugt (add nuw EA, Bytes), Size`).
llvm::Value *buildOutOfBounds(llvm::IRBuilderBase &B, llvm::Value *EA,
                              unsigned Bytes, llvm::Value *Size);

/// A compare of X + C (a nuw add, or an or of disjoint bits) with Bound,
/// in either operand order, normalised so that Pred compares X + C with
/// Bound. The shape of an explicit bounds check once the optimiser has
/// folded its adds; whether Bound is the memory size is the caller's
/// question (isMemorySize).
struct OffsetCompare {
  llvm::ICmpInst::Predicate Pred;
  llvm::Value *X;
  const llvm::APInt *C;
  llvm::Value *Bound;
};
std::optional<OffsetCompare> matchOffsetCompare(const llvm::ICmpInst &Cmp);

/// A bounds check read as "X + End > Bound means out of bounds", with
/// nested constant nuw adds summed into End (below 2^62) and the predicate
/// made non-strict.
struct BoundsCompare {
  llvm::Value *X;
  uint64_t End;
  bool OutOfBoundsWhenTrue;
  llvm::Value *Bound;
};
std::optional<BoundsCompare> matchBoundsCompare(const llvm::ICmpInst &Cmp);

// --- Guard-page mode ---------------------------------------------------------

/// Keeps the load Load, whose value (Loaded, after any widening) the program
/// may ignore: its fault is the bounds check, so it must not be deleted. An
/// empty asm statement that reads the value in a register, tagged
/// !w2n.keep_alive; it costs nothing once the value is in that register.
/// Where the target has no register class to name (vectors on rv64gc), the
/// load is made volatile instead (see isVolatileKeepAlive).
void buildKeepAlive(llvm::IRBuilderBase &B, llvm::Value *Loaded,
                    llvm::LoadInst *Load, const llvm::Triple &TT);
/// Whether I is a keep-alive, and the value it keeps.
bool isKeepAlive(const llvm::Instruction &I);
llvm::Value *keptValue(const llvm::CallInst &KeepAlive);
/// Whether Load is kept by being volatile: the lowering makes no other
/// load volatile.
bool isVolatileKeepAlive(const llvm::LoadInst &Load);

/// After a store that may fault: an empty asm statement that only reads
/// memory, tagged !w2n.store_barrier, so that LLVM merges no store across
/// it into a wider one that would fault as a whole.
llvm::CallInst *buildStoreBarrier(llvm::IRBuilderBase &B);
bool isStoreBarrier(const llvm::Instruction &I);

/// Before a store of Bytes bytes at Addr on a target where a faulting store
/// may be torn (AArch64, RISC-V): a kept load of its last byte, which
/// faults first. It is a keep-alive like any other to the passes.
void buildStoreProbe(llvm::IRBuilderBase &B, llvm::Value *Addr, unsigned Bytes,
                     const llvm::Triple &TT);

// --- Call-stack checks -------------------------------------------------------

/// True when the stack pointer is below the limit the runtime keeps in the
/// instance: `icmp ult (ptrtoint (llvm.stacksave)), Limit`.
llvm::ICmpInst *buildStackCheck(llvm::IRBuilderBase &B, llvm::Value *Instance);
/// Whether Cmp is true exactly when the stack pointer is below something
/// (the check above, or the same with its operands swapped).
bool isStackCheck(const llvm::ICmpInst &Cmp);

// --- Traps -------------------------------------------------------------------

/// A block of F that calls TrapFn (the runtime's w2n_trap) with Kind and
/// ends in unreachable.
llvm::BasicBlock *buildTrapBlock(llvm::Function &F, llvm::Function &TrapFn,
                                 uint32_t Kind);
/// The kind BB traps with, when it is only such a call and unreachable.
const llvm::ConstantInt *trapBlockKind(const llvm::BasicBlock &BB);
/// Whether BB never returns control (it ends in unreachable): the target of
/// a check's failing edge.
bool endsInTrap(const llvm::BasicBlock &BB);

/// A function whose checks each branch to a trap block of their own, which
/// MergeTrapBlocks merges after GVN; other functions keep one trap block
/// per kind from the start.
void markTrapBlockPerCheck(llvm::Function &F);
bool hasTrapBlockPerCheck(const llvm::Function &F);

// --- Loops -------------------------------------------------------------------

/// LoopBoundsChecks marks both copies of every loop it versions, so that
/// a later run leaves them alone.
void markVersioned(llvm::Loop &L);
bool isVersioned(const llvm::Loop &L);

} // namespace w2n::ir

#endif
