/*===- test/spec/exehost/jmp-aarch64.S - setjmp and longjmp for the host -===*
 *
 * The host has no libc. w2n_host_setjmp saves what the aarch64 calling
 * convention says a callee keeps (x19-x30 (frame pointer and link register among them), sp and d8-d15)
 * and returns 0; w2n_host_longjmp restores them and returns VALUE from that
 * setjmp. No signal mask is saved: the trap hook restores it (host.c).
 *===----------------------------------------------------------------------===*/

	.text
	.globl w2n_host_setjmp
w2n_host_setjmp:
	stp x19, x20, [x0, #0]
	stp x21, x22, [x0, #16]
	stp x23, x24, [x0, #32]
	stp x25, x26, [x0, #48]
	stp x27, x28, [x0, #64]
	stp x29, x30, [x0, #80]
	mov x2, sp
	str x2, [x0, #96]
	stp d8, d9, [x0, #104]
	stp d10, d11, [x0, #120]
	stp d12, d13, [x0, #136]
	stp d14, d15, [x0, #152]
	mov w0, #0
	ret
	.globl w2n_host_longjmp
w2n_host_longjmp:
	ldp x19, x20, [x0, #0]
	ldp x21, x22, [x0, #16]
	ldp x23, x24, [x0, #32]
	ldp x25, x26, [x0, #48]
	ldp x27, x28, [x0, #64]
	ldp x29, x30, [x0, #80]
	ldr x2, [x0, #96]
	mov sp, x2
	ldp d8, d9, [x0, #104]
	ldp d10, d11, [x0, #120]
	ldp d12, d13, [x0, #136]
	ldp d14, d15, [x0, #152]
	mov w0, w1
	ret
	.section .note.GNU-stack,"",%progbits
