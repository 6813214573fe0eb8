// The node (V8) side of the differential test: usage `node shell.mjs
// [--dump-memory] MODULE.wasm`. Does what w2n-diff-runner does, through the
// WebAssembly JS API, and prints in the same format (see the top of
// DiffRunner.cpp):
// instantiates the module with binaryen's "fuzzing-support" logging
// imports, then calls every exported function once, in export order, with
// zero arguments (null references), each after hangLimitInitializer.
//
// JavaScript cannot tell the signature of an export, so the module's type,
// import, function and export sections are read here: the arguments must
// have the right JS types (0n for an i64), and a signature with a v128 is
// reported as `skip v128` without calling (the JS API would throw a
// TypeError before running anything).
import { readFileSync } from 'node:fs';

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, V128 = 0x7b;
const FUNCREF = 0x70, EXTERNREF = 0x6f;
const TYPE_NAMES = new Map([[I32, 'i32'], [I64, 'i64'], [F32, 'f32'],
  [F64, 'f64'], [V128, 'v128'], [FUNCREF, 'funcref'],
  [EXTERNREF, 'externref']]);

// The exported functions' signatures, in export order, and the exported
// memories: [{name, params: [type...], results: [type...]} or
// {name, memory: true}].
function exportedThings(bytes) {
  let pos = 8;
  const byte = () => {
    if (pos >= bytes.length) throw new Error('unexpected end of the module');
    return bytes[pos++];
  };
  const uleb = () => {
    let result = 0, scale = 1, b;
    do {
      b = byte();
      result += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return result;
  };
  const name = () => {
    const len = uleb();
    const text = new TextDecoder().decode(bytes.subarray(pos, pos + len));
    pos += len;
    return text;
  };
  const limits = () => {
    const flags = byte();
    uleb();
    if (flags & 1) uleb();
  };
  const vec = (read) => {
    const out = [];
    for (let n = uleb(); n > 0; --n) out.push(read());
    return out;
  };

  const types = [], funcTypes = [], exports = [];
  while (pos < bytes.length) {
    const id = byte();
    const size = uleb();
    const end = pos + size;
    if (id === 1) {
      for (let n = uleb(); n > 0; --n) {
        const form = byte();
        if (form !== 0x60) throw new Error(`unsupported type form ${form}`);
        types.push({ params: vec(byte), results: vec(byte) });
      }
    } else if (id === 2) {
      for (let n = uleb(); n > 0; --n) {
        name();
        name();
        const kind = byte();
        if (kind === 0) funcTypes.push(uleb());
        else if (kind === 1) { byte(); limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) { byte(); byte(); }
        else if (kind === 4) { byte(); uleb(); }
        else throw new Error(`unsupported import kind ${kind}`);
      }
    } else if (id === 3) {
      funcTypes.push(...vec(uleb));
    } else if (id === 7) {
      for (let n = uleb(); n > 0; --n) {
        const exportName = name();
        const kind = byte();
        const index = uleb();
        if (kind === 0)
          exports.push({ name: exportName, ...types[funcTypes[index]] });
        else if (kind === 2)
          exports.push({ name: exportName, memory: true });
      }
    }
    pos = end;
  }
  return exports;
}

const out = [];
const print = (line) => out.push(line);

const f32Bits = new Uint32Array(1), f32View = new Float32Array(f32Bits.buffer);
const f64Bits = new BigUint64Array(1), f64View = new Float64Array(f64Bits.buffer);

function formatValue(type, value) {
  const typeName = TYPE_NAMES.get(type) ?? 'unknown';
  switch (type) {
    case I32:
      return `${typeName} ${value | 0}`;
    case I64:
      return `${typeName} ${BigInt.asIntN(64, value)}`;
    case F32:
      if (Number.isNaN(value)) return `${typeName} nan`;
      f32View[0] = value;
      return `${typeName} 0x${f32Bits[0].toString(16).padStart(8, '0')}`;
    case F64:
      if (Number.isNaN(value)) return `${typeName} nan`;
      f64View[0] = value;
      return `${typeName} 0x${f64Bits[0].toString(16).padStart(16, '0')}`;
    case FUNCREF:
    case EXTERNREF:
      return `${typeName} ${value === null ? 'null' : 'nonnull'}`;
    default:
      return `${typeName} ?`;
  }
}

// V8's messages, mapped to the canonical kinds of DiffRunner.cpp.
const TRAPS = new Map([
  ['unreachable', 'unreachable'],
  ['memory access out of bounds', 'out of bounds memory access'],
  ['table index is out of bounds', 'out of bounds table access'],
  ['null function or function signature mismatch',
    'indirect call to null or mismatched function'],
  ['divide by zero', 'integer divide by zero'],
  ['remainder by zero', 'integer divide by zero'],
  ['divide result unrepresentable', 'integer overflow or invalid conversion'],
  ['float unrepresentable in integer range',
    'integer overflow or invalid conversion'],
  ['operation does not support unaligned accesses', 'unaligned atomic'],
]);

function trapKind(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    const kind = TRAPS.get(error.message);
    return kind ?? `other: ${error.message}`;
  }
  if (error instanceof RangeError &&
      error.message === 'Maximum call stack size exceeded')
    return 'call stack exhausted';
  // The TypeError of a call to log-v128.
  if (error instanceof TypeError) return 'host error';
  return `other: ${error}`;
}

