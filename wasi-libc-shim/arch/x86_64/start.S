/*===- arch/x86_64/start.S - Process entry for x86-64 executables ---------===*
 *
 * The ELF entry point of every static executable wasm2native links. The
 * kernel enters with rsp pointing at the initial stack:
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL
 * (auxv starts after envp's NULL; w2n_start finds it there). rdx holds a
 * function for atexit that only a dynamic loader sets: 0 for a static
 * executable, and ignored.
 *
 * _start passes argc, argv and envp to the C entry
 *   void w2n_start(long argc, char **argv, char **envp)
 * which never returns: it ends the process with exit_group.
 *===----------------------------------------------------------------------===*/

	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* There is no caller: tell unwinders to stop here, and debuggers that
	 * walk rbp chains the same. */
	.cfi_undefined rip
	xorl	%ebp, %ebp
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	leaq	8(%rsi,%rdi,8), %rdx	/* envp = argv + argc + 1 */
	/* The ABI requires rsp % 16 == 0 at a call. The kernel gives that
	 * already; aligning again costs one instruction and depends on
	 * nothing. */
	andq	$-16, %rsp
	call	w2n_start
	ud2
	.cfi_endproc
	.size	_start, .-_start

/* long w2n_exe_clone(unsigned long flags, void *stack, uint32_t *ctid,
 *                    void (*fn)(void *), void *arg)
 * clone(2) onto stack (its top; made 16-aligned); the new thread calls
 * fn(arg), which must end it. Returns the new thread's id, or -errno. */
	.globl	w2n_exe_clone
	.type	w2n_exe_clone, @function
w2n_exe_clone:
	.cfi_startproc
	andq	$-16, %rsi
	subq	$16, %rsi
	movq	%rcx, (%rsi)		/* fn and arg, for the child */
	movq	%r8, 8(%rsi)
	movq	%rdx, %r10		/* child_tid */
	xorl	%edx, %edx		/* parent_tid */
	xorl	%r8d, %r8d		/* tls */
	movl	$56, %eax		/* SYS_clone */
	syscall
	testq	%rax, %rax
	jnz	1f
	/* The child, on its own stack. */
	xorl	%ebp, %ebp
	popq	%rax
	popq	%rdi
	call	*%rax
	ud2
1:	ret
	.cfi_endproc
	.size	w2n_exe_clone, .-w2n_exe_clone

	.section .note.GNU-stack, "", %progbits
