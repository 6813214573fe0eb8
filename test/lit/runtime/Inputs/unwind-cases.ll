; The WebAssembly exception-handling shapes the unwinder must walk, as LLVM
; IR: invoke / landingpad {ptr, i32} catch ptr null, with the runtime's
; personality @w2n_eh_personality or a module-local one as the lowering
; makes. The exception is any pointer; here an integer. Compiled by
; llc-19 for each target at -O0 and -O2, static and PIC; driven by
; unwind-driver.c (see ../unwind.test).
; The long value blocks were written by a small script: 16 integers and
; 12 doubles per frame, summed plainly before the call and with weights
; after it, so that all of them live in registers across the call.

declare void @w2n_throw(ptr) noreturn
declare i32 @w2n_eh_personality(...)
declare void @note_rethrow()
declare i64 @identity(i64)
declare void @sink_ptr(ptr)
declare i64 @sp_probe()

; The lowering's personality: one per module, internal; only its presence
; in the CIE matters.
define internal i32 @module_personality(i32 %version, i32 %actions,
                                        i64 %class, ptr %exception,
                                        ptr %context) nounwind {
  ret i32 8
}

; Throws v: the frame a throw starts from in generated code.
define void @throw_value(i64 %v) {
  %p = inttoptr i64 %v to ptr
  call void @w2n_throw(ptr %p)
  unreachable
}

; A throw in the catching function itself: no frame to unwind. Returns the
; exception plus the selector (1).
define i64 @catch_direct(i64 %v) personality ptr @w2n_eh_personality {
entry:
  %p = inttoptr i64 %v to ptr
  invoke void @w2n_throw(ptr %p) to label %cont unwind label %pad
cont:
  unreachable
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %sel = extractvalue {ptr, i32} %lp, 1
  %ei = ptrtoint ptr %e to i64
  %s = zext i32 %sel to i64
  %r = add i64 %ei, %s
  ret i64 %r
}

; One frame between the throw and the catch.
define i64 @catch_one(i64 %v) personality ptr @w2n_eh_personality {
entry:
  invoke void @throw_value(i64 %v) to label %cont unwind label %pad
cont:
  ret i64 0
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  ret i64 %ei
}

; A catch, then a throw of exn + 1 from the landing pad (a rethrow after a
; tag that does not match), caught one frame up.
define i64 @rethrower(i64 %v) personality ptr @w2n_eh_personality {
entry:
  invoke void @throw_value(i64 %v) to label %cont unwind label %pad
cont:
  ret i64 0
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  %next = add i64 %ei, 1
  call void @throw_value(i64 %next)
  unreachable
}

define i64 @catch_rethrow(i64 %v) personality ptr @w2n_eh_personality {
entry:
  %r = invoke i64 @rethrower(i64 %v) to label %cont unwind label %pad
cont:
  ret i64 %r
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  ret i64 %ei
}

; A tail call out of a function with a personality: its frame is gone when
; the callee throws (return_call in a try is not covered).
define void @tail_thrower(i64 %v) personality ptr @w2n_eh_personality {
entry:
  musttail call void @throw_value(i64 %v)
  ret void
}

define i64 @catch_tail(i64 %v) personality ptr @w2n_eh_personality {
entry:
  invoke void @tail_thrower(i64 %v) to label %cont unwind label %pad
cont:
  ret i64 0
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  ret i64 %ei
}

; Twelve arguments: six of them on the stack on x86-64 (pushed at -O2,
; which DW_CFA_GNU_args_size records), four on AArch64 and riscv64. Throws
; their sum.
define void @many_args(i64 %a1, i64 %a2, i64 %a3, i64 %a4, i64 %a5, i64 %a6,
                       i64 %a7, i64 %a8, i64 %a9, i64 %a10, i64 %a11,
                       i64 %a12) {
  %s2 = add i64 %a1, %a2
  %s3 = add i64 %s2, %a3
  %s4 = add i64 %s3, %a4
  %s5 = add i64 %s4, %a5
  %s6 = add i64 %s5, %a6
  %s7 = add i64 %s6, %a7
  %s8 = add i64 %s7, %a8
  %s9 = add i64 %s8, %a9
  %s10 = add i64 %s9, %a10
  %s11 = add i64 %s10, %a11
  %s12 = add i64 %s11, %a12
  call void @throw_value(i64 %s12)
  unreachable
}

; The call with stack arguments inside the try, in a function that keeps
; no frame pointer: a landing pad entered with the pushed arguments still
; on the stack would return through the wrong slot.
define i64 @catch_many_args(i64 %v) personality ptr @w2n_eh_personality {
entry:
  %v2 = add i64 %v, 2
  invoke void @many_args(i64 %v, i64 1, i64 %v2, i64 3, i64 %v, i64 5,
                         i64 %v2, i64 7, i64 %v, i64 9, i64 %v2, i64 11)
      to label %cont unwind label %pad
cont:
  ret i64 0
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  %r = add i64 %ei, %v2
  ret i64 %r
}

