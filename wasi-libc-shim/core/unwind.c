/*===- core/unwind.c - Unwinding WebAssembly exceptions by the tables -----===*
 *
 * The unwinder of core/unwind.h. From the frame that called w2n_throw it
 * goes up the stack one frame at a time:
 *   1. find the FDE of the call (return address - 1) through the OS hook;
 *   2. parse its CIE and run the call frame instructions of both up to that
 *      address, which gives the frame's CFA rule and register rules;
 *   3. if the function has a personality and its LSDA has a landing pad
 *      for the call site, resume there (eh.S);
 *   4. else restore the caller's registers by the rules and go on.
 * Single-phase: WebAssembly has no cleanup distinct from a catch, and every
 * landing pad is a catch-all that rethrows when the tag does not match.
 *
 * Steps 1-3 depend on the address alone, so their outcome (the rules and
 * the landing pad) is summarised and cached by address
 * (core/unwind_cache.h): a frame found there goes straight to 3 and 4.
 *
 * Formats: .eh_frame and .eh_frame_hdr as in the Linux Standard Base
 * (Core, "Exception Frames"), call frame instructions as in DWARF 5 section
 * 6.4, the LSDA as in the Itanium C++ ABI's exception handling tables. All
 * three targets are little-endian, and nothing here reads a multi-byte
 * field but byte by byte: the tables do not promise alignment.
 *
 * No libc: a frame's rules live on the stack of the walk (a few KiB), and
 * the cache is lock-free, so threads unwind independently.
 *===----------------------------------------------------------------------===*/
#include "core/unwind.h"
#include "core/unwind_cache.h"

#include <stddef.h>
#include <stdint.h>

/* eh.S addresses the context by the byte offsets of eh_regs.h, which must
 * be those of the slots. */
_Static_assert(W2N_EH_CONTEXT_SIZE == W2N_EH_NREGS * 8, "context size");
_Static_assert(W2N_EH_OFF_PC == W2N_EH_PC_SLOT * 8, "pc offset");
#if defined(__x86_64__)
_Static_assert(W2N_EH_OFF_RBX == 3 * 8 && W2N_EH_OFF_RBP == 6 * 8 &&
                   W2N_EH_OFF_RSP == 7 * 8 && W2N_EH_OFF_R12 == 12 * 8 &&
                   W2N_EH_OFF_R13 == 13 * 8 && W2N_EH_OFF_R14 == 14 * 8 &&
                   W2N_EH_OFF_R15 == 15 * 8,
               "x86-64 offsets");
#elif defined(__aarch64__)
_Static_assert(W2N_EH_OFF_X19 == 19 * 8 && W2N_EH_OFF_X21 == 21 * 8 &&
                   W2N_EH_OFF_X23 == 23 * 8 && W2N_EH_OFF_X25 == 25 * 8 &&
                   W2N_EH_OFF_X27 == 27 * 8 && W2N_EH_OFF_X29 == 29 * 8 &&
                   W2N_EH_OFF_SP == 31 * 8 &&
                   W2N_EH_OFF_D8 == W2N_EH_SLOT(72) * 8 &&
                   W2N_EH_OFF_D10 == W2N_EH_SLOT(74) * 8 &&
                   W2N_EH_OFF_D12 == W2N_EH_SLOT(76) * 8 &&
                   W2N_EH_OFF_D14 == W2N_EH_SLOT(78) * 8,
               "AArch64 offsets");
#else
_Static_assert(W2N_EH_OFF_RA == 1 * 8 && W2N_EH_OFF_SP == 2 * 8 &&
                   W2N_EH_OFF_S0 == 8 * 8 && W2N_EH_OFF_S1 == 9 * 8 &&
                   W2N_EH_OFF_S2 == 18 * 8 &&
                   W2N_EH_OFF_FS0 == W2N_EH_SLOT(40) * 8 &&
                   W2N_EH_OFF_FS1 == W2N_EH_SLOT(41) * 8 &&
                   W2N_EH_OFF_FS2 == W2N_EH_SLOT(50) * 8,
               "riscv64 offsets");
#endif

/* Pointer encodings (DW_EH_PE_*): a format in the low nibble, how to apply
 * it in the next three bits, and an indirection bit. */
enum {
  PE_ABSPTR = 0x00,
  PE_ULEB128 = 0x01,
  PE_UDATA2 = 0x02,
  PE_UDATA4 = 0x03,
  PE_UDATA8 = 0x04,
  PE_SLEB128 = 0x09,
  PE_SDATA2 = 0x0a,
  PE_SDATA4 = 0x0b,
  PE_SDATA8 = 0x0c,
  PE_FORMAT = 0x0f,
  PE_PCREL = 0x10,
  PE_DATAREL = 0x30,
  PE_APPLICATION = 0x70,
  PE_INDIRECT = 0x80,
  PE_OMIT = 0xff,
};

/* Call frame instructions. The first three keep an operand in the low six
 * bits of the opcode. */
