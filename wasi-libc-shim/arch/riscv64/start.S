/*===- arch/riscv64/start.S - Process entry for riscv64 executables -------===*
 *
 * The ELF entry point of every static executable wasm2native links. The
 * kernel enters with sp pointing at the initial stack:
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 * (auxv starts after envp's NULL; w2n_start finds it there). a0 holds a
 * function for atexit that only a dynamic loader sets; ignored.
 *
 * _start sets up gp, then passes argc, argv and envp to the C entry
 *   void w2n_start(long argc, char **argv, char **envp)
 * which never returns: it ends the process with exit_group.
 *===----------------------------------------------------------------------===*/

	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	/* There is no caller: a zero frame pointer and return address end
	 * frame-pointer walks, and the CFI ends table-driven unwinding. */
	.cfi_undefined ra
	/* The psABI has the linker relax accesses near __global_pointer$ into
	 * gp-relative ones, which presumes gp holds it: load it before any C
	 * runs. norelax keeps the linker from "relaxing" this very load into
	 * a gp-relative one (gp = gp + 0). lld defines __global_pointer$ when
	 * it is referenced. */
	.option	push
	.option	norelax
	lla	gp, __global_pointer$
	.option	pop
	li	fp, 0
	li	ra, 0
	ld	a0, 0(sp)		/* argc */
	addi	a1, sp, 8		/* argv */
	slli	a2, a0, 3
	add	a2, a2, a1
	addi	a2, a2, 8		/* envp = argv + argc + 1 */
	/* The psABI requires sp % 16 == 0; the kernel gives that already, and
	 * aligning again depends on nothing. */
	andi	sp, sp, -16
	call	w2n_start
	unimp
	.cfi_endproc
	.size	_start, .-_start

	.section .note.GNU-stack, "", %progbits
