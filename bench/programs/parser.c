/* Tokenizer and recursive-descent parser: generates a program of
   `let` statements over integer expressions (+ - * / % parentheses,
   unary minus, variables, comparisons, hex and decimal literals,
   comments), tokenizes it, parses it into an AST, and evaluates it
   (wrapping 32-bit arithmetic). The generator computes the expected
   value of each statement as it writes it; every result must agree. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static uint64_t rng = 0x5EED5EED12345678ull;
static uint32_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)(rng >> 32); }

#define NVARS 26
static char *src; static size_t srclen, srccap;
static void emit(const char *s) {
  size_t l = strlen(s);
  if (srclen + l + 1 > srccap) { srccap = (srccap + l) * 2; src = realloc(src, srccap); }
  memcpy(src + srclen, s, l); srclen += l; src[srclen] = 0;
}
static uint32_t genv[NVARS]; static int gdef[NVARS];

static uint32_t div_s(uint32_t a, uint32_t b) { if (b == 0) return 0; if ((int32_t)a == INT32_MIN && (int32_t)b == -1) return a; return (uint32_t)((int32_t)a / (int32_t)b); }
static uint32_t rem_s(uint32_t a, uint32_t b) { if (b == 0) return 0; if ((int32_t)b == -1) return 0; return (uint32_t)((int32_t)a % (int32_t)b); }

static uint32_t gen(int depth) {
  char buf[64];
  uint32_t r = rnd() % (depth > 6 ? 3 : 10);
  if (r == 0 || r == 1) {
    uint32_t v = rnd() % 1000;
    if (rnd() & 1) sprintf(buf, "%u", v); else sprintf(buf, "0x%X", v);
    emit(buf); return v;
  }
  if (r == 2) {
    int k = rnd() % NVARS;
    if (!gdef[k]) { emit("7"); return 7; }
    buf[0] = (char)('a' + k); buf[1] = 0; emit(buf); return genv[k];
  }
  if (r == 3) { emit("-("); uint32_t v = gen(depth + 1); emit(")"); return 0u - v; }
  static const char *ops[] = {" + ", " - ", " * ", " / ", " % ", " < ", " == ", " - "};
  int op = rnd() % 8;
  emit("(");
  uint32_t a = gen(depth + 1);
  emit(ops[op]);
  if (rnd() % 8 == 0) emit("/* c */ ");
  uint32_t b = gen(depth + 1);
  emit(")");
  switch (op) {
  case 0: return a + b; case 1: case 7: return a - b; case 2: return a * b;
  case 3: return div_s(a, b); case 4: return rem_s(a, b);
  case 5: return (int32_t)a < (int32_t)b; default: return a == b;
  }
}

/* ---- tokenizer ---- */
enum { T_NUM, T_ID, T_LET, T_PRINT, T_OP, T_LP, T_RP, T_SEMI, T_EQ, T_EOF };
typedef struct { int kind; uint32_t val; } tok;
static tok *toks; static size_t ntok, tokcap;
static void addtok(int k, uint32_t v) { if (ntok == tokcap) { tokcap = tokcap ? tokcap * 2 : 1024; toks = realloc(toks, sizeof(tok) * tokcap); } toks[ntok].kind = k; toks[ntok].val = v; ntok++; }
static int tokenize(const char *p) {
  ntok = 0;
  for (;;) {
    char c = *p;
    if (c == 0) { addtok(T_EOF, 0); return 1; }
    if (c == ' ' || c == '\n' || c == '\t') { p++; continue; }
    if (c == '/' && p[1] == '*') { p += 2; while (*p && !(p[0] == '*' && p[1] == '/')) p++; if (!*p) return 0; p += 2; continue; }
    if (c == '0' && (p[1] == 'x' || p[1] == 'X')) {
      uint32_t v = 0; p += 2;
      for (;;) { char d = *p; if (d >= '0' && d <= '9') v = v * 16 + (uint32_t)(d - '0'); else if (d >= 'A' && d <= 'F') v = v * 16 + (uint32_t)(d - 'A' + 10); else if (d >= 'a' && d <= 'f') v = v * 16 + (uint32_t)(d - 'a' + 10); else break; p++; }
      addtok(T_NUM, v); continue;
    }
    if (c >= '0' && c <= '9') { uint32_t v = 0; while (*p >= '0' && *p <= '9') v = v * 10 + (uint32_t)(*p++ - '0'); addtok(T_NUM, v); continue; }
    if (c >= 'a' && c <= 'z') {
      const char *s = p; while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_') p++;
      size_t l = (size_t)(p - s);
      if (l == 3 && !memcmp(s, "let", 3)) addtok(T_LET, 0);
      else if (l == 5 && !memcmp(s, "check", 5)) addtok(T_PRINT, 0);
      else if (l == 1) addtok(T_ID, (uint32_t)(s[0] - 'a'));
      else return 0;
      continue;
    }
    if (c == '=' && p[1] == '=') { addtok(T_OP, 'E'); p += 2; continue; }
    switch (c) {
    case '+': case '-': case '*': case '/': case '%': case '<': addtok(T_OP, (uint32_t)c); break;
    case '(': addtok(T_LP, 0); break; case ')': addtok(T_RP, 0); break;
    case ';': addtok(T_SEMI, 0); break; case '=': addtok(T_EQ, 0); break;
    default: return 0;
    }
    p++;
  }
}

