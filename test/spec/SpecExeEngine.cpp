//===- SpecExeEngine.cpp - Modules run in a test host executable ----------===//
//
// The protocol is the one exehost/host.c describes: a request a line on the
// host's stdin, an answer a line on its stdout.
//
//===----------------------------------------------------------------------===//
#include "test/spec/SpecEngine.h"

#include "driver/Codegen.h"
#include "driver/Compile.h"
#include "driver/Link.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace w2n::spec {

using namespace llvm;

namespace {

StringRef archName(driver::Target T) {
  switch (T) {
  case driver::Target::X86_64Linux: return "x86_64";
  case driver::Target::AArch64Linux: return "aarch64";
  case driver::Target::RISCV64Linux: return "riscv64";
  }
  return "";
}

std::string encodeValue(uint8_t Type, const w2n_value &V) {
  return std::to_string(Type) + ":" +
         toHex(StringRef(reinterpret_cast<const char *>(&V), sizeof V),
               /*LowerCase=*/true);
}

bool decodeValue(StringRef Word, uint8_t &Type, w2n_value &V) {
  auto [TypeText, Hex] = Word.split(':');
  unsigned T;
  std::string Bytes;
  if (TypeText.getAsInteger(10, T) || T > 255 || !tryGetFromHex(Hex, Bytes) ||
      Bytes.size() != sizeof V)
    return false;
  Type = uint8_t(T);
  std::memcpy(&V, Bytes.data(), sizeof V);
  return true;
}

class ExeEngine final : public Engine {
public:
  ExeEngine(const JitOptions &Opts, const ExeOptions &Exe)
      : Opts(Opts), Exe(Exe) {}
  ~ExeEngine() override {
    stopHost();
    if (!Dir.empty())
      sys::fs::remove_directories(Dir);
  }

  Expected<unsigned> compile(const frontend::Module &M) override {
    if (Dir.empty())
      if (std::error_code EC =
              sys::fs::createUniqueDirectory("w2n-spec-exe", Dir))
        return createStringError(EC, "cannot create a temporary directory");
    unsigned K = unsigned(Imports.size());
    // The compiler reads the module from a file, as a user's would be.
    SmallString<128> Input(Dir);
    sys::path::append(Input, "m" + Twine(K) + ".wasm");
    {
      std::error_code EC;
      raw_fd_ostream Out(Input, EC);
      if (EC)
        return createStringError(EC, "cannot write %s", Input.c_str());
      Out.write(reinterpret_cast<const char *>(M.Bytes.data()), M.Bytes.size());
    }
    driver::Config C;
    C.Input = std::string(Input);
    SmallString<128> Object(Dir);
    sys::path::append(Object, "m" + Twine(K) + ".o");
    C.Output = std::string(Object);
    C.Emit = driver::EmitKind::Obj;
    C.TargetArch = *Exe.Target;
    C.OptLevel = Opts.OptLevel;
    C.Bounds = Opts.BoundsChecks == lowering::BoundsCheckMode::Explicit
                   ? driver::BoundsChecks::Explicit
                   : driver::BoundsChecks::Guard;
    C.Prefix = ("m" + Twine(K)).str();
    C.Jobs = 1;
    C.Wasm2Only = M.Wasm2Only;
    if (Error E = driver::compile(C))
      return E;
    Objects.push_back(C.Output);
    std::vector<std::string> Names;
    for (const frontend::Import &Imp : M.Imports)
      Names.push_back("(import " + quote(Imp.Module) + " " + quote(Imp.Field) +
                      ")");
    Imports.push_back(std::move(Names));
    return K;
  }

