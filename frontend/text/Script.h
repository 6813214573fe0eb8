//===- Script.h - WAST scripts: modules, actions, assertions ----*- C++ -*-===//
//
// The script format of the spec test suite, read into commands. Modules
// stay as they were written (text, binary or quoted text) and are encoded
// when a runner asks, so that a malformed one is the verdict of its
// command, not a failure of the script.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_FRONTEND_TEXT_SCRIPT_H
#define W2N_FRONTEND_TEXT_SCRIPT_H

#include "frontend/text/Text.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace w2n::frontend::text {

/// A NaN pattern of an expected float (or float lane).
enum class NanPattern : uint8_t { None, Canonical, Arithmetic };

/// A constant argument, or an expected result (which may be a pattern).
struct ScriptValue {
  enum class Kind : uint8_t { I32, I64, F32, F64, V128, Ref };
  Kind K = Kind::I32;
  /// Numbers and vectors: the value's bytes, little-endian.
  std::array<uint8_t, 16> Bytes{};
  NanPattern Nan = NanPattern::None; ///< F32 and F64 results
  /// V128: the shape as written (i8x16 ... f64x2), and for float shapes
  /// the pattern of each lane.
  std::string Shape;
  std::array<NanPattern, 4> LaneNan{};
  /// Ref: `ref.null HT` (HeapType as written; empty in `(ref.null)`, any
  /// null reference), `ref.extern N`, `ref.host N`, or a result pattern
  /// without a payload: `ref.func`, `ref.extern`, `ref.any`, `ref.eq`,
  /// `ref.i31`, `ref.struct`, `ref.array`, `ref.exn` (any non-null one).
  std::string RefKind;   ///< "null", "extern", "host", "func", ...
  std::string HeapType;  ///< of ref.null
  std::optional<uint64_t> Payload; ///< N of ref.extern N, ref.host N, ref.func N

  uint64_t bits() const {
    uint64_t V = 0;
    for (int I = 7; I >= 0; --I)
      V = V << 8 | Bytes[I];
    return V;
  }
};

/// An expected result: one value, or with `either` any of several.
struct ScriptResult {
  std::vector<ScriptValue> Either;
};

/// A module as a command writes it.
struct ScriptModule {
  enum class Form : uint8_t { Text, Binary, Quote };
  Form F = Form::Text;
  std::string Id;          ///< $name, if any
  bool Definition = false; ///< (module definition ...): not instantiated
  size_t Begin = 0;        ///< source offset of its `(`
  size_t FieldsToken = 0;  ///< Text: the token of its first field
  std::string Data;        ///< Binary: the bytes; Quote: the text
};

struct ScriptAction {
  bool IsGet = false;  ///< (get ...) rather than (invoke ...)
  std::string ModuleId; ///< the instance's $name, if any
  std::string Field;
  std::vector<ScriptValue> Args;
};

enum class ScriptCommandKind : uint8_t {
  Module,
  ModuleInstance, ///< (module instance $i $definition?)
  Register,
  Action,
  AssertReturn,
  AssertTrap,
  AssertExhaustion,
  AssertException,
  AssertInvalid,
  AssertMalformed,
  AssertUnlinkable,
  AssertUninstantiable,
  Thread, ///< (thread $t (shared (module $m))* command*), parsed only
  Wait,   ///< (wait $t)
};
llvm::StringRef commandKindName(ScriptCommandKind K);

struct ScriptCommand {
  ScriptCommandKind Kind = ScriptCommandKind::Module;
  uint32_t Line = 0;
  std::optional<ScriptModule> Module;
  ScriptAction Action;
  std::vector<ScriptResult> Results; ///< of assert_return
  std::string Message;               ///< the assertion's text
  /// register "Name" $Id?; module instance $Id $Definition?; thread $Id;
  /// wait $Id.
  std::string Name, Id, Definition;
  std::vector<std::string> SharedModules; ///< of a thread
  std::vector<ScriptCommand> Body;        ///< of a thread
};

class Script {
public:
  std::string Source;
  std::vector<Token> Tokens;
  std::vector<ScriptCommand> Commands;

  /// The binary of a module of this script (text or quote encoded with
  /// Opts). Errors in quoted text are reported at their place in the
  /// quote's text; in text modules, in the script.
  llvm::Expected<BinaryModule> encode(const ScriptModule &M,
                                      const TextOptions &Opts) const;
};

/// Reads a script. A script that is only module fields is one module.
llvm::Expected<Script> parseScript(std::string Source);

} // namespace w2n::frontend::text

#endif
