/*===- test/lit/runtime/Inputs/unwind-cfa.c - The unwinder's parts, alone -===*
 *
 * core/unwind.c and core/unwind_cache.c included whole, so that their
 * static parts can be driven with tables written here byte by byte:
 * pointer encodings, CIE and FDE parsing, every call frame instruction the
 * interpreter knows (several of which LLVM never emits for these targets,
 * so the end-to-end test cannot reach them), the step to the caller, the
 * LSDA's call-site table in both encodings, the .eh_frame_hdr search; the
 * frame summaries against the full rules, the cache's entries (a shared
 * entry, generations, a writer's odd sequence number), and whole walks
 * over tables made here, with the OS hooks below, which show the second
 * walk reading no table. Built natively for x86-64 (the slot numbers below
 * are its DWARF numbers); prints one line per check that fails, then
 * "N checks, N failed".
 *===----------------------------------------------------------------------===*/
#include "core/unwind.c"
#include "core/unwind_cache.c"

#include <setjmp.h>
#include <stdio.h>

/* unwind.c's external references. The walks of check_walk end in the
 * first two; w2n_os_find_fde finds the one FDE of walk_fde and counts the
 * lookups. */
static jmp_buf walk_end;
static struct {
  int resumed; /* 0: uncaught */
  uintptr_t pad;
  w2n_eh_context ctx;
  void *exn;
} walk;
static const void *walk_fde;
static uintptr_t walk_begin, walk_end_pc;
static int fde_lookups;

_Noreturn void w2n_eh_resume(w2n_eh_context *ctx, uintptr_t pad, void *exn) {
  walk.resumed = 1;
  walk.pad = pad;
  walk.ctx = *ctx;
  walk.exn = exn;
  longjmp(walk_end, 1);
}
const void *w2n_os_find_fde(uintptr_t pc) {
  ++fde_lookups;
  return walk_fde && pc >= walk_begin && pc < walk_end_pc ? walk_fde : NULL;
}
_Noreturn void w2n_os_eh_uncaught(void *exn) {
  walk.resumed = 0;
  walk.exn = exn;
  longjmp(walk_end, 1);
}

static int checks, failures;

static void check(int ok, const char *what, int line) {
  ++checks;
  if (!ok) {
    ++failures;
    printf("FAILED line %d: %s\n", line, what);
  }
}
#define CHECK(x) check((x), #x, __LINE__)

/* x86-64 DWARF numbers. */
enum {
  RBX = 3,
  RBP = 6,
  RSP = 7,
  R12 = 12,
  R13 = 13,
  R14 = 14,
  R15 = 15,
  RA = 16
};

/* --- Building tables ------------------------------------------------------ */

typedef struct {
  uint8_t bytes[1024];
  size_t size;
} buffer;

static void put_byte(buffer *b, unsigned v) {
  b->bytes[b->size++] = (uint8_t)v;
}

static void put_fixed(buffer *b, uint64_t v, unsigned size) {
  for (unsigned i = 0; i < size; ++i)
    put_byte(b, (uint8_t)(v >> (8 * i)));
}

static void put_uleb(buffer *b, uint64_t v) {
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    put_byte(b, byte | (v ? 0x80 : 0));
  } while (v);
}

static void put_sleb(buffer *b, int64_t v) {
  for (;;) {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    int done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
    put_byte(b, byte | (done ? 0 : 0x80));
    if (done)
      return;
  }
}

static void put_bytes(buffer *b, const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    put_byte(b, p[i]);
}

static size_t strlen_(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  return n;
}

/* Overwrites 4 bytes at offset at. */
static void patch32(buffer *b, size_t at, uint64_t v) {
  for (unsigned i = 0; i < 4; ++i)
    b->bytes[at + i] = (uint8_t)(v >> (8 * i));
}

/* Patches the 4-byte length at start to cover up to the end. */
static void close_record(buffer *b, size_t start) {
  while ((b->size - start) % 8)
    put_byte(b, CFA_nop);
  patch32(b, start, b->size - start - 4);
}

/* A CIE like LLVM's for x86-64 ("zR", pcrel|sdata4 FDE pointers; or "zPLR"
 * with our personality) with the given initial instructions, then one FDE
 * for [begin, begin + 0x100) with the given instructions. Returns the
 * FDE's offset in b. */
static size_t cie_and_fde(buffer *b, uintptr_t begin, int with_personality,
                          const uint8_t *cie_ops, size_t cie_ops_size,
                          const uint8_t *fde_ops, size_t fde_ops_size) {
  b->size = 0;
  size_t cie = b->size;
  put_fixed(b, 0, 4);
  put_fixed(b, 0, 4); /* CIE id */
  put_byte(b, 1);     /* version */
  const char *aug = with_personality ? "zPLR" : "zR";
  put_bytes(b, (const uint8_t *)aug, strlen_(aug) + 1);
  put_uleb(b, 1);  /* code alignment */
  put_sleb(b, -8); /* data alignment */
  put_byte(b, RA); /* return address column */
  if (with_personality) {
    put_uleb(b, 1 + 8 + 1 + 1);
    put_byte(b, PE_ABSPTR); /* personality, absolute */
    put_fixed(b, (uintptr_t)&w2n_eh_personality, 8);
    put_byte(b, PE_ABSPTR); /* LSDA */
    put_byte(b, PE_PCREL | PE_SDATA4);
  } else {
    put_uleb(b, 1);
    put_byte(b, PE_PCREL | PE_SDATA4);
  }
  put_bytes(b, cie_ops, cie_ops_size);
  close_record(b, cie);
  size_t fde = b->size;
  put_fixed(b, 0, 4);
  put_fixed(b, b->size - cie, 4); /* back to the CIE */
  put_fixed(b, (uint64_t)(begin - (uintptr_t)&b->bytes[b->size]), 4);
  put_fixed(b, 0x100, 4);
  if (with_personality) {
    put_uleb(b, 8);
    put_fixed(b, 0x1234, 8);
  } else {
    put_uleb(b, 0);
  }
  put_bytes(b, fde_ops, fde_ops_size);
  close_record(b, fde);
  put_fixed(b, 0, 4); /* terminator */
  return fde;
}