enum {
  CFA_advance_loc = 0x40,
  CFA_offset = 0x80,
  CFA_restore = 0xc0,
  CFA_nop = 0x00,
  CFA_set_loc = 0x01,
  CFA_advance_loc1 = 0x02,
  CFA_advance_loc2 = 0x03,
  CFA_advance_loc4 = 0x04,
  CFA_offset_extended = 0x05,
  CFA_restore_extended = 0x06,
  CFA_undefined = 0x07,
  CFA_same_value = 0x08,
  CFA_register = 0x09,
  CFA_remember_state = 0x0a,
  CFA_restore_state = 0x0b,
  CFA_def_cfa = 0x0c,
  CFA_def_cfa_register = 0x0d,
  CFA_def_cfa_offset = 0x0e,
  CFA_def_cfa_expression = 0x0f,
  CFA_expression = 0x10,
  CFA_offset_extended_sf = 0x11,
  CFA_def_cfa_sf = 0x12,
  CFA_def_cfa_offset_sf = 0x13,
  CFA_val_offset = 0x14,
  CFA_val_offset_sf = 0x15,
  CFA_val_expression = 0x16,
  CFA_GNU_args_size = 0x2e,
  CFA_GNU_negative_offset_extended = 0x2f,
};

/* The personality routine's answer to a foreign unwinder. */
#define URC_CONTINUE_UNWIND 8

/* More frames than this is a loop in broken tables, not a deep stack:
 * every frame takes at least 16 bytes, so this is 64 MiB of stack. */
#define FRAME_LIMIT (1ul << 22)

/* How deeply DW_CFA_remember_state may nest. LLVM and GCC use one level,
 * around epilogues in the middle of a function. */
#define REMEMBER_DEPTH 4

/* A DWARF number the context has no slot for. */
#define NO_REGISTER UINT64_MAX

/* The readers are called from many places; inlined, they would make the
 * interpreter several times its size for no measurable gain. */
#define OUT_OF_LINE __attribute__((noinline))

/* --- Reading the tables --------------------------------------------------- */

/* A cursor over bytes of known (or, with SIZE_MAX, trusted) extent. Reads
 * past the end fail softly: they return 0 and set failed, which callers
 * check once after a group of reads. */
typedef struct {
  const uint8_t *p;
  size_t left;
  int failed;
} reader;

static reader reader_at(const void *p, size_t size) {
  reader r = {(const uint8_t *)p, size, 0};
  return r;
}

static int take(reader *r, uint64_t n) {
  if (r->failed || r->left < n) {
    r->failed = 1;
    r->left = 0;
    return 0;
  }
  return 1;
}

static void skip(reader *r, uint64_t n) {
  if (take(r, n)) {
    r->p += n;
    r->left -= n;
  }
}

/* The next n bytes as a reader of their own, skipped in r. */
static reader sub_reader(reader *r, uint64_t n) {
  reader s = {r->p, 0, 1};
  if (take(r, n)) {
    s.left = n;
    s.failed = 0;
    skip(r, n);
  }
  return s;
}

/* An unsigned little-endian field of size bytes. */
/* Inlined: with the size a constant, the loop folds into one load. */
static uint64_t read_fixed(reader *r, unsigned size) {
  if (!take(r, size))
    return 0;
  uint64_t value = 0;
  for (unsigned i = 0; i < size; ++i)
    value |= (uint64_t)r->p[i] << (8 * i);
  skip(r, size);
  return value;
}

/* The interpreter's opcodes and the LEB128 digits: worth a path of its
 * own, inlined. */
static uint8_t read_u8(reader *r) {
  if (!take(r, 1))
    return 0;
  --r->left;
  return *r->p++;
}

OUT_OF_LINE static uint64_t read_uleb_long(reader *r) {
  uint64_t value = 0;
  for (unsigned shift = 0; shift < 70; shift += 7) {
    uint8_t byte = read_u8(r);
    if (shift < 64)
      value |= (uint64_t)(byte & 0x7f) << shift;
    if (!(byte & 0x80))
      return value;
  }
  r->failed = 1; /* more than ten bytes: not a 64-bit number */
  return 0;
}

OUT_OF_LINE static int64_t read_sleb_long(reader *r) {
  uint64_t value = 0;
  for (unsigned shift = 0; shift < 70; shift += 7) {
    uint8_t byte = read_u8(r);
    if (shift < 64)
      value |= (uint64_t)(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      if ((byte & 0x40) && shift + 7 < 64)
        value |= ~(uint64_t)0 << (shift + 7); /* sign-extend */
      return (int64_t)value;
    }
  }
  r->failed = 1;
  return 0;
}

/* Most numbers in the tables are below 64 and take one byte: that case
 * inline, the others out of line. */
static uint64_t read_uleb(reader *r) {
  if (r->left && !r->failed && !(*r->p & 0x80)) {
    --r->left;
    return *r->p++;
  }
  return read_uleb_long(r);
}

static int64_t read_sleb(reader *r) {
  if (r->left && !r->failed && !(*r->p & 0x80)) {
    --r->left;
    uint8_t byte = *r->p++;
    return (byte & 0x40) ? (int64_t)byte - 0x80 : (int64_t)byte;
  }
  return read_sleb_long(r);
}

