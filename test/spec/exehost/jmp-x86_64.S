/*===- test/spec/exehost/jmp-x86_64.S - setjmp and longjmp for the host -===*
 *
 * The host has no libc. w2n_host_setjmp saves what the x86_64 calling
 * convention says a callee keeps (rbx, rbp, r12-r15, the stack pointer and the return address)
 * and returns 0; w2n_host_longjmp restores them and returns VALUE from that
 * setjmp. No signal mask is saved: the trap hook restores it (host.c).
 *===----------------------------------------------------------------------===*/

	.text
	.globl w2n_host_setjmp
w2n_host_setjmp:
	movq %rbx, 0(%rdi)
	movq %rbp, 8(%rdi)
	movq %r12, 16(%rdi)
	movq %r13, 24(%rdi)
	movq %r14, 32(%rdi)
	movq %r15, 40(%rdi)
	leaq 8(%rsp), %rdx
	movq %rdx, 48(%rdi)
	movq (%rsp), %rdx
	movq %rdx, 56(%rdi)
	xorl %eax, %eax
	ret
	.globl w2n_host_longjmp
w2n_host_longjmp:
	movl %esi, %eax
	movq 0(%rdi), %rbx
	movq 8(%rdi), %rbp
	movq 16(%rdi), %r12
	movq 24(%rdi), %r13
	movq 32(%rdi), %r14
	movq 40(%rdi), %r15
	movq 48(%rdi), %rsp
	jmp *56(%rdi)
	.section .note.GNU-stack,"",%progbits
