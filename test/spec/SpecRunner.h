//===- SpecRunner.h - Runs WAST scripts -------------------------*- C++ -*-===//
//
// The runner reads each script with the frontend's WAST reader, walks its
// commands and dispatches each to the handler for its kind. SpecRunner.cpp
// holds the walk, the counting and the validation-phase handlers;
// SpecExecute.cpp the handlers that compile, instantiate and run modules.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_TEST_SPEC_SPECRUNNER_H
#define W2N_TEST_SPEC_SPECRUNNER_H

#include "frontend/Frontend.h"
#include "frontend/text/Script.h"
#include "test/spec/SpecEngine.h"
#include "test/spec/SpecJit.h"
#include "test/spec/SpecValues.h"

#include "w2n/embed.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace w2n::spec {

using frontend::text::ScriptCommand;
using frontend::text::ScriptCommandKind;
using frontend::text::ScriptModule;

/// Counts are kept per script command kind, plus one pseudo-kind for
/// failures that belong to no command: a script that cannot be read.
constexpr size_t NumScriptKinds = size_t(ScriptCommandKind::Wait) + 1;
constexpr size_t ScriptKindSlot = NumScriptKinds; ///< "script"
constexpr size_t NumCommandKinds = NumScriptKinds + 1;
llvm::StringRef commandKindLabel(size_t Kind);

/// What became of one command. Unsupported: it needs a construct the
/// compiler does not support yet (a module the frontend refused as such,
/// or an action on its instance); never counted as passed.
enum class Outcome : uint8_t { Passed, Failed, Unsupported };
constexpr size_t NumOutcomes = size_t(Outcome::Unsupported) + 1;

constexpr std::array<llvm::StringLiteral, NumOutcomes> OutcomeNames = {
    "passed", "failed", "unsupported"};

/// Counts of outcomes per command kind, for one script or for all of them.
class Tally {
public:
  void add(size_t Kind, Outcome Result) {
    ++Counts[Kind][size_t(Result)];
  }
  unsigned total(Outcome Result) const;
  /// Prints the summary line described at the top of SpecRunner.cpp;
  /// Needs: what the script's unsupported commands need.
  void printSummary(llvm::raw_ostream &OS, llvm::StringRef File,
                    const llvm::StringSet<> &Needs = {}) const;

private:
  std::array<std::array<unsigned, NumOutcomes>, NumCommandKinds> Counts{};
};

/// How a script's modules are read: under which standard (the 2.0 suite
/// is read as WebAssembly 2.0, the 3.0 suite as 3.0, the threads suite's
/// text as 2.0 text with 3.0 decoding).
struct ReadOptions {
  frontend::FrontendOptions Frontend;
  frontend::text::TextOptions Text;
};

/// A module of the script, encoded and loaded. The Module points into
/// Binary.
struct LoadedModule {
  frontend::text::BinaryModule Binary;
  std::unique_ptr<frontend::Module> Mod;
};

/// An instance of the script: its engine number, or why it has none.
struct InstanceRef {
  int Index = -1;           ///< -1: none
  bool Unsupported = false; ///< its module needs what is not supported yet
  std::string Why;          ///< if Index < 0
};

class ScriptRunner {
public:
  /// With a target in Exe, the modules run in a test host executable for
  /// it (SpecEngine.h); without, in this process.
  ScriptRunner(llvm::raw_ostream &OS, const JitOptions &Opts,
               const ExeOptions &Exe, const ReadOptions &Read)
      : OS(OS), Opts(Opts), Exe(Exe), Read(Read) {}
  ~ScriptRunner() { endScript(); }

  /// Runs every command of one .wast script, prints its failures and its
  /// summary line, and returns its counts.
  Tally runScript(llvm::StringRef Path);

private:
  Outcome runCommand(const ScriptCommand &Cmd);

  // Validation (SpecRunner.cpp).
  Outcome runAssertRejected(const ScriptCommand &Cmd,
                            frontend::ErrorKind Expected);
  /// Encodes, decodes and validates a module of the script.
  llvm::Expected<std::unique_ptr<LoadedModule>>
  loadModule(const ScriptModule &M);