/* A pointer in the given encoding. pcrel is relative to the field itself,
 * datarel to data_base (the start of .eh_frame_hdr, its only user here;
 * 0 means not allowed). A stored 0 stays 0 (NULL) whatever the
 * application, as in every implementation of these tables. textrel,
 * funcrel and aligned do not occur on these targets and fail. */
static uintptr_t read_encoded(reader *r, uint8_t encoding,
                              uintptr_t data_base) {
  uintptr_t field = (uintptr_t)r->p;
  uint64_t value;
  switch (encoding & PE_FORMAT) {
  case PE_ABSPTR:
    value = read_fixed(r, sizeof(uintptr_t));
    break;
  case PE_ULEB128:
    value = read_uleb(r);
    break;
  case PE_UDATA2:
    value = read_fixed(r, 2);
    break;
  case PE_UDATA4:
    value = read_fixed(r, 4);
    break;
  case PE_UDATA8:
    value = read_fixed(r, 8);
    break;
  case PE_SLEB128:
    value = (uint64_t)read_sleb(r);
    break;
  case PE_SDATA2:
    value = (uint64_t)(int64_t)(int16_t)read_fixed(r, 2);
    break;
  case PE_SDATA4:
    value = (uint64_t)(int64_t)(int32_t)read_fixed(r, 4);
    break;
  case PE_SDATA8:
    value = read_fixed(r, 8);
    break;
  default:
    r->failed = 1;
    return 0;
  }
  if (r->failed || value == 0)
    return 0;
  switch (encoding & PE_APPLICATION) {
  case PE_ABSPTR:
    break;
  case PE_PCREL:
    value += field;
    break;
  case PE_DATAREL:
    if (!data_base) {
      r->failed = 1;
      return 0;
    }
    value += data_base;
    break;
  default:
    r->failed = 1;
    return 0;
  }
  if (encoding & PE_INDIRECT)
    value = *(const uintptr_t *)(uintptr_t)value;
  return (uintptr_t)value;
}

/* --- CIEs and FDEs -------------------------------------------------------- */

typedef struct {
  uint64_t code_align;
  int64_t data_align;
  uint64_t ra_column;       /* DWARF number of the return address */
  uintptr_t personality;    /* 0 without 'P' */
  uint8_t fde_encoding;     /* 'R'; absptr without it */
  uint8_t lsda_encoding;    /* 'L'; omit without it */
  uint8_t has_augmentation; /* 'z': FDEs have augmentation data too */
  uint8_t signal_frame;     /* 'S' */
  reader instructions;      /* the initial instructions */
} cie_info;

typedef struct {
  cie_info cie;
  uintptr_t pc_begin, pc_end; /* the function's code: [pc_begin, pc_end) */
  uintptr_t lsda;             /* 0 without one */
  reader instructions;
} fde_info;

/* The body of the CIE or FDE at p (after its length field), or a failed
 * reader for the zero terminator. */
static reader record_at(const uint8_t *p) {
  reader r = reader_at(p, SIZE_MAX);
  uint64_t length = read_fixed(&r, 4);
  if (length == 0xffffffffu) /* 64-bit length; the ids stay 4 bytes */
    length = read_fixed(&r, 8);
  if (length == 0)
    r.failed = 1;
  return sub_reader(&r, length);
}

static int parse_cie(const uint8_t *p, cie_info *cie) {
  reader r = record_at(p);
  if (read_fixed(&r, 4) != 0) /* the CIE id of .eh_frame */
    return 0;
  uint8_t version = read_u8(&r);
  if (version != 1 && version != 3)
    return 0;
  const char *augmentation = (const char *)r.p;
  while (read_u8(&r) != 0 && !r.failed)
    ;
  cie->code_align = read_uleb(&r);
  cie->data_align = read_sleb(&r);
  cie->ra_column = version == 1 ? read_u8(&r) : read_uleb(&r);
  cie->personality = 0;
  cie->fde_encoding = PE_ABSPTR;
  cie->lsda_encoding = PE_OMIT;
  cie->has_augmentation = 0;
  cie->signal_frame = 0;
  if (r.failed)
    return 0;
  if (augmentation[0] == 'z') {
    cie->has_augmentation = 1;
    reader data = sub_reader(&r, read_uleb(&r));
    /* Each letter after 'z' says what its data is; an unknown one makes
     * the data of the letters after it unreadable, so refuse it. */
    for (const char *a = augmentation + 1; *a; ++a) {
      switch (*a) {
      case 'P': {
        uint8_t encoding = read_u8(&data);
        cie->personality = read_encoded(&data, encoding, 0);
        break;
      }
      case 'L':
        cie->lsda_encoding = read_u8(&data);
        break;
      case 'R':
        cie->fde_encoding = read_u8(&data);
        break;
      case 'S':
        cie->signal_frame = 1;
        break;
      default:
        return 0;
      }
    }
    if (data.failed)
      return 0;
  } else if (augmentation[0] != 0) {
    return 0; /* "eh" and other pre-'z' forms: not from these toolchains */
  }
  cie->instructions = r;
  return !r.failed;
}