/* LLVM's CIE instructions on x86-64: CFA = rsp + 8, return address at
 * CFA - 8. */
static const uint8_t llvm_cie_ops[] = {CFA_def_cfa, RSP, 8, CFA_offset | RA, 1};

/* The rules of a table for pc; 0 if the interpreter refused it. */
static int rules_for(buffer *b, const uint8_t *ops, size_t size, uintptr_t pc,
                     cfa_machine *m) {
  uintptr_t begin = (uintptr_t)b->bytes + 0x1000; /* within sdata4 */
  size_t fde =
      cie_and_fde(b, begin, 0, llvm_cie_ops, sizeof llvm_cie_ops, ops, size);
  fde_info info;
  if (!parse_fde(&b->bytes[fde], &info))
    return 0;
  return rules_at(m, &info, begin + pc);
}

/* --- Checks --------------------------------------------------------------- */

static void check_encodings(void) {
  uint8_t bytes[16] = {0xe5, 0x8e, 0x26}; /* uleb 624485; sleb -... */
  reader r = reader_at(bytes, 3);
  CHECK(read_uleb(&r) == 624485 && !r.failed);
  uint8_t neg[] = {0xc0, 0xbb, 0x78}; /* sleb -123456 */
  r = reader_at(neg, 3);
  CHECK(read_sleb(&r) == -123456 && !r.failed);
  r = reader_at(neg, 2); /* cut short */
  read_sleb(&r);
  CHECK(r.failed);

  uint8_t s2[] = {0xfe, 0xff};
  r = reader_at(s2, 2);
  CHECK(read_encoded(&r, PE_SDATA2, 0) == (uintptr_t)-2);
  r = reader_at(s2, 2);
  CHECK(read_encoded(&r, PE_UDATA2, 0) == 0xfffe);
  uint8_t s4[] = {0xf0, 0xff, 0xff, 0xff};
  r = reader_at(s4, 4);
  CHECK(read_encoded(&r, PE_PCREL | PE_SDATA4, 0) == (uintptr_t)s4 - 16);
  r = reader_at(s4, 4);
  CHECK(read_encoded(&r, PE_DATAREL | PE_SDATA4, 0x1000) == 0x1000 - 16);
  r = reader_at(s4, 4);
  read_encoded(&r, PE_DATAREL | PE_SDATA4, 0); /* no data base */
  CHECK(r.failed);
  r = reader_at(s4, 4);
  read_encoded(&r, 0x20 | PE_SDATA4, 0); /* textrel */
  CHECK(r.failed);
  uint8_t zero[8] = {0};
  r = reader_at(zero, 8);
  CHECK(read_encoded(&r, PE_PCREL | PE_SDATA8, 0) == 0 && !r.failed);

  /* indirect|pcrel|sdata4, as LLVM refers to DW.ref.<personality>: the
   * field, then the pointer it leads to. */
  struct {
    uint8_t field[8];
    uintptr_t slot;
  } indirect = {{8}, 0xabcdef};
  r = reader_at(indirect.field, 4);
  CHECK(read_encoded(&r, PE_INDIRECT | PE_PCREL | PE_SDATA4, 0) == 0xabcdef);
  for (unsigned i = 0; i < 8; ++i)
    bytes[i] = (uint8_t)(0x1122334455667788ull >> (8 * i));
  r = reader_at(bytes, 8);
  CHECK(read_encoded(&r, PE_ABSPTR, 0) == 0x1122334455667788ull);
  r = reader_at(bytes, 8);
  CHECK(read_encoded(&r, PE_UDATA8, 0) == 0x1122334455667788ull);
  r = reader_at(bytes, 4);
  CHECK(read_encoded(&r, PE_UDATA4, 0) == 0x55667788u);
}

static void check_parse(void) {
  buffer b;
  uintptr_t begin = (uintptr_t)b.bytes + 0x7000;
  size_t fde =
      cie_and_fde(&b, begin, 1, llvm_cie_ops, sizeof llvm_cie_ops, NULL, 0);
  fde_info info;
  CHECK(parse_fde(&b.bytes[fde], &info));
  CHECK(info.pc_begin == begin && info.pc_end == begin + 0x100);
  CHECK(info.cie.personality == (uintptr_t)&w2n_eh_personality);
  CHECK(info.lsda == 0x1234);
  CHECK(info.cie.ra_column == RA && info.cie.data_align == -8 &&
        info.cie.code_align == 1);
  CHECK(!parse_fde(&b.bytes[0], &info)); /* a CIE is not an FDE */
  b.bytes[9] = 'x';                      /* "zR" -> "xR": unknown */
  CHECK(!parse_fde(&b.bytes[fde], &info));
  cie_and_fde(&b, begin, 0, llvm_cie_ops, sizeof llvm_cie_ops, NULL, 0);
  b.bytes[8] = 2; /* CIE version 2 */
  CHECK(!parse_fde(&b.bytes[fde], &info));
}

