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

/* long w2n_exe_clone(unsigned long flags, void *stack, uint32_t *ctid,
 *                    void (*fn)(void *), void *arg)
 * clone(2) onto stack (its top; made 16-aligned); the new thread calls
 * fn(arg), which must end it. Returns the new thread's id, or -errno. The
 * child inherits gp. */
	.globl	w2n_exe_clone
	.type	w2n_exe_clone, %function
w2n_exe_clone:
	.cfi_startproc
	andi	a1, a1, -16
	addi	a1, a1, -16
	sd	a3, 0(a1)		/* fn and arg, for the child */
	sd	a4, 8(a1)
	mv	a4, a2			/* child_tid */
	li	a2, 0			/* parent_tid */
	li	a3, 0			/* tls */
	li	a7, 220			/* SYS_clone */
	ecall
	bnez	a0, 1f
	/* The child, on its own stack. */
	ld	a5, 0(sp)
	ld	a0, 8(sp)
	addi	sp, sp, 16
	li	fp, 0
	li	ra, 0
	jalr	a5
	unimp
1:	ret
	.cfi_endproc
	.size	w2n_exe_clone, .-w2n_exe_clone

	.section .note.GNU-stack, "", %progbits