static int parse_fde(const uint8_t *p, fde_info *fde) {
  reader r = record_at(p);
  const uint8_t *cie_pointer = r.p;
  uint64_t cie_offset = read_fixed(&r, 4); /* back from this field */
  if (r.failed || cie_offset == 0)         /* 0: a CIE, not an FDE */
    return 0;
  if (!parse_cie(cie_pointer - cie_offset, &fde->cie))
    return 0;
  uint8_t encoding = fde->cie.fde_encoding;
  fde->pc_begin = read_encoded(&r, encoding, 0);
  /* The range is a length: the format of the encoding, applied to
   * nothing. */
  fde->pc_end = fde->pc_begin + read_encoded(&r, encoding & PE_FORMAT, 0);
  fde->lsda = 0;
  if (fde->cie.has_augmentation) {
    reader data = sub_reader(&r, read_uleb(&r));
    if (fde->cie.lsda_encoding != PE_OMIT)
      fde->lsda = read_encoded(&data, fde->cie.lsda_encoding, 0);
    if (data.failed)
      return 0;
  }
  fde->instructions = r;
  return !r.failed && fde->pc_begin != 0;
}

/* --- The call frame instructions ------------------------------------------ */

/* How to find a register's value in the caller from the frame's CFA. A
 * register with no rule keeps its value (it is callee-saved and untouched,
 * or caller-saved and meaningless at a call). */
enum {
  RULE_SAME = 0,   /* unchanged */
  RULE_UNDEFINED,  /* not recoverable; for the return address: no caller */
  RULE_OFFSET,     /* saved at CFA + value */
  RULE_VAL_OFFSET, /* is CFA + value */
  RULE_REGISTER,   /* in the register of slot value */
};

/* One row of the table: the CFA and the rule of every slot. */
typedef struct {
  uint64_t cfa_register; /* DWARF number */
  int64_t cfa_offset;
  int64_t value[W2N_EH_NREGS];
  uint8_t kind[W2N_EH_NREGS];
} frame_rules;

/* A set of slots, as bits. */
#define SLOT_WORDS ((W2N_EH_NREGS + 63) / 64)

/* The state of the interpreter: the row being built, the rules that
 * DW_CFA_restore and DW_CFA_restore_state go back to, and the row's
 * address and GNU args size (not part of a remembered state).
 *
 * touched holds every slot an instruction has set a rule for: any slot
 * whose rule is not "same value" is one of them (a remembered row too), so
 * what looks for the rules of a row looks at these few slots only.
 * DW_CFA_restore goes back to the rule after the CIE's instructions, which
 * is "same value" but for the few registers they set (the return
 * address's, in LLVM's and GCC's CIEs): those are a list, not a row to
 * copy. */
typedef struct {
  frame_rules row;
  uint64_t touched[SLOT_WORDS];
  unsigned initial_count;
  uint8_t initial_slot[W2N_EH_NREGS];
  uint8_t initial_kind[W2N_EH_NREGS];
  int64_t initial_value[W2N_EH_NREGS];
  frame_rules remembered[REMEMBER_DEPTH];
  unsigned depth;
  uint64_t args_size;
  uintptr_t location;
} cfa_machine;

/* Copies without memcpy: the runtime is built -fno-builtin, and a struct
 * assignment this size would become a call anyway. */
OUT_OF_LINE static void copy_rules(frame_rules *to, const frame_rules *from) {
  to->cfa_register = from->cfa_register;
  to->cfa_offset = from->cfa_offset;
  for (int i = 0; i < W2N_EH_NREGS; ++i) {
    to->value[i] = from->value[i];
    to->kind[i] = from->kind[i];
  }
}

OUT_OF_LINE static void set_rule(cfa_machine *m, uint64_t dwarf, uint8_t kind,
                                 int64_t value) {
  int slot = W2N_EH_SLOT(dwarf);
  if (slot < 0)
    return; /* a register no rule of ours reads (e.g. a vector register) */
  m->row.kind[slot] = kind;
  m->row.value[slot] = value;
  m->touched[slot / 64] |= (uint64_t)1 << (slot % 64);
}

/* The next slot of the set at or after slot, or W2N_EH_NREGS. */
static int next_slot(const uint64_t set[SLOT_WORDS], int slot) {
  for (int word = slot / 64; word < SLOT_WORDS; ++word) {
    uint64_t bits = set[word];
    if (word == slot / 64)
      bits &= ~(uint64_t)0 << (slot % 64);
    if (bits)
      return word * 64 + __builtin_ctzll(bits);
  }
  return W2N_EH_NREGS;
}

static void restore_rule(cfa_machine *m, uint64_t dwarf) {
  int slot = W2N_EH_SLOT(dwarf);
  if (slot < 0)
    return;
  uint8_t kind = RULE_SAME;
  int64_t value = 0;
  for (unsigned i = 0; i < m->initial_count; ++i) {
    if (m->initial_slot[i] == slot) {
      kind = m->initial_kind[i];
      value = m->initial_value[i];
    }
  }
  m->row.kind[slot] = kind;
  m->row.value[slot] = value;
}

