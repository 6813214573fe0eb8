//===- BoundsChecks.cpp - Every linear-memory bounds decision -------------===//
//
// WARNING: subtle. A wrong decision here lets a guest read or write outside
// its sandbox. All bounds-check logic for linear memory lives in this file,
// but for three optimisations: LoopBoundsChecks.cpp hoists the checks below
// out of loops whose accesses it can bound, by versioning those loops,
// RedundantBoundsChecks.cpp removes the explicit checks (rung 4) that an
// earlier check implies, and BoundsCheckLimits.cpp rewrites each remaining
// one as a compare of the index with a limit computed once from the size.
//
// The ladder, for an access of Bytes bytes at Index + Offset (Index a 32-bit
// operand, Offset the instruction's 32-bit constant), first match wins:
//
//  1. A constant Index whose access ends beyond the largest size the memory
//     can ever have (its declared maximum, or 4 GiB): an unconditional trap.
//  2. A constant Index whose access ends within the smallest size the memory
//     can have (its declared minimum; memories never shrink, and an imported
//     one is at least as large as declared): no check.
//  3. Guard mode: the runtime reserves 8 GiB plus a 64 KiB page of address
//     space behind the memory base, and only the pages below the current
//     memory size are accessible. The effective address is below 2^33 - 1
//     and an access is at most 16 bytes, so every access lands inside the
//     reservation: an out-of-bounds one faults, and the runtime's fault
//     handler turns that into the trap. No compare is emitted. The loaded
//     value (after any extension, so that its type has a register) must be
//     kept alive even when the program ignores it (keepLoad), or the
//     optimiser would delete the fault.
//  4. Explicit mode: compare Index + Offset + Bytes with the current size in
//     bytes (64-bit arithmetic, which cannot overflow for these operands)
//     and trap when it is larger.
//
// Each memory of a module (multi-memory) has its own base, size and
// limits, and is guarded or checked on its own: a 32-bit memory in guard
// mode has its own reservation. A 64-bit memory (memory64) is always
// checked explicitly (memory64Address): no reservation covers a 64-bit
// index, and index + offset may wrap. Only a 32-bit memory 0 is reached
// through the instance's head, the form the Wasm passes recognise; the
// others are ordinary code to them.
//
// A store that traps must write nothing. With guard pages, a store that
// starts below the end of the memory and ends beyond it faults on its last
// bytes; x86-64 then writes none of it, but AArch64 and RISC-V allow the
// bytes on the accessible page to be written first (a torn store; seen on
// real hardware, not under qemu). On those targets a store of more than one
// byte that rung 2 does not prove in bounds first loads its last byte (the
// probe): the memory size is a multiple of the page size, so the store's
// last byte is out of bounds exactly when any byte is, and the probe faults
// before anything is written.
//
// And a store that traps must not undo the stores before it. LLVM merges
// adjacent stores (the code generator's store merging, the SLP and loop
// vectorisers); a merged store that crosses the end faults as a whole, and
// the bytes of the stores before it that were in bounds are never written.
// With guard pages each store is therefore followed by an empty asm
// statement that LLVM must assume reads any memory (orderStore). Explicit
// checks need none: the branch to the trap separates the stores.
//
// Nor may an access that faults move above a store before it: the store
// would be lost. Loads are held in place by their keep-alives, which LLVM
// must assume read and write any memory: no load of linear memory is
// invariant across one, nor available after one. And the store barrier,
// like any asm statement, is not known to return, so GVN's PRE and LICM
// move no load above it (they move only loads that surely run), and the
// code generator orders every memory access with it. That is why a store
// proven in bounds has one too: AArch64's code generator schedules with
// alias analysis, and moved a faulting load above a store to another
// address (test/diff/regressions/guard-load-above-store.wat). It only
// reads, so that LLVM may still forward a store's value to a later load of
// the same bytes (the load cannot fault once the store did not): code that
// keeps its locals in linear memory, on the shadow stack, stores and
// reloads them all the time (bench/README.md, "Kept", has what a barrier
// that writes memory cost).
//
//===----------------------------------------------------------------------===//
#include "lowering/FunctionLowering.h"

