//===- Bundle.cpp ---------------------------------------------------------===//
#include "driver/Bundle.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <unistd.h>

namespace w2n::driver {

using namespace llvm;

const char BundleLinkerScript[] =
    "SECTIONS { w2n_bundle : { KEEP(*(w2n_bundle)) } } INSERT AFTER .bss;\n";

namespace {

constexpr uint64_t FileAlign = 16;

uint64_t alignTo(uint64_t V, uint64_t A) { return (V + A - 1) / A * A; }

Error fail(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message.str().c_str());
}

class Scanner {
public:
  BundleTree Tree;

  Error addBundle(const DirMapping &M) {
    file_status St;
    if (std::error_code EC = sys::fs::status(M.Host, St, /*Follow=*/true))
      return fail("--bundle: cannot read '" + M.Host + "': " + EC.message());
    if (St.type() != sys::fs::file_type::directory_file)
      return fail("--bundle: '" + M.Host + "' is not a directory");
    w2n_bundle_root Root = {};
    Root.guest_off = addName(M.Guest);
    Root.guest_len = M.Guest.size();
    Root.root = Tree.Nodes.size();
    Tree.Roots.push_back(Root);
    w2n_bundle_node Node = nodeFor(St, W2N_BUNDLE_DIR);
    Node.parent = Root.root;
    Tree.Nodes.push_back(Node);
    // Breadth first, so that each directory's children are consecutive.
    std::deque<Pending> Queue = {{Root.root, M.Host, {}}};
    while (!Queue.empty()) {
      Pending P = std::move(Queue.front());
      Queue.pop_front();
      if (Error E = addChildren(P, Queue))
        return E;
    }
    return Error::success();
  }

private:
  using file_status = sys::fs::file_status;

  struct Pending {
    uint32_t Node;
    std::string Host;
    std::vector<std::string> Path; // components below the bundle's root
  };

  uint32_t addName(StringRef Name) {
    uint32_t Off = Tree.Names.size();
    Tree.Names += Name;
    return Off;
  }

  static w2n_bundle_node nodeFor(const file_status &St, uint8_t Type) {
    w2n_bundle_node N = {};
    N.type = Type;
    N.mode = static_cast<uint16_t>(St.permissions() & 07777);
    N.first_child = W2N_BUNDLE_NO_NODE;
    auto Ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  St.getLastModificationTime().time_since_epoch())
                  .count();
    N.mtime_ns = Ns < 0 ? 0 : static_cast<uint64_t>(Ns);
    return N;
  }

  /// A link's target must be relative and, read from the link's directory
  /// (Dir, below the root), must not climb above the root.
  static Error checkLink(const std::string &Host, StringRef Target,
                         std::vector<std::string> Dir) {
    if (Target.empty() || Target.starts_with("/"))
      return fail("--bundle: the symbolic link '" + Host + "' points to '" +
                  Target + "', outside the bundle");
    SmallVector<StringRef, 8> Parts;
    Target.split(Parts, '/');
    for (StringRef Part : Parts) {
      if (Part.empty() || Part == ".")
        continue;
      if (Part == "..") {
        if (Dir.empty())
          return fail("--bundle: the symbolic link '" + Host +
                      "' points to '" + Target + "', outside the bundle");
        Dir.pop_back();
        continue;
      }
      Dir.push_back(Part.str());
    }
    return Error::success();
  }

  Error addChildren(const Pending &P, std::deque<Pending> &Queue) {
    std::vector<std::string> Names;
    std::error_code EC;
    for (sys::fs::directory_iterator I(P.Host, EC, /*follow_symlinks=*/false),
         E;
         I != E && !EC; I.increment(EC))
      Names.push_back(sys::path::filename(I->path()).str());
    if (EC)
      return fail("--bundle: cannot list '" + P.Host + "': " + EC.message());
    std::sort(Names.begin(), Names.end());
    uint32_t First = Tree.Nodes.size();
    Tree.Nodes[P.Node].first_child = First;
    Tree.Nodes[P.Node].num_children = Names.size();
    for (const std::string &Name : Names) {
      SmallString<256> Host(P.Host);
      sys::path::append(Host, Name);
      file_status St;
      if ((EC = sys::fs::status(Host, St, /*Follow=*/false)))
        return fail("--bundle: cannot read '" + Host + "': " + EC.message());
      uint32_t Index = Tree.Nodes.size();
      w2n_bundle_node Node;
      switch (St.type()) {
      case sys::fs::file_type::directory_file: {
        Node = nodeFor(St, W2N_BUNDLE_DIR);
        std::vector<std::string> Path = P.Path;
        Path.push_back(Name);
        Queue.push_back({Index, std::string(Host), std::move(Path)});
        break;
      }
      case sys::fs::file_type::regular_file:
        Node = nodeFor(St, W2N_BUNDLE_FILE);
        Node.size = St.getSize();
        Tree.Files.push_back({Index, std::string(Host)});
        break;
      case sys::fs::file_type::symlink_file: {
        Node = nodeFor(St, W2N_BUNDLE_SYMLINK);
        char Target[4096];
        ssize_t N = ::readlink(Host.c_str(), Target, sizeof Target);
        if (N < 0 || N == sizeof Target)
          return fail("--bundle: cannot read the symbolic link '" + Host + "'");
        StringRef T(Target, N);
        if (Error E = checkLink(std::string(Host), T, P.Path))
          return E;
        Node.data_off = addName(T);
        Node.size = N;
        break;
      }
      default:
        return fail("--bundle: '" + Host +
                    "' is not a regular file, directory or symbolic link");
      }
      Node.parent = P.Node;
      Node.name_off = addName(Name);
      Node.name_len = Name.size();
      Tree.Nodes.push_back(Node);
    }
    return Error::success();
  }
};

} // namespace