/* What running a block of instructions came to. */
enum { RUN_END, RUN_REACHED, RUN_FAILED };

/* Moves the row's address to target; RUN_REACHED once it passes pc, whose
 * row is then complete. */
static int advance(cfa_machine *m, uintptr_t target, uintptr_t pc) {
  if (target > pc)
    return RUN_REACHED;
  m->location = target;
  return RUN_END;
}

/* Runs instructions until their end, or until the row for pc is complete.
 * DW_CFA_*expression and the AArch64 return-address signing (0x2d) fail:
 * LLVM emits neither for code built for these targets without SVE and
 * without -mbranch-protection. */
static int run_instructions(cfa_machine *m, reader r, const fde_info *fde,
                            uintptr_t pc) {
  const cie_info *cie = &fde->cie;
  while (r.left && !r.failed) {
    uint8_t op = read_u8(&r);
    uint64_t reg, delta;
    switch (op & 0xc0) {
    case CFA_advance_loc:
      delta = (uint64_t)(op & 0x3f) * cie->code_align;
      if (advance(m, m->location + delta, pc) == RUN_REACHED)
        return RUN_REACHED;
      continue;
    case CFA_offset:
      reg = op & 0x3f;
      set_rule(m, reg, RULE_OFFSET, (int64_t)read_uleb(&r) * cie->data_align);
      continue;
    case CFA_restore:
      restore_rule(m, op & 0x3f);
      continue;
    }
    switch (op) {
    case CFA_nop:
      break;
    case CFA_set_loc: {
      uintptr_t target = read_encoded(&r, cie->fde_encoding, 0);
      if (!r.failed && advance(m, target, pc) == RUN_REACHED)
        return RUN_REACHED;
      break;
    }
    case CFA_advance_loc1:
    case CFA_advance_loc2:
    case CFA_advance_loc4:
      /* 0x02, 0x03, 0x04: a delta of 1, 2 or 4 bytes. */
      delta = read_fixed(&r, 1u << (op - CFA_advance_loc1)) * cie->code_align;
      if (!r.failed && advance(m, m->location + delta, pc) == RUN_REACHED)
        return RUN_REACHED;
      break;
    case CFA_offset_extended:
      reg = read_uleb(&r);
      set_rule(m, reg, RULE_OFFSET, (int64_t)read_uleb(&r) * cie->data_align);
      break;
    case CFA_offset_extended_sf:
      reg = read_uleb(&r);
      set_rule(m, reg, RULE_OFFSET, read_sleb(&r) * cie->data_align);
      break;
    case CFA_GNU_negative_offset_extended:
      reg = read_uleb(&r);
      set_rule(m, reg, RULE_OFFSET, -(int64_t)read_uleb(&r) * cie->data_align);
      break;
    case CFA_val_offset:
      reg = read_uleb(&r);
      set_rule(m, reg, RULE_VAL_OFFSET,
               (int64_t)read_uleb(&r) * cie->data_align);
      break;
    case CFA_val_offset_sf:
      reg = read_uleb(&r);
      set_rule(m, reg, RULE_VAL_OFFSET, read_sleb(&r) * cie->data_align);
      break;
    case CFA_restore_extended:
      restore_rule(m, read_uleb(&r));
      break;
    case CFA_undefined:
      set_rule(m, read_uleb(&r), RULE_UNDEFINED, 0);
      break;
    case CFA_same_value:
      set_rule(m, read_uleb(&r), RULE_SAME, 0);
      break;
    case CFA_register: {
      reg = read_uleb(&r);
      uint64_t from = read_uleb(&r);
      int from_slot = W2N_EH_SLOT(from);
      if (from_slot < 0)
        return RUN_FAILED;
      set_rule(m, reg, RULE_REGISTER, from_slot);
      break;
    }
    case CFA_remember_state:
      if (m->depth == REMEMBER_DEPTH)
        return RUN_FAILED;
      copy_rules(&m->remembered[m->depth++], &m->row);
      break;
    case CFA_restore_state:
      if (m->depth == 0)
        return RUN_FAILED;
      copy_rules(&m->row, &m->remembered[--m->depth]);
      break;
    case CFA_def_cfa:
      m->row.cfa_register = read_uleb(&r);
      m->row.cfa_offset = (int64_t)read_uleb(&r);
      break;
    case CFA_def_cfa_sf:
      m->row.cfa_register = read_uleb(&r);
      m->row.cfa_offset = read_sleb(&r) * cie->data_align;
      break;
    case CFA_def_cfa_register:
      m->row.cfa_register = read_uleb(&r);
      break;
    case CFA_def_cfa_offset:
      m->row.cfa_offset = (int64_t)read_uleb(&r);
      break;
    case CFA_def_cfa_offset_sf:
      m->row.cfa_offset = read_sleb(&r) * cie->data_align;
      break;
    case CFA_GNU_args_size:
      m->args_size = read_uleb(&r);
      break;
    default:
      return RUN_FAILED;
    }
  }
  return r.failed ? RUN_FAILED : RUN_END;
}

