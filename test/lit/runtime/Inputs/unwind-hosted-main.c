/*===- test/lit/runtime/Inputs/unwind-hosted-main.c - The driver on glibc -===*
 *
 * Runs unwind-driver.c in an ordinary glibc process, as the embedding
 * runtime (w2nEmbed) runs: a position-independent executable whose FDEs
 * embed/eh_linux.c finds through libgcc's _Unwind_Find_FDE. The uncaught
 * case then ends at glibc's _start, whose return address is undefined.
 *===----------------------------------------------------------------------===*/
_Noreturn void w2n_start(long argc, char **argv, char **envp);

int main(int argc, char **argv) { w2n_start(argc, argv, 0); }