Expected<BundleTree> scanBundles(ArrayRef<DirMapping> Bundles) {
  Scanner S;
  for (const DirMapping &M : Bundles) {
    if (M.Host.empty() || M.Guest.empty())
      return fail("--bundle needs a host and a guest path, got '" + M.Host +
                  "::" + M.Guest + "'");
    if (Error E = S.addBundle(M))
      return E;
  }
  BundleTree &T = S.Tree;
  if (T.Names.size() > UINT32_MAX || T.Nodes.size() >= W2N_BUNDLE_NO_NODE)
    return fail("--bundle: too many files or names");
  // Link targets live in names; their offsets become image offsets.
  uint64_t NamesOff = sizeof(w2n_bundle_header) +
                      T.Roots.size() * sizeof(w2n_bundle_root) +
                      T.Nodes.size() * sizeof(w2n_bundle_node);
  for (w2n_bundle_node &N : T.Nodes)
    if (N.type == W2N_BUNDLE_SYMLINK)
      N.data_off += NamesOff;
  uint64_t Off = alignTo(NamesOff + T.Names.size(), FileAlign);
  T.DataOffset = Off;
  for (auto &[Index, Host] : T.Files) {
    T.Nodes[Index].data_off = Off;
    Off = alignTo(Off + T.Nodes[Index].size, FileAlign);
  }
  T.ImageSize = Off;
  return std::move(T);
}

namespace {

uint16_t machine(Target T) {
  switch (T) {
  case Target::X86_64Linux: return ELF::EM_X86_64;
  case Target::AArch64Linux: return ELF::EM_AARCH64;
  case Target::RISCV64Linux: return ELF::EM_RISCV;
  }
  llvm_unreachable("unknown target");
}

/// Streams the image's parts into an output, counting bytes.
class ImageWriter {
public:
  explicit ImageWriter(raw_fd_ostream &OS) : OS(OS) {}
  uint64_t Written = 0;

  void bytes(const void *P, size_t N) {
    OS.write(static_cast<const char *>(P), N);
    Written += N;
  }
  void padTo(uint64_t Off) {
    static const char Zeros[64] = {};
    while (Written < Off) {
      size_t N = std::min<uint64_t>(sizeof Zeros, Off - Written);
      bytes(Zeros, N);
    }
  }

  Error file(StringRef Path, uint64_t Size) {
    sys::fs::file_t F;
    Expected<sys::fs::file_t> Opened = sys::fs::openNativeFileForRead(Path);
    if (!Opened)
      return fail("--bundle: cannot read '" + Path +
                  "': " + toString(Opened.takeError()));
    F = *Opened;
    std::vector<char> Buffer(1 << 20);
    uint64_t Left = Size;
    while (Left > 0) {
      Expected<size_t> N = sys::fs::readNativeFile(
          F, MutableArrayRef<char>(Buffer.data(),
                                   std::min<uint64_t>(Buffer.size(), Left)));
      if (!N || *N == 0) {
        sys::fs::closeFile(F);
        if (!N)
          consumeError(N.takeError());
        return fail("--bundle: '" + Path + "' changed while it was bundled");
      }
      bytes(Buffer.data(), *N);
      Left -= *N;
    }
    sys::fs::closeFile(F);
    return Error::success();
  }

private:
  raw_fd_ostream &OS;
};

} // namespace