  Error start() override {
    if (Objects.empty())
      return Error::success();
    std::vector<std::unique_ptr<MemoryBuffer>> Buffers;
    for (StringRef Name : {"host.o", "jmp.o"}) {
      SmallString<128> Path(Exe.HostDir);
      sys::path::append(Path, "exehost-" + archName(*Exe.Target), Name);
      auto B = MemoryBuffer::getFile(Path);
      if (!B)
        return createStringError(B.getError(), "cannot read %s",
                                 Path.c_str());
      Buffers.push_back(std::move(*B));
    }
    for (const std::string &Path : Objects) {
      auto B = MemoryBuffer::getFile(Path);
      if (!B)
        return createStringError(B.getError(), "cannot read %s",
                                 Path.c_str());
      Buffers.push_back(std::move(*B));
    }
    SmallVector<char, 0> Table;
    if (Error E = moduleTable(Table))
      return E;
    std::vector<ArrayRef<char>> Inputs;
    for (const auto &B : Buffers)
      Inputs.emplace_back(B->getBufferStart(), B->getBufferSize());
    Inputs.emplace_back(Table.data(), Table.size());
    SmallString<128> Host(Dir);
    sys::path::append(Host, "host");
    if (Error E = driver::linkExecutable(Inputs, *Exe.Target, Host,
                                         /*UnknownImportsTrap=*/false,
                                         /*UnwindTables=*/true,
                                         /*Bundle=*/nullptr))
      return E;
    return startHost(Host);
  }

  w2n_status instantiate(unsigned Module, int &Instance, w2n_error &Err,
                         std::string &Detail) override {
    Instance = -1;
    std::vector<std::string> Words;
    if (Error E = request(("m " + Twine(Module)).str(), Words)) {
      Err = hostError(toString(std::move(E)));
      return Err.status;
    }
    if (Words[0] == "ok") {
      if (Words.size() != 2 || !to_integer(Words[1], Instance)) {
        Err = hostError("a malformed answer of the test host: " +
                        join(Words, " "));
        return Err.status;
      }
      Err = {W2N_OK, W2N_TRAP_NONE, 0, "ok", nullptr};
      return W2N_OK;
    }
    Err = parseError(Words, Instance);
    if ((Err.status == W2N_ERROR_UNKNOWN_IMPORT ||
         Err.status == W2N_ERROR_INCOMPATIBLE_IMPORT) &&
        Err.import_index < Imports[Module].size())
      Detail = " " + Imports[Module][Err.import_index];
    return Err.status;
  }

  Error registerAs(StringRef Name, int Instance) override {
    std::vector<std::string> Words;
    std::string Which = Instance < 0 ? "none" : std::to_string(Instance);
    if (Error E = request("r " + hexName(Name) + " " + Which, Words))
      return E;
    if (Words[0] != "ok")
      return createStringError("the test host refused to register " +
                               quote(Name));
    return Error::success();
  }

  Expected<ActionResult> invoke(int Instance, StringRef Field,
                                ArrayRef<SpecValue> Args) override {
    std::string Line = ("c " + Twine(Instance) + " " + hexName(Field)).str();
    for (const SpecValue &A : Args)
      (Line += ' ') += encodeValue(uint8_t(A.Type), A.Bits);
    return action(Line, Field);
  }

  Expected<std::vector<uint8_t>> memory(int Instance,
                                        StringRef Field) override {
    std::vector<std::string> Words;
    if (Error E = request(("M " + Twine(Instance) + " ").str() + hexName(Field),
                          Words))
      return E;
    std::string Bytes;
    if (Words[0] != "ok" || Words.size() != 3 || !decodeName(Words[2], Bytes))
      return createStringError("no memory export " + quote(Field));
    return std::vector<uint8_t>(Bytes.begin(), Bytes.end());
  }

  Expected<ActionResult> get(int Instance, StringRef Field) override {
    return action(("g " + Twine(Instance) + " " + hexName(Field)).str(), Field);
  }

private:
  /// =HEX, as exehost/host.c reads and writes names, messages and bytes.
  static std::string hexName(StringRef Name) {
    std::string Hex(1, '=');
    Hex += toHex(Name, /*LowerCase=*/true);
    return Hex;
  }
  static bool decodeName(StringRef Word, std::string &Out) {
    return Word.consume_front("=") && tryGetFromHex(Word, Out);
  }