/* ---- parser: AST in an array ---- */
enum { N_NUM, N_VAR, N_NEG, N_BIN };
typedef struct { int kind, op, a, b; uint32_t val; } node;
static node *nodes; static size_t nnode, nodecap; static size_t pos; static int perr;
static int mk(int kind, int op, int a, int b, uint32_t val) {
  if (nnode == nodecap) { nodecap = nodecap ? nodecap * 2 : 1024; nodes = realloc(nodes, sizeof(node) * nodecap); }
  node *n = &nodes[nnode]; n->kind = kind; n->op = op; n->a = a; n->b = b; n->val = val; return (int)nnode++;
}
static int expr(void);
static int primary(void) {
  tok t = toks[pos];
  if (t.kind == T_NUM) { pos++; return mk(N_NUM, 0, 0, 0, t.val); }
  if (t.kind == T_ID) { pos++; return mk(N_VAR, 0, 0, 0, t.val); }
  if (t.kind == T_OP && t.val == '-') { pos++; return mk(N_NEG, 0, primary(), 0, 0); }
  if (t.kind == T_LP) { pos++; int e = expr(); if (toks[pos].kind != T_RP) perr = 1; else pos++; return e; }
  perr = 1; return mk(N_NUM, 0, 0, 0, 0);
}
static int term(void) {
  int l = primary();
  while (toks[pos].kind == T_OP && (toks[pos].val == '*' || toks[pos].val == '/' || toks[pos].val == '%')) { int op = (int)toks[pos++].val; l = mk(N_BIN, op, l, primary(), 0); }
  return l;
}
static int sum(void) {
  int l = term();
  while (toks[pos].kind == T_OP && (toks[pos].val == '+' || toks[pos].val == '-')) { int op = (int)toks[pos++].val; l = mk(N_BIN, op, l, term(), 0); }
  return l;
}
static int expr(void) {
  int l = sum();
  while (toks[pos].kind == T_OP && (toks[pos].val == '<' || toks[pos].val == 'E')) { int op = (int)toks[pos++].val; l = mk(N_BIN, op, l, sum(), 0); }
  return l;
}
static uint32_t vars[NVARS];
static uint32_t eval(int i) {
  node *n = &nodes[i];
  switch (n->kind) {
  case N_NUM: return n->val;
  case N_VAR: return vars[n->val];
  case N_NEG: return 0u - eval(n->a);
  default: {
    uint32_t a = eval(n->a), b = eval(n->b);
    switch (n->op) {
    case '+': return a + b; case '-': return a - b; case '*': return a * b;
    case '/': return div_s(a, b); case '%': return rem_s(a, b);
    case '<': return (int32_t)a < (int32_t)b; default: return a == b;
    }
  }
  }
}

#define STMTS 40000
#define ROUNDS 16

int main(int argc, char **argv) {
  /* optional argument SCALE (positive integer, default 1) divides the work */
  char *end = "";
  long scale = argc > 1 ? strtol(argv[1], &end, 10) : 1;
  if (argc > 2 || *end || scale < 1) { fprintf(stderr, "usage: %s [SCALE]\n", argv[0]); return 2; }
  int stmts = STMTS / scale < 100 ? 100 : (int)(STMTS / scale); /* SCALE divides the program length */
  uint32_t *expect = malloc(sizeof(uint32_t) * stmts);
  char buf[64];
  for (int s = 0; s < stmts; s++) {
    int k = rnd() % NVARS;
    if (s % 10 == 9) { emit("check "); uint32_t v = gen(0); emit(";\n"); expect[s] = v; continue; }
    sprintf(buf, "let %c = ", 'a' + k); emit(buf);
    uint32_t v = gen(0); emit(";\n");
    genv[k] = v; gdef[k] = 1; expect[s] = v;
  }
  uint32_t h = 0;
  for (int round = 0; round < ROUNDS; round++) {
    if (!tokenize(src)) { printf("parser: FAILED tokenize\n"); return 1; }
    nnode = 0; pos = 0; perr = 0; memset(vars, 0, sizeof vars);
    for (int s = 0; s < stmts; s++) {
      int target = -1;
      if (toks[pos].kind == T_LET) {
        pos++; if (toks[pos].kind != T_ID) { perr = 1; break; }
        target = (int)toks[pos++].val;
        if (toks[pos].kind != T_EQ) { perr = 1; break; }
        pos++;
      } else if (toks[pos].kind == T_PRINT) pos++;
      else { perr = 1; break; }
      int e = expr();
      if (perr || toks[pos].kind != T_SEMI) { perr = 1; break; }
      pos++;
      uint32_t v = eval(e);
      if (v != expect[s]) { printf("parser: FAILED statement %d: %u != %u\n", s, v, expect[s]); return 1; }
      if (target >= 0) vars[target] = v;
      h = h * 31 + v;
    }
    if (perr || toks[pos].kind != T_EOF) { printf("parser: FAILED syntax at token %zu\n", pos); return 1; }
  }
  printf("parser: ok %zu %08x\n", srclen, h);
  return 0;
}
