//===- ModuleContext.h - What every function's lowering shares --*- C++ -*-===//
#ifndef W2N_LOWERING_MODULECONTEXT_H
#define W2N_LOWERING_MODULECONTEXT_H

#include "lowering/InstanceLayout.h"
#include "lowering/Lowering.h"

#include "w2n/abi.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

#include <vector>

namespace w2n::lowering {

/// The LLVM module being built, its common types, and the declarations of
/// the runtime functions generated code calls.
struct ModuleContext {
  ModuleContext(const frontend::Module &WM, llvm::Module &LM,
                const LoweringOptions &Opts);

  const frontend::Module &WM;
  llvm::Module &LM;
  llvm::LLVMContext &Ctx;
  const LoweringOptions &Opts;
  /// LM's target, parsed once: some choices depend on it, per access.
  llvm::Triple TT;
  /// Which defined functions make tail calls: each has a tail-call entry
  /// (w2n/abi.h, w2n_funcref.tail_fn) besides its ordinary one
  /// (TailCalls.cpp).
  std::vector<bool> TailCallers;
  InstanceLayout Layout;
  /// Whether exceptions may unwind through the module's functions
  /// (mayUnwind): else every function is nounwind, as without exceptions.
  bool MayUnwind;

  llvm::Type *VoidTy, *I8Ty, *I16Ty, *I32Ty, *I64Ty, *F32Ty, *F64Ty;
  llvm::FixedVectorType *V128Ty; // v128 is <4 x i32> between operators
  llvm::PointerType *PtrTy;
  /// The alias tags of WasmIR.h: accesses left untagged (memory
  /// intrinsics, tables) may alias either.
  llvm::MDNode *LinearMemoryTBAA, *InstanceTBAA;

  /// The LLVM type of a WebAssembly value type.
  llvm::Type *type(frontend::ValType T) const;
  /// The vector type of a SIMD lane shape; V128Ty for None.
  llvm::FixedVectorType *vectorType(frontend::LaneShape S) const;
  /// R f(ptr instance, params...), R being void, the one result, or a
  /// struct of the results.
  llvm::FunctionType *functionType(const frontend::FuncType &FT) const;
  llvm::Type *returnType(const frontend::FuncType &FT) const;

  /// Defined function Index (in the function space); imported ones are
  /// called through the instance's funcref records instead. In a piece,
  /// another piece's function is declared on first use.
  llvm::Function *function(uint32_t Index);
  /// Defined functions by index; null for imports and for functions of
  /// other pieces not yet used.
  std::vector<llvm::Function *> Functions;

  /// Whether function Index (in the function space) has a tail-call entry.
  bool hasTailEntry(uint32_t Index) const {
    return Index >= WM.NumImportedFuncs &&
           TailCallers[Index - WM.NumImportedFuncs];
  }
  /// The tail-call entry of function Index, which has one:
  /// `void (ptr instance, ptr results)`, declared on first use.
  llvm::Function *tailFunction(uint32_t Index);
  std::vector<llvm::Function *> TailFunctions;
  llvm::FunctionType *tailFunctionType() const;

  // The runtime (see w2n/abi.h and the runtime's headers).
  // Indices and sizes are i64 whatever the index type of the memory or
  // table (i32 operands are zero-extended).
  llvm::Function *Trap;        // noreturn void (i32 kind)
  llvm::Function *MemoryGrow;  // i64 (ptr mem, i64 delta)
  llvm::Function *MemoryFill;  // void (ptr mem, i64 d, i32 val, i64 n)
  llvm::Function *MemoryCopy;  // void (ptr dst, ptr src, i64 d, i64 s, i64 n)
  llvm::Function *MemoryInit;  // void (ptr mem, ptr seg, i64 d, i32 s, i32 n)
  llvm::Function *TableGrow;   // i64 (ptr table, ptr init, i64 delta)
  llvm::Function *TableFill;   // void (ptr table, i64 i, ptr val, i64 n)
  llvm::Function *TableCopy;   // void (ptr dst, ptr src, i64 d, i64 s, i64 n)
  llvm::Function *TableInit;   // void (ptr table, ptr seg, i64 d, i32 s, i32 n)
  llvm::Function *TypeIsSubtype; // i32 (i32 sub id, i32 super id)
  llvm::Function *AtomicNotify;  // i32 (ptr memory, ptr addr, i32 count)
  llvm::Function *AtomicWait32;  // i32 (ptr memory, ptr addr, i32, i64 timeout)
  llvm::Function *AtomicWait64;  // i32 (ptr memory, ptr addr, i64, i64 timeout)
  llvm::Function *ExnNew;        // ptr (ptr instance, ptr tag)
  llvm::Function *Throw;         // noreturn void (ptr exn); unwinds
  llvm::Function *HostTakeException; // ptr (): after a host function
  /// The personality of every function with a landing pad, defined in
  /// the module on first use.
  llvm::Function *personality();
  llvm::Function *Personality = nullptr;

  /// The attributes the target's C calling convention wants on a function
  /// of type FT: riscv64 passes and returns 32-bit integers sign-extended
  /// to 64 bits, and C code compiled for it (the runtime, host functions)
  /// relies on that. Set on every function and indirect call generated.
  llvm::AttributeList abiAttributes(llvm::FunctionType *FT) const;

  /// A pointer to the field at Offset of the instance Inst.
  llvm::Value *fieldPtr(llvm::IRBuilderBase &B, llvm::Value *Inst,
                        uint64_t Offset) const {
    return B.CreateConstInBoundsGEP1_64(I8Ty, Inst, Offset);
  }
  /// Loads a field that does not change for the instance's lifetime.
  llvm::LoadInst *loadInvariant(llvm::IRBuilderBase &B, llvm::Type *T,
                                llvm::Value *Ptr) const;
};

} // namespace w2n::lowering

#endif