  /// The descriptors of the script's modules, as exehost/host.c wants
  /// them: w2n_host_modules and w2n_host_module_count.
  Error moduleTable(SmallVectorImpl<char> &Object) {
    LLVMContext Ctx;
    llvm::Module M("w2n-host-modules", Ctx);
    auto *PtrTy = PointerType::get(Ctx, 0);
    SmallVector<Constant *, 16> Descs;
    for (size_t K = 0; K < Objects.size(); ++K)
      Descs.push_back(new GlobalVariable(
          M, Type::getInt8Ty(Ctx), true, GlobalValue::ExternalLinkage,
          nullptr, "m" + Twine(K) + "_module"));
    auto *ArrayTy = ArrayType::get(PtrTy, Descs.size());
    new GlobalVariable(M, ArrayTy, true, GlobalValue::ExternalLinkage,
                       ConstantArray::get(ArrayTy, Descs), "w2n_host_modules");
    new GlobalVariable(
        M, Type::getInt32Ty(Ctx), true, GlobalValue::ExternalLinkage,
        ConstantInt::get(Type::getInt32Ty(Ctx), Descs.size()),
        "w2n_host_module_count");
    auto TM = driver::createTargetMachine(*Exe.Target, 0);
    if (!TM)
      return TM.takeError();
    return driver::emitCode(M, **TM, CodeGenFileType::ObjectFile, Object);
  }

  Error startHost(StringRef Host) {
    int In[2], Out[2];
    if (pipe(In) != 0 || pipe(Out) != 0)
      return createStringError(std::error_code(errno, std::generic_category()),
                               "cannot make pipes");
    std::string Qemu = "qemu-" + archName(*Exe.Target).str();
    std::string HostPath = Host.str();
    Pid = fork();
    if (Pid < 0)
      return createStringError(std::error_code(errno, std::generic_category()),
                               "cannot fork");
    if (Pid == 0) {
      // A runner killed for taking too long takes its host with it.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(In[0], 0);
      dup2(Out[1], 1);
      close(In[0]);
      close(In[1]);
      close(Out[0]);
      close(Out[1]);
      if (*Exe.Target == driver::Target::X86_64Linux)
        execl(HostPath.c_str(), HostPath.c_str(), (char *)nullptr);
      else
        execlp(Qemu.c_str(), Qemu.c_str(), HostPath.c_str(), (char *)nullptr);
      _exit(127);
    }
    close(In[0]);
    close(Out[1]);
    ToHost = In[1];
    FromHost = Out[0];
    return Error::success();
  }

  void stopHost() {
    if (Pid <= 0)
      return;
    const char Quit[] = "q\n";
    (void)!write(ToHost, Quit, 2);
    reapHost();
  }

  /// Closes the pipes and waits for the host; its wait status.
  int reapHost() {
    close(ToHost);
    close(FromHost);
    int Status = 0;
    waitpid(Pid, &Status, 0);
    Pid = -1;
    return Status;
  }

  /// Sends Line, and splits the answer into words.
  Error request(const std::string &Line, std::vector<std::string> &Words) {
    if (!Gone.empty())
      return createStringError(Gone);
    if (Pid <= 0)
      return createStringError("the test host is not running");
    std::string Out = Line + "\n";
    for (size_t Done = 0; Done < Out.size();) {
      ssize_t N = write(ToHost, Out.data() + Done, Out.size() - Done);
      if (N <= 0)
        return hostGone();
      Done += size_t(N);
    }
    std::string Answer;
    for (;;) {
      size_t End = Pending.find('\n');
      if (End != std::string::npos) {
        Answer = Pending.substr(0, End);
        Pending.erase(0, End + 1);
        // A logging import called during the request (SpecEngine.h).
        Logged L;
        if (StringRef(Answer).starts_with("log ") &&
            decodeValue(StringRef(Answer).drop_front(4), L.Type, L.Value)) {
          Logs.push_back(L);
          continue;
        }
        break;
      }
      char Buf[4096];
      ssize_t N = read(FromHost, Buf, sizeof Buf);
      if (N <= 0)
        return hostGone();
      Pending.append(Buf, size_t(N));
    }
    SmallVector<StringRef, 8> Parts;
    StringRef(Answer).split(Parts, ' ', -1, /*KeepEmpty=*/false);
    Words.assign(Parts.begin(), Parts.end());
    if (Words.empty() || (Words[0] != "ok" && Words[0] != "err") ||
        (Words[0] == "err" && Words.size() != 6))
      return createStringError("the test host answered " + quote(Answer));
    return Error::success();
  }

