//===- SpecJitEngine.cpp - Modules run in this process --------------------===//
#include "test/spec/SpecEngine.h"
#include "test/spec/SpecHost.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

namespace w2n::spec {

using llvm::Expected;
using llvm::StringRef;

Engine::~Engine() = default;

namespace {

const w2n_valtype LogTypes[] = {W2N_I32, W2N_I64, W2N_F32, W2N_F64, W2N_V128};
const w2n_func_type_desc LogSignatures[] = {
    {1, 0, &LogTypes[0], 0, 0, 0}, {1, 0, &LogTypes[1], 0, 0, 0}, {1, 0, &LogTypes[2], 0, 0, 0},
    {1, 0, &LogTypes[3], 0, 0, 0}, {1, 0, &LogTypes[4], 0, 0, 0}};
const StringRef LogNames[] = {"log-i32", "log-i64", "log-f32", "log-f64",
                              "log-v128"};

class JitEngine final : public Engine {
public:
  explicit JitEngine(const JitOptions &Opts) : Opts(Opts) {
    for (size_t I = 0; I < std::size(Sinks); ++I)
      Sinks[I] = {this, uint8_t(LogTypes[I])};
  }
  ~JitEngine() override {
    // Instances refer to each other's memories, tables and code: free them
    // all before the code goes (with the JIT).
    for (auto It = Instances.rbegin(); It != Instances.rend(); ++It)
      w2n_instance_free(*It);
  }

  Expected<unsigned> compile(const frontend::Module &M) override {
    if (!Jit) {
      auto NewJit = ModuleJit::create(Opts);
      if (!NewJit)
        return NewJit.takeError();
      Jit = std::move(*NewJit);
    }
    Expected<const w2n_module_desc *> Desc = Jit->compile(M);
    if (!Desc)
      return Desc.takeError();
    Modules.push_back(*Desc);
    return unsigned(Modules.size() - 1);
  }

  llvm::Error start() override { return llvm::Error::success(); }

  w2n_status instantiate(unsigned Module, int &Instance, w2n_error &Err,
                         std::string &Detail) override {
    const w2n_module_desc *Desc = Modules[Module];
    std::vector<w2n_extern> Imports(Desc->num_imports);
    for (uint32_t I = 0; I < Desc->num_imports; ++I) {
      const w2n_import_desc &Imp = Desc->imports[I];
      StringRef From(Imp.module, Imp.module_len), Name(Imp.name, Imp.name_len);
      w2n_extern &E = Imports[I];
      E.tag = W2N_EXTERN_NONE;
      if (From == "spectest") {
        E = Host.lookup(Name);
      } else if (From == "fuzzing-support") {
        E = fuzzingSupport(Name);
      } else {
        auto It = Registered.find(From);
        if (It != Registered.end() &&
            w2n_instance_export(It->second, Name.data(), Name.size(), &E) !=
                W2N_OK)
          E.tag = W2N_EXTERN_NONE;
      }
    }
    w2n_instance *Inst = nullptr;
    w2n_status Status = w2n_instantiate(Desc, Imports.data(),
                                        uint32_t(Imports.size()), &Inst, &Err);
    Instance = -1;
    // A trap in init leaves an instance that an imported table may refer to.
    if (Inst) {
      Instances.push_back(Inst);
      Instance = int(Instances.size() - 1);
    }
    if ((Status == W2N_ERROR_UNKNOWN_IMPORT ||
         Status == W2N_ERROR_INCOMPATIBLE_IMPORT) &&
        Err.import_index < Desc->num_imports) {
      const w2n_import_desc &Imp = Desc->imports[Err.import_index];
      Detail = " (import " + quote(StringRef(Imp.module, Imp.module_len)) +
               " " + quote(StringRef(Imp.name, Imp.name_len)) + ")";
    }
    return Status;
  }

  llvm::Error registerAs(StringRef Name, int Instance) override {
    if (Instance < 0)
      Registered.erase(Name);
    else
      Registered[Name] = Instances[Instance];
    return llvm::Error::success();
  }