static void check_instructions(void) {
  buffer b;
  cfa_machine m;

  /* A prologue: push rbp, mov rsp->rbp, push rbx, as LLVM describes it;
   * each row from its address on. */
  static const uint8_t prologue[] = {CFA_advance_loc | 1,
                                     CFA_def_cfa_offset,
                                     16,
                                     CFA_offset | RBP,
                                     2,
                                     CFA_advance_loc | 3,
                                     CFA_def_cfa_register,
                                     RBP,
                                     CFA_advance_loc | 1,
                                     CFA_offset | RBX,
                                     3};
  CHECK(rules_for(&b, prologue, sizeof prologue, 0, &m));
  CHECK(m.row.cfa_register == RSP && m.row.cfa_offset == 8);
  CHECK(m.row.kind[RA] == RULE_OFFSET && m.row.value[RA] == -8);
  CHECK(m.row.kind[RBP] == RULE_SAME);
  CHECK(rules_for(&b, prologue, sizeof prologue, 1, &m));
  CHECK(m.row.cfa_offset == 16 && m.row.kind[RBP] == RULE_OFFSET &&
        m.row.value[RBP] == -16);
  CHECK(rules_for(&b, prologue, sizeof prologue, 3, &m));
  CHECK(m.row.cfa_register == RSP);
  CHECK(rules_for(&b, prologue, sizeof prologue, 4, &m));
  CHECK(m.row.cfa_register == RBP && m.row.cfa_offset == 16 &&
        m.row.kind[RBX] == RULE_SAME);
  CHECK(rules_for(&b, prologue, sizeof prologue, 0x50, &m));
  CHECK(m.row.kind[RBX] == RULE_OFFSET && m.row.value[RBX] == -24);

  /* The longer advances, and set_loc (pcrel|sdata4 here, like the FDE's
   * pointers: relative to where it is stored). */
  static const uint8_t advances[] = {CFA_advance_loc1,
                                     0x10,
                                     CFA_def_cfa_offset,
                                     24,
                                     CFA_advance_loc2,
                                     0x10,
                                     0x00,
                                     CFA_def_cfa_offset,
                                     32,
                                     CFA_advance_loc4,
                                     0x10,
                                     0x00,
                                     0x00,
                                     0x00,
                                     CFA_def_cfa_offset,
                                     40};
  CHECK(rules_for(&b, advances, sizeof advances, 0x0f, &m) &&
        m.row.cfa_offset == 8);
  CHECK(rules_for(&b, advances, sizeof advances, 0x10, &m) &&
        m.row.cfa_offset == 24);
  CHECK(rules_for(&b, advances, sizeof advances, 0x20, &m) &&
        m.row.cfa_offset == 32);
  CHECK(rules_for(&b, advances, sizeof advances, 0x30, &m) &&
        m.row.cfa_offset == 40);

  /* Every register rule. */
  static const uint8_t rules[] = {CFA_offset_extended,
                                  R12,
                                  4, /* r12 at CFA - 32 */
                                  CFA_offset_extended_sf,
                                  R13,
                                  0x7b, /* sleb -5: r13 at CFA + 40 */
                                  CFA_register,
                                  R14,
                                  RBX, /* r14 is in rbx */
                                  CFA_val_offset,
                                  R15,
                                  2, /* r15 = CFA - 16 */
                                  CFA_val_offset_sf,
                                  RBP,
                                  0x7f, /* sleb -1: rbp = CFA + 8 */
                                  CFA_GNU_negative_offset_extended,
                                  RBX,
                                  1, /* rbx at CFA + 8 */
                                  CFA_undefined,
                                  1,
                                  CFA_same_value,
                                  R12 + 0,
                                  CFA_offset_extended,
                                  R12,
                                  4,
                                  CFA_nop,
                                  CFA_GNU_args_size,
                                  0x30,
                                  CFA_def_cfa_sf,
                                  RBP,
                                  0x7e, /* sleb -2: CFA = rbp + 16 */
                                  CFA_advance_loc | 8,
                                  CFA_def_cfa_offset_sf,
                                  0x7d, /* sleb -3: CFA = rbp + 24 */
                                  CFA_same_value,
                                  R13,
                                  CFA_restore_extended,
                                  R12,
                                  CFA_GNU_args_size,
                                  0};
  CHECK(rules_for(&b, rules, sizeof rules, 7, &m));
  CHECK(m.row.kind[R12] == RULE_OFFSET && m.row.value[R12] == -32);
  CHECK(m.row.kind[R13] == RULE_OFFSET && m.row.value[R13] == 40);
  CHECK(m.row.kind[R14] == RULE_REGISTER && m.row.value[R14] == RBX);
  CHECK(m.row.kind[R15] == RULE_VAL_OFFSET && m.row.value[R15] == -16);
  CHECK(m.row.kind[RBP] == RULE_VAL_OFFSET && m.row.value[RBP] == 8);
  CHECK(m.row.kind[RBX] == RULE_OFFSET && m.row.value[RBX] == 8);
  CHECK(m.row.kind[1] == RULE_UNDEFINED);
  CHECK(m.args_size == 0x30);
  CHECK(m.row.cfa_register == RBP && m.row.cfa_offset == 16);
  CHECK(rules_for(&b, rules, sizeof rules, 8, &m));
  CHECK(m.row.cfa_offset == 24 && m.row.kind[R13] == RULE_SAME);
  CHECK(m.row.kind[R12] == RULE_SAME); /* restored to the CIE's: none */
  CHECK(m.args_size == 0);

  /* restore goes back to the CIE's rule, remember/restore_state keep the
   * CFA too, and nest. */
  static const uint8_t states[] = {CFA_def_cfa_offset,
                                   16,
                                   CFA_offset | RBX,
                                   2,
                                   CFA_offset | RA,
                                   3,
                                   CFA_remember_state,
                                   CFA_advance_loc | 2,
                                   CFA_def_cfa_offset,
                                   8,
                                   CFA_restore | RBX,
                                   CFA_restore | RA,
                                   CFA_remember_state,
                                   CFA_offset | R12,
                                   5,
                                   CFA_advance_loc | 2,
                                   CFA_restore_state,
                                   CFA_advance_loc | 2,
                                   CFA_restore_state};
  CHECK(rules_for(&b, states, sizeof states, 1, &m));
  CHECK(m.row.cfa_offset == 16 && m.row.value[RBX] == -16 &&
        m.row.value[RA] == -24);
  CHECK(rules_for(&b, states, sizeof states, 2, &m));
  CHECK(m.row.cfa_offset == 8 && m.row.kind[RBX] == RULE_SAME &&
        m.row.kind[RA] == RULE_OFFSET && m.row.value[RA] == -8 &&
        m.row.kind[R12] == RULE_OFFSET);
  CHECK(rules_for(&b, states, sizeof states, 4, &m));
  CHECK(m.row.cfa_offset == 8 && m.row.kind[R12] == RULE_SAME);
  CHECK(rules_for(&b, states, sizeof states, 6, &m));
  CHECK(m.row.cfa_offset == 16 && m.row.kind[RBX] == RULE_OFFSET &&
        m.row.value[RA] == -24 && m.row.kind[R12] == RULE_SAME);

  /* Refusals: an expression before pc, restore_state with nothing
   * remembered, remember_state too deep; an expression past pc is never
   * reached and does not matter. */
  static const uint8_t expression[] = {CFA_advance_loc | 4,
                                       CFA_def_cfa_expression, 1, 0x77};
  CHECK(rules_for(&b, expression, sizeof expression, 3, &m));
  CHECK(!rules_for(&b, expression, sizeof expression, 4, &m));
  static const uint8_t expression2[] = {CFA_expression, RBX, 1, 0x77};
  CHECK(!rules_for(&b, expression2, sizeof expression2, 0, &m));
  static const uint8_t expression3[] = {CFA_val_expression, RBX, 1, 0x77};
  CHECK(!rules_for(&b, expression3, sizeof expression3, 0, &m));
  static const uint8_t unbalanced[] = {CFA_restore_state};
  CHECK(!rules_for(&b, unbalanced, sizeof unbalanced, 0, &m));
  uint8_t deep[REMEMBER_DEPTH + 1];
  for (unsigned i = 0; i < sizeof deep; ++i)
    deep[i] = CFA_remember_state;
  CHECK(rules_for(&b, deep, REMEMBER_DEPTH, 0, &m));
  CHECK(!rules_for(&b, deep, sizeof deep, 0, &m));
  static const uint8_t unknown[] = {0x3f};
  CHECK(!rules_for(&b, unknown, sizeof unknown, 0, &m));
}