#include "lowering/WasmIR.h"

namespace w2n::lowering {

using namespace llvm;

Value *FunctionLowerer::memoryAddress(uint32_t Memory, Value *Index,
                                      uint64_t Offset, unsigned Bytes) {
  if (WM.Memories[Memory].Is64)
    return memory64Address(Memory, Index, Offset, Bytes);
  Value *Base = MemoryBases[Memory];
  Value *EA = B.CreateZExt(Index, MC.I64Ty);
  if (Offset)
    EA = B.CreateAdd(EA, B.getInt64(Offset), "", /*HasNUW=*/true);
  const frontend::Limits &Pages = WM.Memories[Memory].Pages;
  if (auto *Const = dyn_cast<ConstantInt>(Index)) {
    uint64_t End = Const->getZExtValue() + Offset + Bytes;
    uint64_t MaxBytes =
        Pages.Max.value_or(frontend::MaxMemoryPages) * frontend::PageSize;
    if (End > MaxBytes) {
      // The rest of the block is dead; the optimiser removes it.
      trapIf(B.getTrue(), W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
      return B.CreateInBoundsGEP(MC.I8Ty, Base, EA);
    }
  }
  if (withinMinimumSize(Memory, Index, Offset, Bytes))
    return B.CreateInBoundsGEP(MC.I8Ty, Base, EA);
  if (!guarded(Memory))
    trapIf(ir::buildOutOfBounds(B, EA, Bytes, memorySize(Memory)),
           W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  return B.CreateInBoundsGEP(MC.I8Ty, Base, EA);
}

// A 64-bit index plus a 64-bit offset can wrap, and the memory can be
// larger than 4 GiB: no guard region covers it, and the Wasm passes, which
// reason about 32-bit indices, are kept out (the base and size are not
// loaded through the instance's head; WasmIR.h). The check is Wasmtime's:
// out of bounds when size < End or Index > size - End, End being the
// offset plus the access's size, which neither wraps.
Value *FunctionLowerer::memory64Address(uint32_t Memory, Value *Index,
                                        uint64_t Offset, unsigned Bytes) {
  using U128 = unsigned __int128;
  const frontend::Limits &Pages = WM.Memories[Memory].Pages;
  U128 End = U128(Offset) + Bytes;
  U128 MaxBytes =
      U128(Pages.Max.value_or(frontend::MaxMemory64Pages)) * frontend::PageSize;
  U128 MinBytes = U128(Pages.Min) * frontend::PageSize;
  Value *Base = MemoryBases[Memory];
  auto Address = [&] {
    return B.CreateInBoundsGEP(MC.I8Ty, Base,
                               Offset ? B.CreateAdd(Index, B.getInt64(Offset))
                                      : Index);
  };
  // No memory reaches 2^64 bytes: an End beyond that (or the maximum) is
  // out of bounds at any index.
  bool AlwaysOut = End > MaxBytes || End > UINT64_MAX;
  if (auto *Const = dyn_cast<ConstantInt>(Index)) {
    U128 Last = U128(Const->getZExtValue()) + End;
    AlwaysOut |= Last > MaxBytes;
    if (!AlwaysOut && Last <= MinBytes)
      return Address();
  }
  if (AlwaysOut) {
    trapIf(B.getTrue(), W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
    return Address();
  }
  Value *Size = memorySize(Memory);
  Value *EndV = B.getInt64(uint64_t(End));
  Value *OutOfBounds = B.CreateICmpUGT(Index, B.CreateSub(Size, EndV));
  if (End > MinBytes)
    OutOfBounds = B.CreateOr(B.CreateICmpULT(Size, EndV), OutOfBounds);
  trapIf(OutOfBounds, W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
  return Address();
}

Value *FunctionLowerer::atomicAddress(uint32_t Memory, Value *Index,
                                      uint64_t Offset, unsigned Bytes) {
  bool Is64 = WM.Memories[Memory].Is64;
  Value *Index64 = Is64 ? Index : B.CreateZExt(Index, MC.I64Ty);
  Value *Addr;
  if (Is64) {
    Addr = memory64Address(Memory, Index, Offset, Bytes);
  } else {
    Value *EA = Index64;
    if (Offset)
      EA = B.CreateAdd(EA, B.getInt64(Offset), "", /*HasNUW=*/true);
    trapIf(ir::buildOutOfBounds(B, EA, Bytes, memorySize(Memory)),
           W2N_TRAP_MEMORY_OUT_OF_BOUNDS);
    Addr = B.CreateInBoundsGEP(MC.I8Ty, MemoryBases[Memory], EA);
  }
  if (Bytes > 1) {
    Value *Low = B.CreateAnd(B.CreateAdd(Index64, B.getInt64(Offset)),
                             B.getInt64(Bytes - 1));
    trapIf(B.CreateICmpNE(Low, B.getInt64(0)), W2N_TRAP_UNALIGNED_ATOMIC);
  }
  return Addr;
}

bool FunctionLowerer::withinMinimumSize(uint32_t Memory, Value *Index,
                                        uint64_t Offset, unsigned Bytes) const {
  auto *Const = dyn_cast<ConstantInt>(Index);
  using U128 = unsigned __int128;
  return Const && U128(Const->getZExtValue()) + Offset + Bytes <=
                      U128(WM.Memories[Memory].Pages.Min) * frontend::PageSize;
}

Value *FunctionLowerer::storeAddress(uint32_t Memory, Value *Index,
                                     uint64_t Offset, unsigned Bytes) {
  Value *Addr = memoryAddress(Memory, Index, Offset, Bytes);
  if (!guarded(Memory) || Bytes == 1 || MC.TT.isX86() ||
      withinMinimumSize(Memory, Index, Offset, Bytes))
    return Addr;
  ir::buildStoreProbe(B, Addr, Bytes, MC.TT);
  return Addr;
}

void FunctionLowerer::orderStore() {
  // A store that cannot fault needs the barrier too: an access after it
  // that faults must not move above it. So does a store to an explicitly
  // checked memory, when another memory is guarded.
  if (llvm::none_of(WM.Memories, [&](const frontend::MemoryType &M) {
        return MC.Opts.BoundsChecks == BoundsCheckMode::Guard && !M.Is64;
      }))
    return;
  // It may read any memory, so no store moves across it: LLVM cannot merge
  // this store with the next into one wider store. It writes nothing, so
  // loads after it still see the stores before it (see the head of this
  // file). It emits no instruction. (LoopBoundsChecks.cpp removes it from
  // loop copies where every store is known to be in bounds.)
  ir::buildStoreBarrier(B);
}

Value *FunctionLowerer::keepLoad(uint32_t Memory, Value *Loaded,
                                 LoadInst *Load) {
  if (!guarded(Memory))
    return Loaded;
  ir::buildKeepAlive(B, Loaded, Load, MC.TT);
  return Loaded;
}

Value *FunctionLowerer::memoryObject(uint32_t Memory) {
  if (Memory == 0 && !WM.Memories[0].Is64)
    return ir::buildMemoryObject(B, Inst);
  return MC.loadInvariant(B, MC.PtrTy,
                          instanceField(MC.Layout.memory(Memory)));
}

Value *FunctionLowerer::memorySize(uint32_t Memory) {
  // One load for every access of a stretch of straight-line code: the
  // checks of repeated accesses are then the same compare, which EarlyCSE
  // removes. Left to GVN, each such check costs time in proportion to the
  // function's size, and a function with thousands of accesses (an
  // interpreter's loop) took minutes.
  KnownMemorySize &Known = KnownSizes[Memory];
  if (Known.Size && Known.Block == B.GetInsertBlock())
    return Known.Size;
  LoadInst *Size = ir::buildMemorySize(B, memoryObject(Memory),
                                       WM.Memories[Memory].Is64);
  Known = {Size, B.GetInsertBlock()};
  return Size;
}

} // namespace w2n::lowering