  Expected<ActionResult> invoke(int Instance, StringRef Field,
                                llvm::ArrayRef<SpecValue> Args) override {
    w2n_instance *Inst = Instances[Instance];
    w2n_extern Export;
    if (w2n_instance_export(Inst, Field.data(), Field.size(), &Export) !=
        W2N_OK)
      return llvm::createStringError("no export " + quote(Field));
    if (Export.tag != W2N_EXTERN_FUNCREF)
      return llvm::createStringError("export " + quote(Field) +
                                     " is not a function");
    const w2n_func_type_desc *FT = w2n_instance_func_type(Inst, Export.of.func);
    if (!FT)
      return llvm::createStringError("no signature for export " +
                                     quote(Field));
    if (Args.size() != FT->num_params)
      return llvm::createStringError("the arguments do not match the "
                                     "signature of " + quote(Field));
    std::vector<w2n_value> Values;
    for (size_t I = 0; I < Args.size(); ++I) {
      if (Args[I].Type != w2n_valtype_top(FT->types[I]))
        return llvm::createStringError("the arguments do not match the "
                                       "signature of " + quote(Field));
      Values.push_back(Args[I].Bits);
    }
    ActionResult Result;
    for (uint32_t I = 0; I < FT->num_results; ++I)
      Result.Types.push_back(
          uint8_t(w2n_valtype_top(FT->types[FT->num_params + I])));
    Result.Values.resize(FT->num_results);
    w2n_call(Inst, Export.of.func, Values.data(), Values.size(),
             Result.Values.data(), Result.Values.size(), &Result.Error);
    if (Result.Error.status != W2N_OK && Result.Error.status != W2N_ERROR_TRAP &&
        Result.Error.status != W2N_ERROR_EXCEPTION)
      return llvm::createStringError("cannot call " + quote(Field) + ": " +
                                     Result.Error.message);
    return Result;
  }

  Expected<ActionResult> get(int Instance, StringRef Field) override {
    w2n_extern Export;
    if (w2n_instance_export(Instances[Instance], Field.data(), Field.size(),
                            &Export) != W2N_OK)
      return llvm::createStringError("no export " + quote(Field));
    if (Export.tag != W2N_EXTERN_GLOBAL_REF)
      return llvm::createStringError("export " + quote(Field) +
                                     " is not a global");
    ActionResult Result;
    Result.Values.resize(1);
    w2n_global_get(&Export, &Result.Values[0]);
    Result.Types.push_back(uint8_t(w2n_valtype_top(Export.of.global.type)));
    return Result;
  }

  Expected<std::vector<uint8_t>> memory(int Instance,
                                        StringRef Field) override {
    w2n_extern Export;
    if (w2n_instance_export(Instances[Instance], Field.data(), Field.size(),
                            &Export) != W2N_OK ||
        Export.tag != W2N_EXTERN_MEMORY_REF)
      return llvm::createStringError("no memory export " + quote(Field));
    const w2n_memory *M = Export.of.memory;
    return std::vector<uint8_t>(M->base, M->base + M->size);
  }

private:
  /// What a logging import's env points at.
  struct LogSink {
    JitEngine *Eng;
    uint8_t Type;
  };

  static void logValue(void *Env, const w2n_value *Args, w2n_value *) {
    auto *Sink = static_cast<LogSink *>(Env);
    Sink->Eng->Logs.push_back({Sink->Type, Args[0]});
  }
  static void logV128(void *, const w2n_value *, w2n_value *) {
    w2n_trap(W2N_TRAP_HOST);
  }

  w2n_extern fuzzingSupport(StringRef Name) {
    for (size_t I = 0; I < std::size(LogNames); ++I)
      if (Name == LogNames[I])
        return w2n_extern_host_func(
            LogTypes[I] == W2N_V128 ? logV128 : logValue, &Sinks[I],
            &LogSignatures[I]);
    w2n_extern None{};
    None.tag = W2N_EXTERN_NONE;
    return None;
  }

  JitOptions Opts;
  LogSink Sinks[std::size(LogTypes)];
  std::unique_ptr<ModuleJit> Jit;
  SpectestHost Host;
  std::vector<const w2n_module_desc *> Modules;
  std::vector<w2n_instance *> Instances;
  llvm::StringMap<w2n_instance *> Registered;
};

} // namespace

std::unique_ptr<Engine> createJitEngine(const JitOptions &Opts) {
  return std::make_unique<JitEngine>(Opts);
}

} // namespace w2n::spec