  /// The host stopped answering: why, remembered for every later request.
  Error hostGone() {
    int Status = reapHost();
    if (WIFSIGNALED(Status))
      Gone = "the test host was killed by signal " +
             std::to_string(WTERMSIG(Status));
    else
      Gone = "the test host exited with status " +
             std::to_string(WEXITSTATUS(Status));
    return createStringError(Gone);
  }

  w2n_error hostError(const std::string &Message) {
    return {W2N_ERROR_RESOURCES, W2N_TRAP_NONE, 0,
            Saver.save(Message).data(), nullptr};
  }

  /// err STATUS TRAP IMPORT INSTANCE MESSAGE
  w2n_error parseError(const std::vector<std::string> &Words, int &Instance) {
    unsigned Status = 0, Trap = 0, Import = 0;
    std::string Message;
    if (!to_integer(Words[1], Status) || !to_integer(Words[2], Trap) ||
        !to_integer(Words[3], Import) || !to_integer(Words[4], Instance) ||
        !decodeName(Words[5], Message))
      return hostError("a malformed answer of the test host: " +
                       join(Words, " "));
    return {w2n_status(Status), w2n_trap_kind(Trap), Import,
            Saver.save(Message).data(), nullptr};
  }

  Expected<ActionResult> action(const std::string &Line, StringRef Field) {
    std::vector<std::string> Words;
    if (Error E = request(Line, Words))
      return E;
    ActionResult Result;
    if (Words[0] == "err") {
      int Instance;
      Result.Error = parseError(Words, Instance);
      if (Result.Error.status != W2N_ERROR_TRAP &&
          Result.Error.status != W2N_ERROR_EXCEPTION)
        return createStringError("cannot call or get " + quote(Field) + ": " +
                                 Result.Error.message);
      return Result;
    }
    Result.Error = {W2N_OK, W2N_TRAP_NONE, 0, "ok", nullptr};
    for (size_t I = 1; I < Words.size(); ++I) {
      uint8_t Type;
      w2n_value V;
      if (!decodeValue(Words[I], Type, V))
        return createStringError("the test host answered a bad value " +
                                 quote(Words[I]));
      Result.Types.push_back(Type);
      Result.Values.push_back(V);
    }
    return Result;
  }

  JitOptions Opts;
  ExeOptions Exe;
  SmallString<128> Dir;
  std::vector<std::string> Objects;
  /// Per module, its imports as failures name them.
  std::vector<std::vector<std::string>> Imports;
  pid_t Pid = -1;
  int ToHost = -1, FromHost = -1;
  std::string Pending;
  std::string Gone;
  BumpPtrAllocator Alloc;
  StringSaver Saver{Alloc};
};

} // namespace

JitOptionParse parseExeOption(StringRef Arg, ExeOptions &Exe) {
  if (Arg.consume_front("--exe-host=")) {
    Exe.HostDir = Arg.str();
    return JitOptionParse::Taken;
  }
  if (!Arg.consume_front("--exe="))
    return JitOptionParse::NotAnOption;
  for (driver::Target T :
       {driver::Target::X86_64Linux, driver::Target::AArch64Linux,
        driver::Target::RISCV64Linux})
    if (Arg == archName(T)) {
      Exe.Target = T;
      return JitOptionParse::Taken;
    }
  return JitOptionParse::Malformed;
}

std::unique_ptr<Engine> createEngine(const JitOptions &Opts,
                                     const ExeOptions &Exe) {
  if (!Exe.Target)
    return createJitEngine(Opts);
  return std::make_unique<ExeEngine>(Opts, Exe);
}

} // namespace w2n::spec