static void check_step(void) {
  /* A frame whose CFA is rbp + 16, with rbx saved at CFA - 24, the
   * return address at CFA - 8, r12 in r13, r14 = CFA - 32 and the rest
   * untouched. */
  uint64_t stack[8] = {0, 0, 0, 0, 0xbbbb, 0x0, 0x0, 0x401234};
  uintptr_t cfa = (uintptr_t)&stack[8];
  w2n_eh_context ctx;
  for (int i = 0; i < W2N_EH_NREGS; ++i)
    ctx.reg[i] = 0x1000 + i;
  ctx.reg[RBP] = cfa - 16;
  ctx.reg[RSP] = (uintptr_t)&stack[0];
  ctx.reg[R13] = 0x1313;
  frame_rules rules;
  for (int i = 0; i < W2N_EH_NREGS; ++i) {
    rules.kind[i] = RULE_SAME;
    rules.value[i] = 0;
  }
  rules.cfa_register = RBP;
  rules.cfa_offset = 16;
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  rules.kind[RBX] = RULE_OFFSET, rules.value[RBX] = -32;
  rules.kind[R12] = RULE_REGISTER, rules.value[R12] = R13;
  rules.kind[R14] = RULE_VAL_OFFSET, rules.value[R14] = -32;
  w2n_eh_context saved = ctx;
  CHECK(step(&ctx, &rules, RA));
  CHECK(ctx.reg[W2N_EH_PC_SLOT] == 0x401234);
  CHECK(ctx.reg[RSP] == cfa);
  CHECK(ctx.reg[RBX] == 0xbbbb);
  CHECK(ctx.reg[R12] == 0x1313);
  CHECK(ctx.reg[R13] == 0x1313);
  CHECK(ctx.reg[R14] == cfa - 32);
  CHECK(ctx.reg[R15] == 0x1000 + R15);
  CHECK(ctx.reg[RBP] == cfa - 16); /* same value */

  /* No caller: an undefined return address, a return address of 0, a
   * CFA below the stack pointer, an unknown CFA register. */
  ctx = saved;
  rules.kind[RA] = RULE_UNDEFINED;
  CHECK(!step(&ctx, &rules, RA) && ctx.reg[RSP] == saved.reg[RSP]);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -16; /* stack[6] == 0 */
  CHECK(!step(&ctx, &rules, RA));
  rules.value[RA] = -8;
  ctx.reg[RSP] = cfa + 8;
  CHECK(!step(&ctx, &rules, RA));
  ctx = saved;
  rules.cfa_register = 40;
  CHECK(!step(&ctx, &rules, RA));
}

