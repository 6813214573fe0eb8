//===- SpecValues.h - Values of wast2json scripts ---------------*- C++ -*-===//
//
// wast2json writes a value as {"type": T, "value": V}: numbers as the
// decimal digits of their bits, v128 as a list of lanes with a lane_type,
// references as "null" or a number (ref.extern N). An expected result may
// instead be a pattern: "nan:canonical" or "nan:arithmetic" (a float, or a
// float lane), or no value at all for a reference (any non-null one).
//
// Externrefs cross into the runtime as host pointers: ref.extern N is the
// pointer N + 1, so that N = 0 is not null, consistently in both directions.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECVALUES_H
#define W2N_TEST_SPEC_SPECVALUES_H

#include "w2n/abi.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <array>
#include <string>

namespace w2n::spec {

/// What an expected value (or one lane of it) accepts.
enum class Pattern : uint8_t {
  Exact,         ///< exactly these bits
  CanonicalNan,  ///< a NaN with only the top mantissa bit set, either sign
  ArithmeticNan, ///< a NaN with the top mantissa bit set
  NonNull,       ///< any non-null reference
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

/// Parses a value; patterns are refused unless Expected is set.
llvm::Expected<SpecValue> parseValue(const llvm::json::Value &Json,
                                     bool Expected);

/// The value type named by wast2json's "type" string, or 0 if unknown.
uint8_t parseValType(llvm::StringRef Name);

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
