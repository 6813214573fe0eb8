//===- Pipeline.h - Where the Wasm passes run -------------------*- C++ -*-===//
//
// The Wasm passes place themselves in LLVM's pipeline, as a target does:
// the driver calls registerWasmPasses on its PassBuilder and then builds the
// default pipeline of any level, -O0 included. Their names (w2n-...) are
// registered too, so that a tool can run one pass alone on hand-written IR
// (test/tools/w2n-opt, test/lit/passes/).
//
//===----------------------------------------------------------------------===//
#ifndef W2N_PASSES_PIPELINE_H
#define W2N_PASSES_PIPELINE_H

namespace llvm {
class PassBuilder;
}

namespace w2n::passes {

void registerWasmPasses(llvm::PassBuilder &PB);

} // namespace w2n::passes

#endif