static void check_lsda(void) {
  const uintptr_t func = 0x10000;
  for (int udata4 = 0; udata4 <= 1; ++udata4) {
    buffer b;
    b.size = 0;
    put_byte(&b, PE_OMIT);                            /* LPStart */
    put_byte(&b, PE_INDIRECT | PE_PCREL | PE_SDATA4); /* TType, */
    put_uleb(&b, 9);                                  /* skipped */
    put_byte(&b, udata4 ? PE_UDATA4 : PE_ULEB128);
    static const uint32_t sites[][3] = {
        {0x10, 0x08, 0x200}, {0x20, 0x10, 0}, {0x40, 0x04, 0x300}};
    buffer table;
    table.size = 0;
    for (unsigned i = 0; i < 3; ++i) {
      for (unsigned j = 0; j < 3; ++j) {
        if (udata4)
          put_fixed(&table, sites[i][j], 4);
        else
          put_uleb(&table, sites[i][j]);
      }
      put_uleb(&table, 1); /* action */
    }
    put_uleb(&b, table.size);
    put_bytes(&b, table.bytes, table.size);
    uintptr_t lsda = (uintptr_t)b.bytes;
    CHECK(landing_pad(lsda, func, func + 0x0f) == 0);
    CHECK(landing_pad(lsda, func, func + 0x10) == func + 0x200);
    CHECK(landing_pad(lsda, func, func + 0x17) == func + 0x200);
    CHECK(landing_pad(lsda, func, func + 0x18) == 0);
    CHECK(landing_pad(lsda, func, func + 0x25) == 0); /* no landing pad */
    CHECK(landing_pad(lsda, func, func + 0x43) == func + 0x300);
    CHECK(landing_pad(lsda, func, func + 0x44) == 0);
  }
  /* An explicit LPStart (absolute, udata8). */
  buffer b;
  b.size = 0;
  put_byte(&b, PE_UDATA8);
  put_fixed(&b, 0x50000, 8);
  put_byte(&b, PE_OMIT);
  put_byte(&b, PE_ULEB128);
  put_uleb(&b, 4);
  put_uleb(&b, 0), put_uleb(&b, 8), put_uleb(&b, 0x30), put_uleb(&b, 0);
  CHECK(landing_pad((uintptr_t)b.bytes, func, func + 4) == 0x50030);
}

static void check_hdr(void) {
  /* .eh_frame_hdr, then .eh_frame with three FDEs of one CIE, for
   * functions at hdr + 0x1000, + 0x2000 and + 0x3000 of 0x100 bytes, as
   * lld lays them out (with absolute FDE pointers here, which the CIE
   * says). */
  static uint8_t section[1024] __attribute__((aligned(8)));
  buffer b;
  b.size = 0;
  uintptr_t hdr = (uintptr_t)section;
  const size_t starts[3] = {0x1000, 0x2000, 0x3000};
  const size_t ranges[3] = {0x100, 0x10, 0x100};
  size_t fdes[3];
  put_byte(&b, 1);
  put_byte(&b, PE_PCREL | PE_SDATA4); /* eh_frame_ptr */
  put_byte(&b, PE_UDATA4);            /* fde_count */
  put_byte(&b, PE_DATAREL | PE_SDATA4);
  put_fixed(&b, 0, 4); /* eh_frame_ptr, patched below */
  put_fixed(&b, 3, 4);
  size_t table = b.size;
  b.size += 3 * 8;
  patch32(&b, 4, b.size - 4); /* .eh_frame follows, from the field */
  size_t cie = b.size;
  put_fixed(&b, 0, 4);
  put_fixed(&b, 0, 4);
  put_byte(&b, 1);
  put_bytes(&b, (const uint8_t *)"zR", 3);
  put_uleb(&b, 1), put_sleb(&b, -8), put_byte(&b, RA);
  put_uleb(&b, 1), put_byte(&b, PE_ABSPTR);
  put_bytes(&b, llvm_cie_ops, sizeof llvm_cie_ops);
  close_record(&b, cie);
  for (int i = 0; i < 3; ++i) {
    fdes[i] = b.size;
    put_fixed(&b, 0, 4);
    put_fixed(&b, b.size - cie, 4);
    put_fixed(&b, hdr + starts[i], 8);
    put_fixed(&b, ranges[i], 8);
    put_uleb(&b, 0);
    close_record(&b, fdes[i]);
    patch32(&b, table + (size_t)i * 8, starts[i]);
    patch32(&b, table + (size_t)i * 8 + 4, fdes[i]);
  }
  put_fixed(&b, 0, 4);
  for (size_t i = 0; i < b.size; ++i)
    section[i] = b.bytes[i];

  const uint8_t *h = section;
  const void *fde0 = h + fdes[0], *fde1 = h + fdes[1], *fde2 = h + fdes[2];
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x0fff) == NULL);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x1000) == fde0);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x10ff) == fde0);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x1100) == NULL); /* between functions */
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x2000) == fde1);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x200f) == fde1);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x2010) == NULL);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x3080) == fde2);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x3100) == NULL);
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x100000) == NULL);
  CHECK(w2n_eh_hdr_lookup(NULL, hdr + 0x1000) == NULL);
  section[3] = PE_DATAREL | PE_SDATA8; /* another table encoding */
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x1000) == NULL);
  section[3] = PE_DATAREL | PE_SDATA4;
  section[0] = 2; /* another version */
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x1000) == NULL);
  section[0] = 1;
  section[2] = PE_OMIT; /* no count */
  CHECK(w2n_eh_hdr_lookup(h, hdr + 0x1000) == NULL);
}