  // Execution (SpecExecute.cpp).
  Outcome runModule(const ScriptCommand &Cmd);
  Outcome runModuleInstance(const ScriptCommand &Cmd);
  Outcome runAssertLinkTime(const ScriptCommand &Cmd);
  Outcome runRegister(const ScriptCommand &Cmd);
  Outcome runAction(const ScriptCommand &Cmd);
  Outcome runAssertReturn(const ScriptCommand &Cmd);
  Outcome runAssertTrap(const ScriptCommand &Cmd);
  Outcome runAssertException(const ScriptCommand &Cmd);

  /// Compiles, before the script runs, every module it instantiates, and
  /// starts the engine; false (with the failure printed) if it cannot.
  bool prepareScript();
  /// Instantiates the compiled module M; names it Id if not empty.
  Outcome instantiate(const ScriptCommand &Cmd, const ScriptModule &M,
                      llvm::StringRef Id);
  /// The instance an action names (its $id, or the current one).
  const InstanceRef &instanceFor(llvm::StringRef Id, std::string &Why);
  /// Runs the action of a command ("invoke" or "get"); Unsupported is set
  /// when its instance's module needs what is not supported yet.
  llvm::Expected<ActionResult> performAction(const ScriptCommand &Cmd,
                                             bool &Unsupported);
  /// Runs the action of a command into Result; the command's outcome if
  /// that already decides it (unsupported, or the action failed to run).
  std::optional<Outcome> runActionOf(const ScriptCommand &Cmd,
                                     ActionResult &Result);
  /// Frees the script's instances and its engine.
  void endScript();
  /// The module names a module imports from, as far as they can be known:
  /// from its decoded imports, or for a module the frontend refused, from
  /// the `(import "NAME"` of its text.
  std::vector<std::string> importedModules(const ScriptModule &M);
  /// Whether M imports from a registered name whose instance needs what is
  /// not supported yet (so it cannot link as the script expects).
  bool importsUnsupported(const ScriptModule &M);
  /// Taints the registered instances an unsupported module M imports from.
  void taintImportsOf(const ScriptModule &M);
  /// Notes what an unsupported construct needs, from the description of
  /// its rejection ("not supported yet: PROPOSAL: ...").
  void noteNeed(llvm::StringRef Description);
  /// The proposals the script's unsupported commands need.
  llvm::StringSet<> Needs;

  /// Prints the failure of a command and returns Outcome::Failed.
  Outcome fail(const ScriptCommand &Cmd, const llvm::Twine &Message);

  llvm::raw_ostream &OS;
  JitOptions Opts;
  ExeOptions Exe;
  ReadOptions Read;

  // State of the script being run; set by runScript.
  std::optional<frontend::text::Script> S;
  std::string SourceName; ///< its path, for FILE:LINE in failures
  std::unique_ptr<Engine> Eng;
  /// What became of the modules prepareScript compiled.
  struct CompiledModule {
    int Index = -1; ///< the engine's number for it
    bool Unsupported = false;
    std::string Why;
    const frontend::Module *Mod = nullptr; ///< if it loaded
  };
  llvm::DenseMap<const ScriptModule *, CompiledModule> Compiled;
  std::vector<std::unique_ptr<LoadedModule>> Loaded;
  InstanceRef Current;
  bool HaveCurrent = false;                ///< whether a module came at all
  llvm::StringMap<InstanceRef> Named;      ///< $name -> instance
  llvm::StringMap<const ScriptModule *> Definitions; ///< module definitions
  const ScriptModule *LastDefinition = nullptr;
  // Unsupported modules change what the script expects of others: a name
  // registered for an unsupported instance cannot be imported, and an
  // instance that an unsupported module imports from (and would have
  // written to, in its initialisation) is tainted, as is one that imports
  // from a tainted instance. Commands on tainted instances count as
  // unsupported.
  llvm::StringSet<> UnsupportedNames;
  llvm::StringMap<int> RegisteredIndex;
  llvm::DenseSet<int> Tainted;
};

/// How the frontend (or reading the text, or compiling) refused a module,
/// taken apart so that the handlers can compare the kind and print the rest.
struct Rejection {
  std::optional<frontend::ErrorKind> Kind; ///< unset if not a Wasm/TextError
  std::string Description;                 ///< one line: kind, place, message
};
Rejection takeRejection(llvm::Error Err);

} // namespace w2n::spec

#endif