; The same with a dynamic alloca (the CFA on the frame pointer, stack
; adjusted around each call) and optsize (pushes).
define i64 @catch_many_args_alloca(i64 %v) optsize personality ptr @w2n_eh_personality {
entry:
  %n = and i64 %v, 63
  %size = add i64 %n, 16
  %buf = alloca i8, i64 %size, align 16
  call void @sink_ptr(ptr %buf)
  %v2 = add i64 %v, 2
  invoke void @many_args(i64 %v, i64 1, i64 %v2, i64 3, i64 %v, i64 5,
                         i64 %v2, i64 7, i64 %v, i64 9, i64 %v2, i64 11)
      to label %cont unwind label %pad
cont:
  ret i64 0
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  %r = add i64 %ei, %v2
  ret i64 %r
}

; n throws caught in a loop, each through the many-argument call. The stack
; pointer seen from the landing pad must be the same every time: *drift
; counts the iterations where it is not. Returns the sum of exceptions.
define i64 @catch_loop(i64 %n, ptr %drift) personality ptr @w2n_eh_personality {
entry:
  %sp0 = call i64 @sp_probe()
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %pad ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %pad ]
  %bad = phi i64 [ 0, %entry ], [ %bad1, %pad ]
  %done = icmp eq i64 %i, %n
  br i1 %done, label %exit, label %body
body:
  invoke void @many_args(i64 %i, i64 1, i64 2, i64 3, i64 4, i64 5,
                         i64 6, i64 7, i64 8, i64 9, i64 10, i64 11)
      to label %cont unwind label %pad
cont:
  unreachable
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  %sel = extractvalue {ptr, i32} %lp, 1
  %sel64 = zext i32 %sel to i64
  %eisel = add i64 %ei, %sel64
  %eisel1 = sub i64 %eisel, 1
  %acc1 = add i64 %acc, %eisel1
  %sp = call i64 @sp_probe()
  %same = icmp eq i64 %sp, %sp0
  %inc = select i1 %same, i64 0, i64 1
  %bad1 = add i64 %bad, %inc
  %i1 = add i64 %i, 1
  br label %loop
exit:
  store i64 %bad, ptr %drift
  ret i64 %acc
}

; A function whose calls are not in a try, beside one that is: its
; call-site table lists them with no landing pad, and the walk goes on past.
define i64 @chain_mixed(i64 %depth, i64 %v, i64 %pre) personality ptr @w2n_eh_personality {
entry:
  %a = invoke i64 @identity(i64 %pre) to label %ok unwind label %pad
ok:
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  call void @throw_value(i64 %v)
  unreachable
deeper:
  %d1 = sub i64 %depth, 1
  %r = call i64 @chain_rethrow(i64 %d1, i64 %v, i64 %a)
  ret i64 %r
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  ret i64 -2
}