/* --- Frame summaries and the cache ---------------------------------------- */

/* Rules of their own for every slot, all "same value". */
static void same_rules(frame_rules *rules, uint64_t cfa_register,
                       int64_t cfa_offset) {
  for (int i = 0; i < W2N_EH_NREGS; ++i) {
    rules->kind[i] = RULE_SAME;
    rules->value[i] = 0;
  }
  rules->cfa_register = cfa_register;
  rules->cfa_offset = cfa_offset;
}

/* The summary of rules (no landing pad), through summarize. */
static int summary_of(w2n_eh_frame *frame, const frame_rules *rules,
                      uint64_t args_size) {
  static cfa_machine m;
  fde_info fde;
  copy_rules(&m.row, rules);
  for (int i = 0; i < W2N_EH_NREGS; ++i) /* every slot may have a rule */
    m.touched[i / 64] |= (uint64_t)1 << (i % 64);
  m.args_size = args_size;
  fde.cie.ra_column = RA;
  fde.cie.signal_frame = 0;
  return summarize(frame, &m, &fde, 0);
}

/* step and w2n_eh_frame_step from the same context agree, register by
 * register. */
static int same_step(const w2n_eh_context *from, const frame_rules *rules) {
  w2n_eh_frame frame;
  w2n_eh_context full = *from, summarised = *from;
  if (!summary_of(&frame, rules, 0))
    return 0;
  int ok_full = step(&full, rules, RA);
  int ok_summarised = w2n_eh_frame_step(&summarised, &frame);
  if (ok_full != ok_summarised)
    return 0;
  for (int i = 0; i < W2N_EH_NREGS; ++i)
    if (full.reg[i] != summarised.reg[i])
      return 0;
  return 1;
}

