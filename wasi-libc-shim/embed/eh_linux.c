/*===- embed/eh_linux.c - Finding FDEs in a hosted process ----------------===*
 *
 * The unwinder's w2n_os_find_fde for the embedding runtime. The process's
 * unwinder already knows every FDE there is: those of the executable and
 * its shared libraries (through their PT_GNU_EH_FRAME), of static hosts
 * without a header (registered by crtbegin), and of code that a JIT (LLVM
 * ORC's in-process EH-frame registrar) handed to __register_frame. libgcc
 * exports its lookup over all of them as _Unwind_Find_FDE (GCC_3.0), and
 * LLVM's libunwind has the same entry; ask it.
 *===----------------------------------------------------------------------===*/
#include "core/unwind.h"

#include <stddef.h>
#include <stdint.h>

/* libgcc's unwind-dw2-fde.h, which has no installed header. bases
 * receives the text and data bases and the function start; the FDE
 * itself has all that w2n_eh_raise needs. */
struct dwarf_eh_bases {
  void *tbase;
  void *dbase;
  void *func;
};
extern const void *_Unwind_Find_FDE(void *pc, struct dwarf_eh_bases *bases);

const void *w2n_os_find_fde(uintptr_t pc) {
  struct dwarf_eh_bases bases;
  return _Unwind_Find_FDE((void *)pc, &bases);
}