/* The row of fde's table for pc: the CIE's initial instructions, then the
 * FDE's up to pc. */
static int rules_at(cfa_machine *m, const fde_info *fde, uintptr_t pc) {
  m->row.cfa_register = NO_REGISTER;
  m->row.cfa_offset = 0;
  for (int i = 0; i < W2N_EH_NREGS; ++i) {
    m->row.kind[i] = RULE_SAME;
    m->row.value[i] = 0;
  }
  for (int word = 0; word < SLOT_WORDS; ++word)
    m->touched[word] = 0;
  m->initial_count = 0; /* a DW_CFA_restore in the CIE: "same value" */
  m->depth = 0;
  m->args_size = 0;
  m->location = fde->pc_begin;
  int result = run_instructions(m, fde->cie.instructions, fde, pc);
  if (result == RUN_FAILED)
    return 0;
  for (int i = next_slot(m->touched, 0); i < W2N_EH_NREGS;
       i = next_slot(m->touched, i + 1)) {
    if (m->row.kind[i] != RULE_SAME) {
      m->initial_slot[m->initial_count] = (uint8_t)i;
      m->initial_kind[m->initial_count] = m->row.kind[i];
      m->initial_value[m->initial_count++] = m->row.value[i];
    }
  }
  if (result == RUN_END)
    result = run_instructions(m, fde->instructions, fde, pc);
  return result != RUN_FAILED;
}

/* Replaces the frame in ctx by its caller, by the rules. 0 when there is
 * no caller to go to: the return address is undefined (the outermost
 * frame, _start) or 0, or the rules make no sense. */
static int step(w2n_eh_context *ctx, const frame_rules *rules,
                uint64_t ra_column) {
  const int sp_slot = W2N_EH_SLOT(W2N_EH_SP_COLUMN);
  int cfa_slot = rules->cfa_register == NO_REGISTER
                     ? -1
                     : W2N_EH_SLOT(rules->cfa_register);
  int ra_slot = W2N_EH_SLOT(ra_column);
  if (cfa_slot < 0 || ra_slot < 0 || rules->kind[ra_slot] == RULE_UNDEFINED)
    return 0;
  uintptr_t cfa = (uintptr_t)(ctx->reg[cfa_slot] + (uint64_t)rules->cfa_offset);
  /* The stack grows down, so callers' frames lie above: anything else is a
   * table that would loop. */
  if (cfa < ctx->reg[sp_slot])
    return 0;
  /* New values are computed from the old ones only (a register rule reads
   * the callee's register), so build the caller's registers apart. */
  uint64_t caller[W2N_EH_NREGS];
  for (int i = 0; i < W2N_EH_NREGS; ++i) {
    int64_t value = rules->value[i];
    switch (rules->kind[i]) {
    case RULE_OFFSET:
      caller[i] = *(const uint64_t *)(cfa + (uintptr_t)value);
      break;
    case RULE_VAL_OFFSET:
      caller[i] = cfa + (uint64_t)value;
      break;
    case RULE_REGISTER:
      caller[i] = ctx->reg[value];
      break;
    default:
      caller[i] = ctx->reg[i];
      break;
    }
  }
  caller[W2N_EH_PC_SLOT] = caller[ra_slot];
  caller[sp_slot] = cfa; /* what the CFA is, by definition */
  if (caller[W2N_EH_PC_SLOT] == 0)
    return 0;
  for (int i = 0; i < W2N_EH_NREGS; ++i)
    ctx->reg[i] = caller[i];
  return 1;
}

/* --- The LSDA ------------------------------------------------------------- */

/* The landing pad of the call at pc in a function starting at func_start,
 * or 0 for none. The call-site table is sorted and lists every call that
 * may throw; a call it does not list, or lists with no landing pad, is not
 * in a try here. The action and type tables are not read: every landing
 * pad of generated code is a catch-all. */
static uintptr_t landing_pad(uintptr_t lsda, uintptr_t func_start,
                             uintptr_t pc) {
  reader r = reader_at((const void *)lsda, SIZE_MAX);
  uint8_t lpstart_encoding = read_u8(&r);
  uintptr_t lpstart = func_start;
  if (lpstart_encoding != PE_OMIT)
    lpstart = read_encoded(&r, lpstart_encoding, 0);
  if (read_u8(&r) != PE_OMIT) /* type table: only its offset here */
    read_uleb(&r);
  uint8_t call_site_encoding = read_u8(&r);
  reader table = sub_reader(&r, read_uleb(&r));
  while (table.left && !table.failed) {
    uintptr_t start = func_start + read_encoded(&table, call_site_encoding, 0);
    uintptr_t length = read_encoded(&table, call_site_encoding, 0);
    uintptr_t pad = read_encoded(&table, call_site_encoding, 0);
    read_uleb(&table); /* action */
    if (table.failed || pc < start)
      return 0;
    if (pc < start + length)
      return pad ? lpstart + pad : 0;
  }
  return 0;
}