static void check_summary(void) {
  uint64_t stack[8] = {0x1111, 0x2222, 0x3333, 0, 0xbbbb, 0, 0, 0x401234};
  uintptr_t cfa = (uintptr_t)&stack[8];
  w2n_eh_context ctx;
  for (int i = 0; i < W2N_EH_NREGS; ++i)
    ctx.reg[i] = 0x1000 + i;
  ctx.reg[RBP] = cfa - 16;
  ctx.reg[RSP] = (uintptr_t)&stack[0];
  frame_rules rules;
  same_rules(&rules, RBP, 16);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  rules.kind[RBX] = RULE_OFFSET, rules.value[RBX] = -32;
  rules.kind[R14] = RULE_VAL_OFFSET, rules.value[R14] = -40;
  /* r12 and r13 swapped: each must read the callee's other one. */
  rules.kind[R12] = RULE_REGISTER, rules.value[R12] = R13;
  rules.kind[R13] = RULE_REGISTER, rules.value[R13] = R12;
  rules.kind[R15] = RULE_UNDEFINED; /* keeps its value, as in step */
  CHECK(same_step(&ctx, &rules));
  w2n_eh_frame frame;
  CHECK(summary_of(&frame, &rules, 0));
  CHECK(frame.cfa_slot == RBP && frame.cfa_offset == 16);
  CHECK(frame.offsets == 2 && frame.val_offsets == 3 && frame.rules == 5);
  CHECK(frame.slot[frame.ra_rule] == RA && frame.value[frame.ra_rule] == -8);
  w2n_eh_context stepped = ctx;
  CHECK(w2n_eh_frame_step(&stepped, &frame));
  CHECK(stepped.reg[R12] == 0x1000 + R13 && stepped.reg[R13] == 0x1000 + R12);
  CHECK(stepped.reg[RBX] == 0xbbbb && stepped.reg[R14] == cfa - 40);
  CHECK(stepped.reg[W2N_EH_PC_SLOT] == 0x401234 && stepped.reg[RSP] == cfa);

  /* A return address that keeps its value (a frame before its prologue)
   * is a rule of its own register; rules for the stack pointer are none:
   * the CFA replaces it. */
  same_rules(&rules, RSP, 8);
  rules.kind[RSP] = RULE_OFFSET, rules.value[RSP] = -8;
  ctx.reg[RSP] = (uintptr_t)&stack[0];
  ctx.reg[RA] = 0x405678;
  CHECK(same_step(&ctx, &rules));
  CHECK(summary_of(&frame, &rules, 0) && frame.rules == 1 &&
        frame.offsets == 0 && frame.val_offsets == 0 && frame.slot[0] == RA &&
        frame.value[0] == RA);

  /* No caller, the same with both (and ctx unchanged): a return address
   * of 0, a CFA below the stack pointer. */
  same_rules(&rules, RSP, 32);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8; /* stack[3] == 0 */
  ctx.reg[RSP] = (uintptr_t)&stack[0];
  CHECK(same_step(&ctx, &rules));
  w2n_eh_context before = ctx;
  CHECK(summary_of(&frame, &rules, 0) && !w2n_eh_frame_step(&ctx, &frame));
  CHECK(ctx.reg[RSP] == before.reg[RSP] && ctx.reg[RA] == before.reg[RA]);
  same_rules(&rules, RBP, 16);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  ctx.reg[RBP] = (uintptr_t)&stack[0];
  ctx.reg[RSP] = (uintptr_t)&stack[4];
  CHECK(same_step(&ctx, &rules));
  CHECK(summary_of(&frame, &rules, 0) && !w2n_eh_frame_step(&ctx, &frame));
  CHECK(ctx.reg[RSP] == (uintptr_t)&stack[4]);

  /* What does not fit a summary: an undefined return address (no
   * caller), a CFA register the context lacks, a CFA offset beyond 32
   * bits, a rule's offset beyond 16 bits, more rules than the
   * callee-saved registers; but a landing pad needs no rules. */
  same_rules(&rules, RSP, 8);
  rules.kind[RA] = RULE_UNDEFINED;
  CHECK(!summary_of(&frame, &rules, 0));
  same_rules(&rules, 40, 8);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  CHECK(!summary_of(&frame, &rules, 0));
  same_rules(&rules, RSP, (int64_t)1 << 32);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  CHECK(!summary_of(&frame, &rules, 0));
  same_rules(&rules, RSP, 8);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  rules.kind[RBX] = RULE_OFFSET, rules.value[RBX] = -32768;
  CHECK(summary_of(&frame, &rules, 0));
  rules.value[RBX] = -32776;
  CHECK(!summary_of(&frame, &rules, 0));
  same_rules(&rules, RSP, 8);
  static const int saved[] = {RBX, RBP, R12, R13, R14, R15, RA};
  for (unsigned i = 0; i < sizeof saved / sizeof saved[0]; ++i)
    rules.kind[saved[i]] = RULE_OFFSET,
    rules.value[saved[i]] = -8 * (int64_t)(i + 1);
  CHECK(summary_of(&frame, &rules, 0) && frame.rules == W2N_EH_FRAME_RULES);
  rules.kind[0] = RULE_VAL_OFFSET; /* rax: one rule too many */
  CHECK(!summary_of(&frame, &rules, 0));
  static cfa_machine m;
  fde_info fde;
  copy_rules(&m.row, &rules);
  m.args_size = 48;
  fde.cie.ra_column = RA;
  fde.cie.signal_frame = 0;
  CHECK(summarize(&frame, &m, &fde, 0x4000) && frame.landing_pad == 0x4000 &&
        frame.args_size == 48 && frame.rules == 0);
}

static void check_cache(void) {
  w2n_eh_frame frame, found;
  uint32_t generation = w2n_eh_cache_generation();
  frame_rules rules;
  same_rules(&rules, RSP, 16);
  rules.kind[RA] = RULE_OFFSET, rules.value[RA] = -8;
  CHECK(summary_of(&frame, &rules, 0));
  /* Two pcs that share an entry. */
  uintptr_t a = 0x401000, b = a + 1;
  while (entry_of(b) != entry_of(a))
    ++b;
  frame.pc = a;
  frame.generation = generation;
  CHECK(!w2n_eh_cache_find(a, generation, &found));
  w2n_eh_cache_put(&frame);
  CHECK(w2n_eh_cache_find(a, generation, &found));
  CHECK(found.pc == a && found.cfa_slot == RSP && found.cfa_offset == 16 &&
        found.rules == 1 && found.slot[0] == RA);
  CHECK(!w2n_eh_cache_find(b, generation, &found)); /* another pc's */
  CHECK(!w2n_eh_cache_find(a, generation + 1, &found));
  frame.pc = b;
  frame.cfa_offset = 32;
  w2n_eh_cache_put(&frame); /* in a's place */
  CHECK(w2n_eh_cache_find(b, generation, &found) && found.cfa_offset == 32);
  CHECK(!w2n_eh_cache_find(a, generation, &found));

  /* A writer at work (an odd number): readers miss, other writers give
   * up; then the entry is as the writer leaves it. */
  cache_entry *entry = entry_of(a);
  uint32_t sequence = entry->sequence;
  CHECK(sequence % 2 == 0);
  entry->sequence = sequence + 1;
  CHECK(!w2n_eh_cache_find(b, generation, &found));
  frame.pc = a;
  w2n_eh_cache_put(&frame);
  CHECK(entry->sequence == sequence + 1);
  entry->sequence = sequence + 2;
  CHECK(w2n_eh_cache_find(b, generation, &found));
  w2n_eh_cache_put(&frame);
  CHECK(entry->sequence == sequence + 4 &&
        w2n_eh_cache_find(a, generation, &found));

  /* A clear retires every entry: a walk after it reads the tables. */
  w2n_eh_cache_clear();
  CHECK(w2n_eh_cache_generation() == generation + 1);
  CHECK(!w2n_eh_cache_find(a, w2n_eh_cache_generation(), &found));
}

