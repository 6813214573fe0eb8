// The node (V8) side of bench/eh/run: node node.js MODULE.wasm ITERATIONS
// DEPTH prints what host.c prints, for the legacy module.
const fs = require("fs");
const [file, iterArg, depthArg] = process.argv.slice(2);
const iterations = Number(iterArg), depth = Number(depthArg);
const { instance } = { instance: new WebAssembly.Instance(
    new WebAssembly.Module(fs.readFileSync(file))) };
const { run, run_no_try } = instance.exports;
const chain = 1 + depth * (depth + 1) / 2;

function bestNs(f, args, expected) {
  let best = Infinity;
  for (let i = 0; i < 5; ++i) {
    const start = process.hrtime.bigint();
    const r = f(...args);
    const elapsed = Number(process.hrtime.bigint() - start);
    if ((r | 0) !== (expected | 0))
      throw new Error(`result ${r}, expected ${expected}`);
    best = Math.min(best, elapsed);
  }
  return best / iterations;
}

console.log(`throw ${bestNs(run, [iterations, depth, 1], iterations).toFixed(1)}`);
console.log(`try ${bestNs(run, [iterations, depth, 0], iterations * chain).toFixed(1)}`);
console.log(`no-try ${bestNs(run_no_try, [iterations, depth], iterations * chain).toFixed(1)}`);