const log = (type) => (value) => print(`log ${formatValue(type, value)}`);
const imports = {
  'fuzzing-support': {
    'log-i32': log(I32),
    'log-i64': log(I64),
    'log-f32': log(F32),
    'log-f64': log(F64),
    // Never called: a v128 cannot reach JavaScript, so the call throws.
    'log-v128': () => print('log v128 ?'),
  },
};

const zero = (type) => type === I64 ? 0n
  : (type === FUNCREF || type === EXTERNREF) ? null : 0;

function run(bytes) {
  let module, instance, exported;
  try {
    module = new WebAssembly.Module(bytes);
    exported = exportedThings(bytes);
  } catch (e) {
    print('compile error');
    console.error(String(e));
    return 1;
  }
  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    if (e instanceof WebAssembly.LinkError) {
      print('instantiate: link error');
      console.error(String(e));
      return 1;
    }
    print(e instanceof WebAssembly.Exception ? 'instantiate: exception'
                                             : `instantiate: trap ${trapKind(e)}`);
    return 0;
  }
  const reset = instance.exports.hangLimitInitializer;
  for (const { name, params, results, memory } of exported) {
    if (memory) continue;
    if (typeof reset === 'function') {
      try {
        reset();
      } catch (e) {
        print(`reset: ${e.message}`);
      }
    }
    print(`call ${name}`);
    if (params.includes(V128) || results.includes(V128)) {
      print('skip v128');
      continue;
    }
    let value;
    try {
      value = instance.exports[name](...params.map(zero));
    } catch (e) {
      // An exception the module threw and did not catch.
      print(e instanceof WebAssembly.Exception ? 'exception'
                                               : `trap ${trapKind(e)}`);
      continue;
    }
    if (results.length === 1) {
      print(`result ${formatValue(results[0], value)}`);
    } else if (results.length > 1) {
      print(`result ${results.map((t, i) => formatValue(t, value[i])).join(' ')}`);
    }
  }
  for (const { name, memory } of exported) {
    if (!memory) continue;
    const bytes = new Uint8Array(instance.exports[name].buffer);
    let hash = 2166136261;
    for (let i = 0; i < bytes.length; ++i)
      hash = Math.imul(hash ^ bytes[i], 16777619) >>> 0;
    print(`memory ${name} ${bytes.length / 65536} ` +
      `0x${hash.toString(16).padStart(8, '0')}`);
    if (dumpMemory) print(`bytes ${name} ${Buffer.from(bytes).toString('hex')}`);
  }
  return 0;
}

const dumpMemory = process.argv.includes('--dump-memory');
const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const status = run(readFileSync(file));
process.stdout.write(out.length ? out.join('\n') + '\n' : '');
process.exitCode = status;