/* --- The walk ------------------------------------------------------------- */

int w2n_eh_personality(int version, int actions, uint64_t exception_class,
                       void *exception, void *context) {
  (void)version, (void)actions, (void)exception_class, (void)exception;
  (void)context;
  return URC_CONTINUE_UNWIND;
}

/* The summary of the frame at pc for the cache, from its rules there and
 * the landing pad of its call (0 for none); 0 when it does not fit one.
 * With a landing pad, the walk ends at the frame and needs no rules. */
static int summarize(w2n_eh_frame *frame, const cfa_machine *m,
                     const fde_info *fde, uintptr_t pad) {
  typedef uint64_t __attribute__((may_alias)) word;
  for (size_t i = 0; i < sizeof *frame / sizeof(word); ++i)
    ((word *)frame)[i] = 0; /* no stray bytes in the cache */
  const frame_rules *rules = &m->row;
  const int sp_slot = W2N_EH_SLOT(W2N_EH_SP_COLUMN);
  int cfa_slot = rules->cfa_register == NO_REGISTER
                     ? -1
                     : W2N_EH_SLOT(rules->cfa_register);
  int ra_slot = W2N_EH_SLOT(fde->cie.ra_column);
  frame->landing_pad = pad;
  frame->args_size = (uint32_t)m->args_size;
  frame->signal_frame = fde->cie.signal_frame;
  if (pad)
    return m->args_size <= UINT32_MAX;
  /* What step refuses is not summarised: the walk stops there by the
   * tables, as it always has. */
  if (cfa_slot < 0 || ra_slot < 0 || ra_slot == sp_slot ||
      rules->kind[ra_slot] == RULE_UNDEFINED ||
      rules->cfa_offset != (int32_t)rules->cfa_offset)
    return 0;
  frame->cfa_slot = (uint8_t)cfa_slot;
  frame->cfa_offset = (int32_t)rules->cfa_offset;
  /* One pass over the slots, each rule to the run of its kind, then the
   * runs one after the other. "Same value" and "undefined" leave the
   * register as it is, so they are no rule, but for the return address,
   * which must have one; nor are the stack pointer's and the pc's, which
   * the step overwrites. */
  _Static_assert(RULE_SAME < RULE_OFFSET && RULE_UNDEFINED < RULE_OFFSET &&
                     RULE_VAL_OFFSET == RULE_OFFSET + 1 &&
                     RULE_REGISTER == RULE_OFFSET + 2,
                 "the runs' kinds in a row");
  uint8_t slot[3][W2N_EH_FRAME_RULES];
  int16_t value[3][W2N_EH_FRAME_RULES];
  unsigned count[3] = {0, 0, 0}, total = 0, ra_run = 0, ra_index = 0;
  uint64_t visit[SLOT_WORDS];
  for (int word = 0; word < SLOT_WORDS; ++word)
    visit[word] = m->touched[word];
  visit[ra_slot / 64] |= (uint64_t)1 << (ra_slot % 64);
  for (int i = next_slot(visit, 0); i < W2N_EH_NREGS;
       i = next_slot(visit, i + 1)) {
    unsigned kind = rules->kind[i];
    int64_t rule_value = rules->value[i];
    if (i == ra_slot && kind == RULE_SAME)
      kind = RULE_REGISTER, rule_value = ra_slot;
    if (kind < RULE_OFFSET || i == sp_slot ||
        (i == W2N_EH_PC_SLOT && i != ra_slot))
      continue;
    if (total++ == W2N_EH_FRAME_RULES || rule_value != (int16_t)rule_value)
      return 0;
    unsigned run = kind - RULE_OFFSET;
    if (i == ra_slot)
      ra_run = run, ra_index = count[run];
    slot[run][count[run]] = (uint8_t)i;
    value[run][count[run]++] = (int16_t)rule_value;
  }
  unsigned n = 0;
  for (unsigned run = 0; run < 3; ++run) {
    if (run == ra_run)
      frame->ra_rule = (uint8_t)(n + ra_index);
    for (unsigned j = 0; j < count[run]; ++j, ++n) {
      frame->slot[n] = slot[run][j];
      frame->value[n] = value[run][j];
    }
    if (run == 0)
      frame->offsets = (uint8_t)n;
    else if (run == 1)
      frame->val_offsets = (uint8_t)n;
  }
  frame->rules = (uint8_t)n;
  return 1;
}

/* What the tables say of the frame at pc (return address - 1, or a signal
 * frame's pc exactly), on a miss of the cache. */
enum {
  FRAME_NONE,    /* no FDE, or tables it cannot follow: the walk ends */
  FRAME_SUMMARY, /* in *frame, and in the cache */
  FRAME_STEPPED, /* no summary: ctx is the caller's, *signal_frame set */
};

/* Out of line: the interpreter's state (a few KiB on riscv64) stays off
 * the stack of the walk's loop. A frame without a summary is dealt with
 * here by the full rules: resumed at its landing pad, or stepped past. */