Error writeBundleObject(const BundleTree &Tree, Target T, StringRef Path) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return fail("cannot write '" + Path + "': " + EC.message());
  ImageWriter W(OS);

  // ELF header, then the section's contents at offset 64 (16-aligned).
  static const char ShStrTab[] = "\0w2n_bundle\0.shstrtab\0.symtab\0.strtab";
  enum { NameBundle = 1, NameShStrTab = 12, NameSymTab = 22, NameStrTab = 30 };
  const uint64_t ImageOff = sizeof(ELF::Elf64_Ehdr);
  const uint64_t ShStrOff = ImageOff + Tree.ImageSize;
  const uint64_t SymOff = alignTo(ShStrOff + sizeof ShStrTab, 8);
  const uint64_t StrOff = SymOff + sizeof(ELF::Elf64_Sym);
  const uint64_t ShOff = alignTo(StrOff + 1, 8);

  ELF::Elf64_Ehdr Eh = {};
  std::memcpy(Eh.e_ident, ELF::ElfMagic, 4);
  Eh.e_ident[ELF::EI_CLASS] = ELF::ELFCLASS64;
  Eh.e_ident[ELF::EI_DATA] = ELF::ELFDATA2LSB;
  Eh.e_ident[ELF::EI_VERSION] = ELF::EV_CURRENT;
  Eh.e_type = ELF::ET_REL;
  Eh.e_machine = machine(T);
  Eh.e_version = ELF::EV_CURRENT;
  Eh.e_shoff = ShOff;
  // riscv64 objects must agree on the float ABI (lp64d) and say RVC.
  if (T == Target::RISCV64Linux)
    Eh.e_flags = ELF::EF_RISCV_RVC | ELF::EF_RISCV_FLOAT_ABI_DOUBLE;
  Eh.e_ehsize = sizeof(ELF::Elf64_Ehdr);
  Eh.e_shentsize = sizeof(ELF::Elf64_Shdr);
  Eh.e_shnum = 5;
  Eh.e_shstrndx = 2;
  W.bytes(&Eh, sizeof Eh);

  w2n_bundle_header H = {};
  std::memcpy(H.magic, W2N_BUNDLE_MAGIC, sizeof H.magic);
  H.num_bundles = Tree.Roots.size();
  H.num_nodes = Tree.Nodes.size();
  H.bundles_off = sizeof H;
  H.nodes_off = H.bundles_off + Tree.Roots.size() * sizeof(w2n_bundle_root);
  H.names_off = H.nodes_off + Tree.Nodes.size() * sizeof(w2n_bundle_node);
  H.image_size = Tree.ImageSize;
  W.bytes(&H, sizeof H);
  W.bytes(Tree.Roots.data(), Tree.Roots.size() * sizeof(w2n_bundle_root));
  W.bytes(Tree.Nodes.data(), Tree.Nodes.size() * sizeof(w2n_bundle_node));
  W.bytes(Tree.Names.data(), Tree.Names.size());
  for (const auto &[Index, Host] : Tree.Files) {
    W.padTo(ImageOff + Tree.Nodes[Index].data_off);
    if (Error E = W.file(Host, Tree.Nodes[Index].size))
      return E;
  }
  W.padTo(ShStrOff);
  W.bytes(ShStrTab, sizeof ShStrTab);
  W.padTo(SymOff);
  ELF::Elf64_Sym Null = {};
  W.bytes(&Null, sizeof Null);
  W.bytes("", 1); // .strtab: the empty name
  W.padTo(ShOff);

  ELF::Elf64_Shdr Sh[5] = {};
  Sh[1].sh_name = NameBundle;
  Sh[1].sh_type = ELF::SHT_PROGBITS;
  Sh[1].sh_flags = ELF::SHF_ALLOC;
  Sh[1].sh_offset = ImageOff;
  Sh[1].sh_size = Tree.ImageSize;
  Sh[1].sh_addralign = FileAlign;
  Sh[2].sh_name = NameShStrTab;
  Sh[2].sh_type = ELF::SHT_STRTAB;
  Sh[2].sh_offset = ShStrOff;
  Sh[2].sh_size = sizeof ShStrTab;
  Sh[2].sh_addralign = 1;
  Sh[3].sh_name = NameSymTab;
  Sh[3].sh_type = ELF::SHT_SYMTAB;
  Sh[3].sh_offset = SymOff;
  Sh[3].sh_size = sizeof(ELF::Elf64_Sym);
  Sh[3].sh_link = 4;
  Sh[3].sh_info = 1;
  Sh[3].sh_addralign = 8;
  Sh[3].sh_entsize = sizeof(ELF::Elf64_Sym);
  Sh[4].sh_name = NameStrTab;
  Sh[4].sh_type = ELF::SHT_STRTAB;
  Sh[4].sh_offset = StrOff;
  Sh[4].sh_size = 1;
  Sh[4].sh_addralign = 1;
  W.bytes(Sh, sizeof Sh);
  OS.close();
  if (OS.has_error()) {
    std::error_code WriteEC = OS.error();
    OS.clear_error();
    return fail("cannot write '" + Path + "': " + WriteEC.message());
  }
  return Error::success();
}

} // namespace w2n::driver