/* Runs w2n_eh_raise from a copy of ctx: 1 if it resumed (walk has where
 * and how), 0 if the exception was uncaught. */
static int raise_from(const w2n_eh_context *ctx) {
  static w2n_eh_context copy;
  copy = *ctx;
  fde_lookups = 0;
  if (!setjmp(walk_end))
    w2n_eh_raise((void *)(uintptr_t)77, &copy);
  return walk.resumed;
}

/* Whole walks on the tables of one function at walk_begin, with our
 * personality and an LSDA: the call at +0x10 has no landing pad, the one
 * at +0x40 has one at +0x80. Its frame, from +1 on: CFA = rsp + 16, rbx
 * at CFA - 16, return address at CFA - 8, as after push rbx; and with
 * huge, a rule (r12 = CFA - 40000) that fits no summary. A throw from the
 * call at +0x10 goes up one frame to the call at +0x40 and resumes at the
 * pad. */
static void check_walk(int huge) {
  static buffer b, lsda;
  lsda.size = 0;
  put_byte(&lsda, PE_OMIT);
  put_byte(&lsda, PE_OMIT);
  put_byte(&lsda, PE_ULEB128);
  put_uleb(&lsda, 9); /* the table's bytes: 0x80 takes two */
  put_uleb(&lsda, 0x10), put_uleb(&lsda, 8), put_uleb(&lsda, 0);
  put_uleb(&lsda, 0);
  put_uleb(&lsda, 0x40), put_uleb(&lsda, 8), put_uleb(&lsda, 0x80);
  put_uleb(&lsda, 1);
  static const uint8_t ops[] = {CFA_advance_loc | 1,
                                CFA_def_cfa_offset,
                                16,
                                CFA_offset | RBX,
                                2,
                                CFA_val_offset,
                                R12,
                                0x88,
                                0x27}; /* 5000 * -8 */
  /* Where the two calls do not share an entry of the cache (it depends on
   * where the program is loaded), which the counts below assume. */
  uintptr_t begin = (uintptr_t)b.bytes + 0x1000;
  while (entry_of(begin + 0x10) == entry_of(begin + 0x40))
    begin += 0x100;
  size_t fde = cie_and_fde(&b, begin, 1, llvm_cie_ops, sizeof llvm_cie_ops, ops,
                           huge ? sizeof ops : sizeof ops - 4);
  for (unsigned i = 0; i < 8; ++i) /* the LSDA's address, for 0x1234 */
    b.bytes[fde + 17 + i] = (uint8_t)((uintptr_t)lsda.bytes >> (8 * i));
  walk_fde = &b.bytes[fde];
  walk_begin = begin;
  walk_end_pc = begin + 0x100;

  /* The thrower's frame, and its caller's above it. */
  uint64_t stack[8] = {0xb0b0, begin + 0x41, 0, 0, 0xcafe, begin + 0x41};
  w2n_eh_context ctx;
  for (int i = 0; i < W2N_EH_NREGS; ++i)
    ctx.reg[i] = 0x1000 + i;
  ctx.reg[RSP] = (uintptr_t)&stack[0];
  ctx.reg[W2N_EH_PC_SLOT] = begin + 0x11;
  w2n_eh_cache_clear();
  for (int run = 0; run < 3; ++run) {
    CHECK(raise_from(&ctx));
    CHECK(walk.pad == begin + 0x80 && walk.exn == (void *)(uintptr_t)77);
    CHECK(walk.ctx.reg[RSP] == (uintptr_t)&stack[2]);
    CHECK(walk.ctx.reg[RBX] == 0xb0b0);
    CHECK(walk.ctx.reg[R12] ==
          (huge ? (uintptr_t)&stack[2] - 40000 : 0x1000 + R12));
    CHECK(walk.ctx.reg[R15] == 0x1000 + R15);
    /* Both frames from the tables the first time; then only the one that
     * has no summary. */
    CHECK(fde_lookups == (run == 0 ? 2 : huge ? 1 : 0));
  }
  w2n_eh_cache_clear();
  CHECK(raise_from(&ctx) && fde_lookups == 2);

  /* Two frames up, past the caller's own caller at +0x11 (no pad) and
   * then a pc with no FDE: uncaught, cache or not. */
  stack[1] = begin + 0x11;
  stack[3] = 0x12345;
  for (int run = 0; run < 2; ++run)
    CHECK(!raise_from(&ctx) && walk.exn == (void *)(uintptr_t)77);
  walk_fde = NULL;
}

int main(void) {
  check_encodings();
  check_parse();
  check_instructions();
  check_step();
  check_lsda();
  check_hdr();
  check_summary();
  check_cache();
  check_walk(0);
  check_walk(1);
  CHECK(w2n_eh_personality(1, 1, 0, NULL, NULL) == 8);
  printf("%d checks, %d failed\n", checks, failures);
  return failures != 0;
}