OUT_OF_LINE static int frame_from_tables(uintptr_t pc, uint32_t generation,
                                         w2n_eh_frame *frame,
                                         w2n_eh_context *ctx, void *exn,
                                         int *signal_frame) {
  cfa_machine machine;
  const uint8_t *record = w2n_os_find_fde(pc);
  fde_info fde;
  if (!record || !parse_fde(record, &fde) || pc < fde.pc_begin ||
      pc >= fde.pc_end || !rules_at(&machine, &fde, pc))
    return FRAME_NONE;
  /* Every frame walked is generated code (entry trampolines stop every
   * exception before a host frame): any landing pad is WebAssembly's,
   * whatever the module named its personality. */
  uintptr_t pad = 0;
  if (fde.lsda && fde.cie.personality)
    pad = landing_pad(fde.lsda, fde.pc_begin, pc);
  if (summarize(frame, &machine, &fde, pad)) {
    frame->pc = pc;
    frame->generation = generation;
    w2n_eh_cache_put(frame);
    return FRAME_SUMMARY;
  }
  if (pad) {
    ctx->reg[W2N_EH_SLOT(W2N_EH_SP_COLUMN)] += machine.args_size;
    w2n_eh_resume(ctx, pad, exn);
  }
  if (!step(ctx, &machine.row, fde.cie.ra_column))
    return FRAME_NONE;
  *signal_frame = fde.cie.signal_frame;
  return FRAME_STEPPED;
}

_Noreturn void w2n_eh_raise(void *exn, w2n_eh_context *ctx) {
  const int sp_slot = W2N_EH_SLOT(W2N_EH_SP_COLUMN);
  /* Read before any table: what this walk caches is at least as new. */
  uint32_t generation = w2n_eh_cache_generation();
  int after_signal_frame = 0;
  for (unsigned long frames = 0; frames < FRAME_LIMIT; ++frames) {
    /* A return address is the instruction after the call, which may
     * belong to another row or (after a noreturn call) to the next
     * function: look up the call itself. A frame a signal interrupted is
     * at its pc exactly. */
    uintptr_t pc = ctx->reg[W2N_EH_PC_SLOT];
    uintptr_t at = after_signal_frame ? pc : pc - 1;
    w2n_eh_frame frame;
    if (!w2n_eh_cache_find(at, generation, &frame)) {
      int found = frame_from_tables(at, generation, &frame, ctx, exn,
                                    &after_signal_frame);
      if (found == FRAME_NONE)
        break;
      if (found == FRAME_STEPPED)
        continue;
    }
    if (frame.landing_pad) {
      /* The pad runs with the stack as the function body has it, without
       * the arguments pushed for the call (x86-64). */
      ctx->reg[sp_slot] += frame.args_size;
      w2n_eh_resume(ctx, frame.landing_pad, exn);
    }
    if (!w2n_eh_frame_step(ctx, &frame))
      break;
    after_signal_frame = frame.signal_frame;
  }
  w2n_os_eh_uncaught(exn);
}

/* --- .eh_frame_hdr -------------------------------------------------------- */

const void *w2n_eh_hdr_lookup(const uint8_t *eh_frame_hdr, uintptr_t pc) {
  if (!eh_frame_hdr)
    return NULL;
  const uintptr_t base = (uintptr_t)eh_frame_hdr;
  reader r = reader_at(eh_frame_hdr, SIZE_MAX);
  uint8_t version = read_u8(&r);
  uint8_t frame_pointer_encoding = read_u8(&r);
  uint8_t count_encoding = read_u8(&r);
  uint8_t table_encoding = read_u8(&r);
  if (version != 1 || count_encoding == PE_OMIT ||
      table_encoding != (PE_DATAREL | PE_SDATA4))
    return NULL;
  read_encoded(&r, frame_pointer_encoding, base); /* .eh_frame: not needed */
  uint64_t count = read_encoded(&r, count_encoding, base);
  if (r.failed || count == 0)
    return NULL;
  /* Pairs of (initial location, FDE address), both relative to the
   * header, sorted by location: find the last location <= pc. */
  const uint8_t *table = r.p;
  uint64_t low = 0, high = count;
  while (high - low > 1) {
    uint64_t middle = low + (high - low) / 2;
    reader entry = reader_at(table + middle * 8, 4);
    if (base + (uintptr_t)(int64_t)(int32_t)read_fixed(&entry, 4) <= pc)
      low = middle;
    else
      high = middle;
  }
  reader entry = reader_at(table + low * 8, 8);
  uintptr_t start = base + (uintptr_t)(int64_t)(int32_t)read_fixed(&entry, 4);
  uintptr_t record = base + (uintptr_t)(int64_t)(int32_t)read_fixed(&entry, 4);
  fde_info fde;
  if (start > pc || !parse_fde((const uint8_t *)record, &fde) ||
      pc < fde.pc_begin || pc >= fde.pc_end)
    return NULL;
  return (const void *)record;
}