; A catch-all that rethrows: what a try_table's landing pad does when no
; clause matches the tag. The frame is left by w2n_throw from its pad, and
; the walk starts again there. Its personality is a module-local one, as
; the lowering makes (the unwinder takes any personality's landing pads).
define i64 @chain_rethrow(i64 %depth, i64 %v, i64 %pre) personality ptr @module_personality {
entry:
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  invoke void @throw_value(i64 %v) to label %ok unwind label %pad
deeper:
  %d1 = sub i64 %depth, 1
  %r = invoke i64 @chain_fat(i64 %d1, i64 %v, i64 %pre) to label %ok unwind label %pad
ok:
  %res = phi i64 [ 0, %throw ], [ %r, %deeper ]
  ret i64 %res
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  call void @note_rethrow()
  call void @w2n_throw(ptr %e)
  unreachable
}

; A frame that keeps nothing: every callee-saved register passes through
; it unchanged (the "same value" rule).
define i64 @chain_thin(i64 %depth, i64 %v, i64 %pre) {
entry:
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  call void @throw_value(i64 %v)
  unreachable
deeper:
  %d1 = sub i64 %depth, 1
  %r = call i64 @chain_fat_fp(i64 %d1, i64 %v, i64 %pre)
  ret i64 %r
}

; A frame with a dynamic alloca: its CFA is on the frame pointer.
define i64 @chain_alloca(i64 %depth, i64 %v, i64 %pre) {
entry:
  %n = and i64 %pre, 127
  %size = add i64 %n, 8
  %buf = alloca i8, i64 %size, align 16
  call void @sink_ptr(ptr %buf)
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  call void @throw_value(i64 %v)
  unreachable
deeper:
  %d1 = sub i64 %depth, 1
  %r = call i64 @chain_mixed(i64 %d1, i64 %v, i64 %pre)
  ret i64 %r
}


; A frame with 16 integers and 12 doubles live across its call: it
; saves every callee-saved register, integer and floating-point.
define i64 @chain_fat(i64 %depth, i64 %v, i64 %pre) {
entry:
  %seed = add i64 %pre, %depth
  %m1 = mul i64 %seed, 3
  %a1 = add i64 %m1, 7
  %m2 = mul i64 %seed, 5
  %a2 = add i64 %m2, 14
  %m3 = mul i64 %seed, 7
  %a3 = add i64 %m3, 21
  %m4 = mul i64 %seed, 9
  %a4 = add i64 %m4, 28
  %m5 = mul i64 %seed, 11
  %a5 = add i64 %m5, 35
  %m6 = mul i64 %seed, 13
  %a6 = add i64 %m6, 42
  %m7 = mul i64 %seed, 15
  %a7 = add i64 %m7, 49
  %m8 = mul i64 %seed, 17
  %a8 = add i64 %m8, 56
  %m9 = mul i64 %seed, 19
  %a9 = add i64 %m9, 63
  %m10 = mul i64 %seed, 21
  %a10 = add i64 %m10, 70
  %m11 = mul i64 %seed, 23
  %a11 = add i64 %m11, 77
  %m12 = mul i64 %seed, 25
  %a12 = add i64 %m12, 84
  %m13 = mul i64 %seed, 27
  %a13 = add i64 %m13, 91
  %m14 = mul i64 %seed, 29
  %a14 = add i64 %m14, 98
  %m15 = mul i64 %seed, 31
  %a15 = add i64 %m15, 105
  %m16 = mul i64 %seed, 33
  %a16 = add i64 %m16, 112
  %s1 = add i64 %seed, 1
  %f1 = sitofp i64 %s1 to double
  %dv1 = fmul double %f1, 1.5
  %s2 = add i64 %seed, 2
  %f2 = sitofp i64 %s2 to double
  %dv2 = fmul double %f2, 1.5
  %s3 = add i64 %seed, 3
  %f3 = sitofp i64 %s3 to double
  %dv3 = fmul double %f3, 1.5
  %s4 = add i64 %seed, 4
  %f4 = sitofp i64 %s4 to double
  %dv4 = fmul double %f4, 1.5
  %s5 = add i64 %seed, 5
  %f5 = sitofp i64 %s5 to double
  %dv5 = fmul double %f5, 1.5
  %s6 = add i64 %seed, 6
  %f6 = sitofp i64 %s6 to double
  %dv6 = fmul double %f6, 1.5
  %s7 = add i64 %seed, 7
  %f7 = sitofp i64 %s7 to double
  %dv7 = fmul double %f7, 1.5
  %s8 = add i64 %seed, 8
  %f8 = sitofp i64 %s8 to double
  %dv8 = fmul double %f8, 1.5
  %s9 = add i64 %seed, 9
  %f9 = sitofp i64 %s9 to double
  %dv9 = fmul double %f9, 1.5
  %s10 = add i64 %seed, 10
  %f10 = sitofp i64 %s10 to double
  %dv10 = fmul double %f10, 1.5
  %s11 = add i64 %seed, 11
  %f11 = sitofp i64 %s11 to double
  %dv11 = fmul double %f11, 1.5
  %s12 = add i64 %seed, 12
  %f12 = sitofp i64 %s12 to double
  %dv12 = fmul double %f12, 1.5
  %p0 = add i64 0, %a1
  %p1 = add i64 %p0, %a2
  %p2 = add i64 %p1, %a3
  %p3 = add i64 %p2, %a4
  %p4 = add i64 %p3, %a5
  %p5 = add i64 %p4, %a6
  %p6 = add i64 %p5, %a7
  %p7 = add i64 %p6, %a8
  %p8 = add i64 %p7, %a9
  %p9 = add i64 %p8, %a10
  %p10 = add i64 %p9, %a11
  %p11 = add i64 %p10, %a12
  %p12 = add i64 %p11, %a13
  %p13 = add i64 %p12, %a14
  %p14 = add i64 %p13, %a15
  %p15 = add i64 %p14, %a16
  %q0i = fptosi double %dv1 to i64
  %q0 = add i64 %p15, %q0i
  %q1i = fptosi double %dv2 to i64
  %q1 = add i64 %q0, %q1i
  %q2i = fptosi double %dv3 to i64
  %q2 = add i64 %q1, %q2i
  %q3i = fptosi double %dv4 to i64
  %q3 = add i64 %q2, %q3i
  %q4i = fptosi double %dv5 to i64
  %q4 = add i64 %q3, %q4i
  %q5i = fptosi double %dv6 to i64
  %q5 = add i64 %q4, %q5i
  %q6i = fptosi double %dv7 to i64
  %q6 = add i64 %q5, %q6i
  %q7i = fptosi double %dv8 to i64
  %q7 = add i64 %q6, %q7i
  %q8i = fptosi double %dv9 to i64
  %q8 = add i64 %q7, %q8i
  %q9i = fptosi double %dv10 to i64
  %q9 = add i64 %q8, %q9i
  %q10i = fptosi double %dv11 to i64
  %q10 = add i64 %q9, %q10i
  %q11i = fptosi double %dv12 to i64
  %q11 = add i64 %q10, %q11i
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  call void @throw_value(i64 %v)
  unreachable
deeper:
  %d1 = sub i64 %depth, 1
  %r = call i64 @chain_thin(i64 %d1, i64 %v, i64 %q11)
  %w1m = mul i64 %a1, 2
  %w1 = add i64 0, %w1m
  %w2m = mul i64 %a2, 3
  %w2 = add i64 %w1, %w2m
  %w3m = mul i64 %a3, 4
  %w3 = add i64 %w2, %w3m
  %w4m = mul i64 %a4, 5
  %w4 = add i64 %w3, %w4m
  %w5m = mul i64 %a5, 6
  %w5 = add i64 %w4, %w5m
  %w6m = mul i64 %a6, 7
  %w6 = add i64 %w5, %w6m
  %w7m = mul i64 %a7, 8
  %w7 = add i64 %w6, %w7m
  %w8m = mul i64 %a8, 9
  %w8 = add i64 %w7, %w8m
  %w9m = mul i64 %a9, 10
  %w9 = add i64 %w8, %w9m
  %w10m = mul i64 %a10, 11
  %w10 = add i64 %w9, %w10m
  %w11m = mul i64 %a11, 12
  %w11 = add i64 %w10, %w11m
  %w12m = mul i64 %a12, 13
  %w12 = add i64 %w11, %w12m
  %w13m = mul i64 %a13, 14
  %w13 = add i64 %w12, %w13m
  %w14m = mul i64 %a14, 15
  %w14 = add i64 %w13, %w14m
  %w15m = mul i64 %a15, 16
  %w15 = add i64 %w14, %w15m
  %w16m = mul i64 %a16, 17
  %w16 = add i64 %w15, %w16m
  %x1d = fmul double %dv1, 2.0
  %x1i = fptosi double %x1d to i64
  %x1m = mul i64 %x1i, 1
  %x1 = add i64 %w16, %x1m
  %x2d = fmul double %dv2, 2.0
  %x2i = fptosi double %x2d to i64
  %x2m = mul i64 %x2i, 2
  %x2 = add i64 %x1, %x2m
  %x3d = fmul double %dv3, 2.0
  %x3i = fptosi double %x3d to i64
  %x3m = mul i64 %x3i, 3
  %x3 = add i64 %x2, %x3m
  %x4d = fmul double %dv4, 2.0
  %x4i = fptosi double %x4d to i64
  %x4m = mul i64 %x4i, 4
  %x4 = add i64 %x3, %x4m
  %x5d = fmul double %dv5, 2.0
  %x5i = fptosi double %x5d to i64
  %x5m = mul i64 %x5i, 5
  %x5 = add i64 %x4, %x5m
  %x6d = fmul double %dv6, 2.0
  %x6i = fptosi double %x6d to i64
  %x6m = mul i64 %x6i, 6
  %x6 = add i64 %x5, %x6m
  %x7d = fmul double %dv7, 2.0
  %x7i = fptosi double %x7d to i64
  %x7m = mul i64 %x7i, 7
  %x7 = add i64 %x6, %x7m
  %x8d = fmul double %dv8, 2.0
  %x8i = fptosi double %x8d to i64
  %x8m = mul i64 %x8i, 8
  %x8 = add i64 %x7, %x8m
  %x9d = fmul double %dv9, 2.0
  %x9i = fptosi double %x9d to i64
  %x9m = mul i64 %x9i, 9
  %x9 = add i64 %x8, %x9m
  %x10d = fmul double %dv10, 2.0
  %x10i = fptosi double %x10d to i64
  %x10m = mul i64 %x10i, 10
  %x10 = add i64 %x9, %x10m
  %x11d = fmul double %dv11, 2.0
  %x11i = fptosi double %x11d to i64
  %x11m = mul i64 %x11i, 11
  %x11 = add i64 %x10, %x11m
  %x12d = fmul double %dv12, 2.0
  %x12i = fptosi double %x12d to i64
  %x12m = mul i64 %x12i, 12
  %x12 = add i64 %x11, %x12m
  %ret = add i64 %r, %x12
  ret i64 %ret
}

; A frame with 16 integers and 12 doubles live across its call: it
; saves every callee-saved register, integer and floating-point.
define i64 @chain_fat_fp(i64 %depth, i64 %v, i64 %pre) "frame-pointer"="all" {
entry:
  %seed = add i64 %pre, %depth
  %m1 = mul i64 %seed, 3
  %a1 = add i64 %m1, 7
  %m2 = mul i64 %seed, 5
  %a2 = add i64 %m2, 14
  %m3 = mul i64 %seed, 7
  %a3 = add i64 %m3, 21
  %m4 = mul i64 %seed, 9
  %a4 = add i64 %m4, 28
  %m5 = mul i64 %seed, 11
  %a5 = add i64 %m5, 35
  %m6 = mul i64 %seed, 13
  %a6 = add i64 %m6, 42
  %m7 = mul i64 %seed, 15
  %a7 = add i64 %m7, 49
  %m8 = mul i64 %seed, 17
  %a8 = add i64 %m8, 56
  %m9 = mul i64 %seed, 19
  %a9 = add i64 %m9, 63
  %m10 = mul i64 %seed, 21
  %a10 = add i64 %m10, 70
  %m11 = mul i64 %seed, 23
  %a11 = add i64 %m11, 77
  %m12 = mul i64 %seed, 25
  %a12 = add i64 %m12, 84
  %m13 = mul i64 %seed, 27
  %a13 = add i64 %m13, 91
  %m14 = mul i64 %seed, 29
  %a14 = add i64 %m14, 98
  %m15 = mul i64 %seed, 31
  %a15 = add i64 %m15, 105
  %m16 = mul i64 %seed, 33
  %a16 = add i64 %m16, 112
  %s1 = add i64 %seed, 1
  %f1 = sitofp i64 %s1 to double
  %dv1 = fmul double %f1, 1.5
  %s2 = add i64 %seed, 2
  %f2 = sitofp i64 %s2 to double
  %dv2 = fmul double %f2, 1.5
  %s3 = add i64 %seed, 3
  %f3 = sitofp i64 %s3 to double
  %dv3 = fmul double %f3, 1.5
  %s4 = add i64 %seed, 4
  %f4 = sitofp i64 %s4 to double
  %dv4 = fmul double %f4, 1.5
  %s5 = add i64 %seed, 5
  %f5 = sitofp i64 %s5 to double
  %dv5 = fmul double %f5, 1.5
  %s6 = add i64 %seed, 6
  %f6 = sitofp i64 %s6 to double
  %dv6 = fmul double %f6, 1.5
  %s7 = add i64 %seed, 7
  %f7 = sitofp i64 %s7 to double
  %dv7 = fmul double %f7, 1.5
  %s8 = add i64 %seed, 8
  %f8 = sitofp i64 %s8 to double
  %dv8 = fmul double %f8, 1.5
  %s9 = add i64 %seed, 9
  %f9 = sitofp i64 %s9 to double
  %dv9 = fmul double %f9, 1.5
  %s10 = add i64 %seed, 10
  %f10 = sitofp i64 %s10 to double
  %dv10 = fmul double %f10, 1.5
  %s11 = add i64 %seed, 11
  %f11 = sitofp i64 %s11 to double
  %dv11 = fmul double %f11, 1.5
  %s12 = add i64 %seed, 12
  %f12 = sitofp i64 %s12 to double
  %dv12 = fmul double %f12, 1.5
  %p0 = add i64 0, %a1
  %p1 = add i64 %p0, %a2
  %p2 = add i64 %p1, %a3
  %p3 = add i64 %p2, %a4
  %p4 = add i64 %p3, %a5
  %p5 = add i64 %p4, %a6
  %p6 = add i64 %p5, %a7
  %p7 = add i64 %p6, %a8
  %p8 = add i64 %p7, %a9
  %p9 = add i64 %p8, %a10
  %p10 = add i64 %p9, %a11
  %p11 = add i64 %p10, %a12
  %p12 = add i64 %p11, %a13
  %p13 = add i64 %p12, %a14
  %p14 = add i64 %p13, %a15
  %p15 = add i64 %p14, %a16
  %q0i = fptosi double %dv1 to i64
  %q0 = add i64 %p15, %q0i
  %q1i = fptosi double %dv2 to i64
  %q1 = add i64 %q0, %q1i
  %q2i = fptosi double %dv3 to i64
  %q2 = add i64 %q1, %q2i
  %q3i = fptosi double %dv4 to i64
  %q3 = add i64 %q2, %q3i
  %q4i = fptosi double %dv5 to i64
  %q4 = add i64 %q3, %q4i
  %q5i = fptosi double %dv6 to i64
  %q5 = add i64 %q4, %q5i
  %q6i = fptosi double %dv7 to i64
  %q6 = add i64 %q5, %q6i
  %q7i = fptosi double %dv8 to i64
  %q7 = add i64 %q6, %q7i
  %q8i = fptosi double %dv9 to i64
  %q8 = add i64 %q7, %q8i
  %q9i = fptosi double %dv10 to i64
  %q9 = add i64 %q8, %q9i
  %q10i = fptosi double %dv11 to i64
  %q10 = add i64 %q9, %q10i
  %q11i = fptosi double %dv12 to i64
  %q11 = add i64 %q10, %q11i
  %leaf = icmp eq i64 %depth, 0
  br i1 %leaf, label %throw, label %deeper
throw:
  call void @throw_value(i64 %v)
  unreachable
deeper:
  %d1 = sub i64 %depth, 1
  %r = call i64 @chain_alloca(i64 %d1, i64 %v, i64 %q11)
  %w1m = mul i64 %a1, 2
  %w1 = add i64 0, %w1m
  %w2m = mul i64 %a2, 3
  %w2 = add i64 %w1, %w2m
  %w3m = mul i64 %a3, 4
  %w3 = add i64 %w2, %w3m
  %w4m = mul i64 %a4, 5
  %w4 = add i64 %w3, %w4m
  %w5m = mul i64 %a5, 6
  %w5 = add i64 %w4, %w5m
  %w6m = mul i64 %a6, 7
  %w6 = add i64 %w5, %w6m
  %w7m = mul i64 %a7, 8
  %w7 = add i64 %w6, %w7m
  %w8m = mul i64 %a8, 9
  %w8 = add i64 %w7, %w8m
  %w9m = mul i64 %a9, 10
  %w9 = add i64 %w8, %w9m
  %w10m = mul i64 %a10, 11
  %w10 = add i64 %w9, %w10m
  %w11m = mul i64 %a11, 12
  %w11 = add i64 %w10, %w11m
  %w12m = mul i64 %a12, 13
  %w12 = add i64 %w11, %w12m
  %w13m = mul i64 %a13, 14
  %w13 = add i64 %w12, %w13m
  %w14m = mul i64 %a14, 15
  %w14 = add i64 %w13, %w14m
  %w15m = mul i64 %a15, 16
  %w15 = add i64 %w14, %w15m
  %w16m = mul i64 %a16, 17
  %w16 = add i64 %w15, %w16m
  %x1d = fmul double %dv1, 2.0
  %x1i = fptosi double %x1d to i64
  %x1m = mul i64 %x1i, 1
  %x1 = add i64 %w16, %x1m
  %x2d = fmul double %dv2, 2.0
  %x2i = fptosi double %x2d to i64
  %x2m = mul i64 %x2i, 2
  %x2 = add i64 %x1, %x2m
  %x3d = fmul double %dv3, 2.0
  %x3i = fptosi double %x3d to i64
  %x3m = mul i64 %x3i, 3
  %x3 = add i64 %x2, %x3m
  %x4d = fmul double %dv4, 2.0
  %x4i = fptosi double %x4d to i64
  %x4m = mul i64 %x4i, 4
  %x4 = add i64 %x3, %x4m
  %x5d = fmul double %dv5, 2.0
  %x5i = fptosi double %x5d to i64
  %x5m = mul i64 %x5i, 5
  %x5 = add i64 %x4, %x5m
  %x6d = fmul double %dv6, 2.0
  %x6i = fptosi double %x6d to i64
  %x6m = mul i64 %x6i, 6
  %x6 = add i64 %x5, %x6m
  %x7d = fmul double %dv7, 2.0
  %x7i = fptosi double %x7d to i64
  %x7m = mul i64 %x7i, 7
  %x7 = add i64 %x6, %x7m
  %x8d = fmul double %dv8, 2.0
  %x8i = fptosi double %x8d to i64
  %x8m = mul i64 %x8i, 8
  %x8 = add i64 %x7, %x8m
  %x9d = fmul double %dv9, 2.0
  %x9i = fptosi double %x9d to i64
  %x9m = mul i64 %x9i, 9
  %x9 = add i64 %x8, %x9m
  %x10d = fmul double %dv10, 2.0
  %x10i = fptosi double %x10d to i64
  %x10m = mul i64 %x10i, 10
  %x10 = add i64 %x9, %x10m
  %x11d = fmul double %dv11, 2.0
  %x11i = fptosi double %x11d to i64
  %x11m = mul i64 %x11i, 11
  %x11 = add i64 %x10, %x11m
  %x12d = fmul double %dv12, 2.0
  %x12i = fptosi double %x12d to i64
  %x12m = mul i64 %x12i, 12
  %x12 = add i64 %x11, %x12m
  %ret = add i64 %r, %x12
  ret i64 %ret
}

; The catch: as many values live across the invoke as in the chain's fat
; frames, so that they sit in callee-saved registers (and spill slots) that
; every frame below saved and the unwinder restores. In the landing pad,
; the weighted sum of the values (unwind-driver.c computes it too) goes to
; *post, and the exception is returned.
; The pad reads the selector (1) as well as the exception, as every pad
; here with values live into it does: LLVM 19's fast register allocator
; (-O0) may otherwise park a value in an unread EH register (x1 on
; AArch64) and drop its reload (llvm/llvm-project#216477).
define i64 @catch_live(i64 %seed, i64 %depth, ptr %post) personality ptr @module_personality {
entry:
  %m1 = mul i64 %seed, 3
  %a1 = add i64 %m1, 7
  %m2 = mul i64 %seed, 5
  %a2 = add i64 %m2, 14
  %m3 = mul i64 %seed, 7
  %a3 = add i64 %m3, 21
  %m4 = mul i64 %seed, 9
  %a4 = add i64 %m4, 28
  %m5 = mul i64 %seed, 11
  %a5 = add i64 %m5, 35
  %m6 = mul i64 %seed, 13
  %a6 = add i64 %m6, 42
  %m7 = mul i64 %seed, 15
  %a7 = add i64 %m7, 49
  %m8 = mul i64 %seed, 17
  %a8 = add i64 %m8, 56
  %m9 = mul i64 %seed, 19
  %a9 = add i64 %m9, 63
  %m10 = mul i64 %seed, 21
  %a10 = add i64 %m10, 70
  %m11 = mul i64 %seed, 23
  %a11 = add i64 %m11, 77
  %m12 = mul i64 %seed, 25
  %a12 = add i64 %m12, 84
  %m13 = mul i64 %seed, 27
  %a13 = add i64 %m13, 91
  %m14 = mul i64 %seed, 29
  %a14 = add i64 %m14, 98
  %m15 = mul i64 %seed, 31
  %a15 = add i64 %m15, 105
  %m16 = mul i64 %seed, 33
  %a16 = add i64 %m16, 112
  %s1 = add i64 %seed, 1
  %f1 = sitofp i64 %s1 to double
  %dv1 = fmul double %f1, 1.5
  %s2 = add i64 %seed, 2
  %f2 = sitofp i64 %s2 to double
  %dv2 = fmul double %f2, 1.5
  %s3 = add i64 %seed, 3
  %f3 = sitofp i64 %s3 to double
  %dv3 = fmul double %f3, 1.5
  %s4 = add i64 %seed, 4
  %f4 = sitofp i64 %s4 to double
  %dv4 = fmul double %f4, 1.5
  %s5 = add i64 %seed, 5
  %f5 = sitofp i64 %s5 to double
  %dv5 = fmul double %f5, 1.5
  %s6 = add i64 %seed, 6
  %f6 = sitofp i64 %s6 to double
  %dv6 = fmul double %f6, 1.5
  %s7 = add i64 %seed, 7
  %f7 = sitofp i64 %s7 to double
  %dv7 = fmul double %f7, 1.5
  %s8 = add i64 %seed, 8
  %f8 = sitofp i64 %s8 to double
  %dv8 = fmul double %f8, 1.5
  %s9 = add i64 %seed, 9
  %f9 = sitofp i64 %s9 to double
  %dv9 = fmul double %f9, 1.5
  %s10 = add i64 %seed, 10
  %f10 = sitofp i64 %s10 to double
  %dv10 = fmul double %f10, 1.5
  %s11 = add i64 %seed, 11
  %f11 = sitofp i64 %s11 to double
  %dv11 = fmul double %f11, 1.5
  %s12 = add i64 %seed, 12
  %f12 = sitofp i64 %s12 to double
  %dv12 = fmul double %f12, 1.5
  %p0 = add i64 0, %a1
  %p1 = add i64 %p0, %a2
  %p2 = add i64 %p1, %a3
  %p3 = add i64 %p2, %a4
  %p4 = add i64 %p3, %a5
  %p5 = add i64 %p4, %a6
  %p6 = add i64 %p5, %a7
  %p7 = add i64 %p6, %a8
  %p8 = add i64 %p7, %a9
  %p9 = add i64 %p8, %a10
  %p10 = add i64 %p9, %a11
  %p11 = add i64 %p10, %a12
  %p12 = add i64 %p11, %a13
  %p13 = add i64 %p12, %a14
  %p14 = add i64 %p13, %a15
  %p15 = add i64 %p14, %a16
  %q0i = fptosi double %dv1 to i64
  %q0 = add i64 %p15, %q0i
  %q1i = fptosi double %dv2 to i64
  %q1 = add i64 %q0, %q1i
  %q2i = fptosi double %dv3 to i64
  %q2 = add i64 %q1, %q2i
  %q3i = fptosi double %dv4 to i64
  %q3 = add i64 %q2, %q3i
  %q4i = fptosi double %dv5 to i64
  %q4 = add i64 %q3, %q4i
  %q5i = fptosi double %dv6 to i64
  %q5 = add i64 %q4, %q5i
  %q6i = fptosi double %dv7 to i64
  %q6 = add i64 %q5, %q6i
  %q7i = fptosi double %dv8 to i64
  %q7 = add i64 %q6, %q7i
  %q8i = fptosi double %dv9 to i64
  %q8 = add i64 %q7, %q8i
  %q9i = fptosi double %dv10 to i64
  %q9 = add i64 %q8, %q9i
  %q10i = fptosi double %dv11 to i64
  %q10 = add i64 %q9, %q10i
  %q11i = fptosi double %dv12 to i64
  %q11 = add i64 %q10, %q11i
  %v = add i64 %seed, 1000
  %r = invoke i64 @chain_fat(i64 %depth, i64 %v, i64 %q11) to label %cont unwind label %pad
cont:
  store i64 -1, ptr %post
  ret i64 %r
pad:
  %lp = landingpad {ptr, i32} catch ptr null
  %e = extractvalue {ptr, i32} %lp, 0
  %ei = ptrtoint ptr %e to i64
  %sel = extractvalue {ptr, i32} %lp, 1
  %sel64 = zext i32 %sel to i64
  %w1m = mul i64 %a1, 2
  %w1 = add i64 0, %w1m
  %w2m = mul i64 %a2, 3
  %w2 = add i64 %w1, %w2m
  %w3m = mul i64 %a3, 4
  %w3 = add i64 %w2, %w3m
  %w4m = mul i64 %a4, 5
  %w4 = add i64 %w3, %w4m
  %w5m = mul i64 %a5, 6
  %w5 = add i64 %w4, %w5m
  %w6m = mul i64 %a6, 7
  %w6 = add i64 %w5, %w6m
  %w7m = mul i64 %a7, 8
  %w7 = add i64 %w6, %w7m
  %w8m = mul i64 %a8, 9
  %w8 = add i64 %w7, %w8m
  %w9m = mul i64 %a9, 10
  %w9 = add i64 %w8, %w9m
  %w10m = mul i64 %a10, 11
  %w10 = add i64 %w9, %w10m
  %w11m = mul i64 %a11, 12
  %w11 = add i64 %w10, %w11m
  %w12m = mul i64 %a12, 13
  %w12 = add i64 %w11, %w12m
  %w13m = mul i64 %a13, 14
  %w13 = add i64 %w12, %w13m
  %w14m = mul i64 %a14, 15
  %w14 = add i64 %w13, %w14m
  %w15m = mul i64 %a15, 16
  %w15 = add i64 %w14, %w15m
  %w16m = mul i64 %a16, 17
  %w16 = add i64 %w15, %w16m
  %x1d = fmul double %dv1, 2.0
  %x1i = fptosi double %x1d to i64
  %x1m = mul i64 %x1i, 1
  %x1 = add i64 %w16, %x1m
  %x2d = fmul double %dv2, 2.0
  %x2i = fptosi double %x2d to i64
  %x2m = mul i64 %x2i, 2
  %x2 = add i64 %x1, %x2m
  %x3d = fmul double %dv3, 2.0
  %x3i = fptosi double %x3d to i64
  %x3m = mul i64 %x3i, 3
  %x3 = add i64 %x2, %x3m
  %x4d = fmul double %dv4, 2.0
  %x4i = fptosi double %x4d to i64
  %x4m = mul i64 %x4i, 4
  %x4 = add i64 %x3, %x4m
  %x5d = fmul double %dv5, 2.0
  %x5i = fptosi double %x5d to i64
  %x5m = mul i64 %x5i, 5
  %x5 = add i64 %x4, %x5m
  %x6d = fmul double %dv6, 2.0
  %x6i = fptosi double %x6d to i64
  %x6m = mul i64 %x6i, 6
  %x6 = add i64 %x5, %x6m
  %x7d = fmul double %dv7, 2.0
  %x7i = fptosi double %x7d to i64
  %x7m = mul i64 %x7i, 7
  %x7 = add i64 %x6, %x7m
  %x8d = fmul double %dv8, 2.0
  %x8i = fptosi double %x8d to i64
  %x8m = mul i64 %x8i, 8
  %x8 = add i64 %x7, %x8m
  %x9d = fmul double %dv9, 2.0
  %x9i = fptosi double %x9d to i64
  %x9m = mul i64 %x9i, 9
  %x9 = add i64 %x8, %x9m
  %x10d = fmul double %dv10, 2.0
  %x10i = fptosi double %x10d to i64
  %x10m = mul i64 %x10i, 10
  %x10 = add i64 %x9, %x10m
  %x11d = fmul double %dv11, 2.0
  %x11i = fptosi double %x11d to i64
  %x11m = mul i64 %x11i, 11
  %x11 = add i64 %x10, %x11m
  %x12d = fmul double %dv12, 2.0
  %x12i = fptosi double %x12d to i64
  %x12m = mul i64 %x12i, 12
  %x12 = add i64 %x11, %x12m
  %wsel = add i64 %x12, %sel64
  %wpost = sub i64 %wsel, 1
  store i64 %wpost, ptr %post
  ret i64 %ei
}

; Not nounwind, but without an FDE: nothing describes its frame, so the
; walk cannot go on past it and the exception is uncaught.
define void @no_fde_caller(i64 %v) nounwind {
  call void @throw_value(i64 %v)
  unreachable
}
