//===- SpecValues.h - Values of the spec scripts ----------------*- C++ -*-===//
//
// The WAST reader gives constants and expected results as written; here
// they become values of the runtime's ABI. An expected result may be a
// pattern: nan:canonical or nan:arithmetic (a float, or a float lane),
// `(ref.func)` / `(ref.extern)` (any non-null one), `(ref.null)` (any null).
//
// Externrefs cross into the runtime as host pointers: ref.extern N is the
// pointer N + 1, so that N = 0 is not null, consistently in both directions.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECVALUES_H
#define W2N_TEST_SPEC_SPECVALUES_H

#include "w2n/abi.h"

#include "llvm/Support/Error.h"
#include "frontend/text/Script.h"

#include <array>
#include <string>

namespace w2n::spec {

/// What an expected value (or one lane of it) accepts.
enum class Pattern : uint8_t {
  Exact,         ///< exactly these bits
  CanonicalNan,  ///< a NaN with only the top mantissa bit set, either sign
  ArithmeticNan, ///< a NaN with the top mantissa bit set
  NonNull,       ///< any non-null reference
  AnyNull,       ///< a null reference of any reference type
};

struct SpecValue {
  w2n_valtype Type = W2N_I32;
  w2n_value Bits{};
  Pattern Scalar = Pattern::Exact;
  /// v128: the lane type as the script gives it (i8 ... f64), and the
  /// patterns of the lanes.
  std::string LaneType;
  std::array<Pattern, 16> Lanes{};
};

/// A script's value; patterns are refused unless Expected is set.
llvm::Expected<SpecValue> fromScript(const frontend::text::ScriptValue &V,
                                     bool Expected);

/// Whether Actual, a value of Expected.Type, is what Expected accepts.
bool matches(const SpecValue &Expected, const w2n_value &Actual);

/// For failure messages: an expected value or pattern, and an actual value
/// of a type (v128 shown in the lane type of LaneHint, if not empty).
std::string describe(const SpecValue &Value);
/// S in double quotes, escaped, for messages.
std::string quote(llvm::StringRef S);
std::string describe(uint8_t Type, const w2n_value &Value,
                     llvm::StringRef LaneHint = "");

} // namespace w2n::spec

#endif
