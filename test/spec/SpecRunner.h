//===- SpecRunner.h - Runs wast2json command lists --------------*- C++ -*-===//
//
// The runner walks the commands of one script after another and dispatches
// each to the handler for its kind. SpecRunner.cpp holds the walk, the
// counting and the validation-phase handlers; SpecExecute.cpp the handlers
// that compile, instantiate and run modules.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECRUNNER_H
#define W2N_TEST_SPEC_SPECRUNNER_H

#include "frontend/Frontend.h"
#include "test/spec/SpecEngine.h"
#include "test/spec/SpecJit.h"
#include "test/spec/SpecValues.h"

#include "w2n/embed.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace w2n::spec {

/// The command types of a wast2json script, plus two pseudo-kinds under
/// which failures that belong to no known command are counted.
enum class CommandKind : uint8_t {
  Module,
  AssertInvalid,
  AssertMalformed,
  AssertUnlinkable,
  AssertUninstantiable,
  AssertReturn,
  AssertTrap,
  AssertExhaustion,
  Action,
  Register,
  Unknown, ///< a command type this runner does not know
  Script,  ///< the JSON file itself: unreadable or not a command list
};
constexpr size_t NumCommandKinds = size_t(CommandKind::Script) + 1;

/// The names are wast2json's, so that counts read like the scripts.
constexpr std::array<llvm::StringLiteral, NumCommandKinds> CommandKindNames = {
    "module",
    "assert_invalid",
    "assert_malformed",
    "assert_unlinkable",
    "assert_uninstantiable",
    "assert_return",
    "assert_trap",
    "assert_exhaustion",
    "action",
    "register",
    "unknown",
    "script",
};

/// What became of one command. Only Passed and Failed are verdicts;
/// NotApplicable is counted so that the totals account for every command.
enum class Outcome : uint8_t {
  Passed,
  Failed,
  NotApplicable, ///< a text-format module: we only read binaries
};
constexpr size_t NumOutcomes = size_t(Outcome::NotApplicable) + 1;

constexpr std::array<llvm::StringLiteral, NumOutcomes> OutcomeNames = {
    "passed", "failed", "not_applicable"};

/// Counts of outcomes per command kind, for one script or for all of them.
class Tally {
public:
  void add(CommandKind Kind, Outcome Result) {
    ++Counts[size_t(Kind)][size_t(Result)];
  }
  unsigned total(Outcome Result) const;
  /// Prints the summary line described at the top of SpecRunner.cpp.
  void printSummary(llvm::raw_ostream &OS, llvm::StringRef File) const;

private:
  std::array<std::array<unsigned, NumOutcomes>, NumCommandKinds> Counts{};
};

/// A module read from a .wasm file. The Module points into the bytes, so the
/// two live together.
struct LoadedModule {
  std::unique_ptr<llvm::MemoryBuffer> Bytes;
  std::unique_ptr<frontend::Module> Mod;
};

/// One command of a script, as handed to the per-kind handlers.
struct Command {
  CommandKind Kind;
  llvm::StringRef Type; ///< as spelled in the JSON (for unknown kinds)
  int64_t Line;         ///< in the .wast script
  const llvm::json::Object &Json;
};

class ScriptRunner {
public:
  /// With a target in Exe, the modules run in a test host executable for
  /// it (SpecEngine.h); without, in this process.
  ScriptRunner(llvm::raw_ostream &OS, const JitOptions &Opts,
               const ExeOptions &Exe)
      : OS(OS), Opts(Opts), Exe(Exe) {}
  ~ScriptRunner() { endScript(); }

  /// Runs every command of one JSON file, prints its failures and its
  /// summary line, and returns its counts.
  Tally runScript(llvm::StringRef JsonPath);

private:
  Outcome runCommand(const Command &Cmd);

  // Validation (SpecRunner.cpp).
  Outcome runAssertRejected(const Command &Cmd, frontend::ErrorKind Expected);
  /// Reads and loads (decodes and validates) the module of a command.
  llvm::Expected<LoadedModule> loadCommandModule(const Command &Cmd);

  // Execution (SpecExecute.cpp).
  Outcome runModule(const Command &Cmd);
  Outcome runAssertLinkTime(const Command &Cmd);
  Outcome runRegister(const Command &Cmd);
  Outcome runAction(const Command &Cmd);
  Outcome runAssertReturn(const Command &Cmd);
  Outcome runAssertTrap(const Command &Cmd);

  /// Compiles, before the script runs, every module it instantiates, and
  /// starts the engine; false (with the failure printed) if it cannot.
  bool prepareScript(const llvm::json::Array &Commands);
  /// The engine's number for the module of a command, compiled by
  /// prepareScript, or why it could not be compiled.
  llvm::Expected<unsigned> compileCommandModule(const Command &Cmd);
  /// Runs the action of a command ("invoke" or "get").
  llvm::Expected<ActionResult> performAction(const Command &Cmd);
  /// The instance a command's "module" field names, or the current one.
  llvm::Expected<int> instanceFor(const llvm::json::Object &Json);
  /// Frees the script's instances and its engine.
  void endScript();

  /// Prints the failure of a command and returns Outcome::Failed.
  Outcome fail(const Command &Cmd, const llvm::Twine &Message);

  llvm::raw_ostream &OS;
  JitOptions Opts;
  ExeOptions Exe;

  // State of the script being run; set by runScript.
  std::string ScriptDir;  ///< where its .wasm files are
  std::string SourceName; ///< its .wast, for FILE:LINE in failures
  std::unique_ptr<Engine> Eng;
  /// Module file -> the engine's number for it, or why it has none.
  llvm::StringMap<std::pair<int, std::string>> Compiled;
  int Current = -1;                 ///< -1 after a failed module
  bool HaveCurrent = false;         ///< whether a module came at all
  llvm::StringMap<int> Named;       ///< $name -> instance (or -1)
};

/// How the frontend (or reading the file, or compiling) refused a module,
/// taken apart so that the handlers can compare the kind and print the rest.
struct Rejection {
  std::optional<frontend::ErrorKind> Kind; ///< unset if not a WasmError
  std::string Description;                 ///< one line: kind, offset, message
};
Rejection takeRejection(llvm::Error Err);

/// The spec's expectation text, quoted and escaped, for failure messages.
std::string quoteExpectedText(const llvm::json::Object &Json);

} // namespace w2n::spec

#endif
