;; Tail calls (lowering/TailCalls.cpp): a function that makes tail calls has
;; a tail-call entry, `void fN.NAME.tail(ptr %instance, ptr results)`, with
;; its body, its parameters read from the instance's tail-argument buffer;
;; its ordinary entry stores its arguments in that buffer, calls the tail
;; entry with a results area of its own frame, and returns what it finds
;; there. A function without tail calls has no tail entry. return_call of a
;; function with a tail entry stores the arguments in the buffer and is a
;; `musttail call void @...tail(%instance, results)` then `ret void`; of one
;; without (a leaf, an import), an ordinary call whose results are stored at
;; `results`, then `ret void`. return_call_indirect (and a return_call of an
;; import, through its funcref record) loads the record's tail_fn (offset
;; 24): if not null, the arguments go to the callee instance's buffer (its
;; tail_args pointer, offset 48) and a musttail call of tail_fn follows;
;; else the record's fn (offset 8) is called as usual.
;;
;; At -O2 the mutual recursion of $even and $odd is inlined into loops, so
;; there only the indirect shapes are checked, and that no call of a tail
;; entry other than from an ordinary entry is left without musttail.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 -o %t.O0.ll
;; RUN: FileCheck %s < %t.O0.ll
;; RUN: %w2n compile %t.wasm --emit=llvm -o %t.O2.ll
;; RUN: FileCheck %s --check-prefix=O2 < %t.O2.ll
;; RUN: grep -E 'call void @f[0-9]+\.[a-z]+\.tail\(' %t.O0.ll | FileCheck %s --check-prefix=TAILCALLS
;; RUN: grep -E 'call void @f[0-9]+\.[a-z]+\.tail\(' %t.O2.ll | FileCheck %s --check-prefix=TAILCALLS-O2

;; Calls of tail entries: musttail, or from an ordinary entry (its own
;; results area, %N), nothing else.
;; TAILCALLS:      {{^  call void @f2.even.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  musttail call void @f3.odd.tail\(ptr %instance, ptr %0\)$}}
;; TAILCALLS-NEXT: {{^  call void @f3.odd.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  musttail call void @f2.even.tail\(ptr %instance, ptr %0\)$}}
;; TAILCALLS-NEXT: {{^  musttail call void @f6.mixed.tail\(ptr %instance, ptr %0\)$}}
;; TAILCALLS-NEXT: {{^  call void @f4.ind.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  call void @f5.toimp.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  call void @f6.mixed.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  musttail call void @f3.odd.tail\(ptr %instance, ptr %0\)$}}
;; TAILCALLS-NEXT: {{^  call void @f7.multi.tail\(ptr %0, ptr %[0-9]+\)$}}
;; TAILCALLS-NEXT: {{^  musttail call void @f7.multi.tail\(ptr %instance, ptr %0\)$}}
;; TAILCALLS-NOT: call
;; TAILCALLS-O2-NOT: {{^ *(tail )?call void @f[0-9]+\.[a-z]+\.tail\(ptr %instance}}

(module
  (type $ii (func (param i32) (result i32)))
  (import "m" "imp" (func $imp (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $leaf $even)

  ;; No tail calls: no tail entry.
  ;; CHECK-NOT: @f1.leaf.tail
  ;; CHECK-LABEL: define internal i32 @f1.leaf(ptr %instance, i32 %0)
  (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))

  ;; The ordinary entry: argument to the buffer, the tail entry called with
  ;; a results area, the result loaded from it.
  ;; CHECK-LABEL: define internal i32 @f2.even(ptr %0, i32 %1)
  ;; CHECK-NEXT:  entry:
  ;; CHECK-NEXT:    [[ARG0:%.*]] = getelementptr inbounds i8, ptr %0, i64 [[BUF:[0-9]+]]
  ;; CHECK-NEXT:    store i32 %1, ptr [[ARG0]]
  ;; CHECK-NEXT:    [[RES:%.*]] = alloca [1 x <4 x i32>]
  ;; CHECK-NEXT:    call void @f2.even.tail(ptr %0, ptr [[RES]])
  ;; CHECK-NEXT:    [[R0:%.*]] = getelementptr inbounds i8, ptr [[RES]], i64 0
  ;; CHECK-NEXT:    [[V:%.*]] = load i32, ptr [[R0]]
  ;; CHECK-NEXT:    ret i32 [[V]]
  ;; CHECK-NEXT:  }
  ;; The tail entry: the parameter from the buffer; a tail call of $odd
  ;; (with a tail entry) jumps, one of $leaf (without) calls and stores.
  ;; CHECK-LABEL: define internal void @f2.even.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:  entry:
  ;; CHECK-NEXT:    %local0 = alloca i32
  ;; CHECK-NEXT:    [[P:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[BUF]]
  ;; CHECK-NEXT:    [[PV:%.*]] = load i32, ptr [[P]]
  ;; CHECK-NEXT:    store i32 [[PV]], ptr %local0
  ;; CHECK:         [[A:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[BUF]]
  ;; CHECK-NEXT:    store i32 %{{.*}}, ptr [[A]]
  ;; CHECK-NEXT:    musttail call void @f3.odd.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK:         [[L:%.*]] = notail call i32 @f1.leaf(ptr %instance, i32 %{{.*}})
  ;; CHECK-NEXT:    [[S:%.*]] = getelementptr inbounds i8, ptr %0, i64 0
  ;; CHECK-NEXT:    store i32 [[L]], ptr [[S]]
  ;; CHECK-NEXT:    ret void
  ;; CHECK:       }
  (func $even (export "even") (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then (return_call $leaf (local.get 0))))
    (return_call $odd (i32.sub (local.get 0) (i32.const 1))))

  ;; CHECK-LABEL: define internal void @f3.odd.tail(ptr %instance, ptr %0)
  ;; A plain return stores the result and returns.
  ;; CHECK:         [[Z:%.*]] = phi i32 [ 0,
  ;; CHECK-NEXT:    [[ZS:%.*]] = getelementptr inbounds i8, ptr %0, i64 0
  ;; CHECK-NEXT:    store i32 [[Z]], ptr [[ZS]]
  ;; CHECK-NEXT:    ret void
  ;; CHECK:         musttail call void @f2.even.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK:         musttail call void @f6.mixed.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK:       }
  (func $odd (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then (return (i32.const 0))))
    (if (i32.eq (local.get 0) (i32.const 7))
      (then (return_call $mixed (i64.const 1) (f64.const 2) (local.get 0))))
    (return_call $even (i32.sub (local.get 0) (i32.const 1))))

  ;; return_call_indirect: after the checks of call_indirect, tail_fn of the
  ;; record decides.
  ;; CHECK-LABEL: define internal void @f4.ind.tail(ptr %instance, ptr %0)
  ;; CHECK:         [[CTXP:%.*]] = getelementptr inbounds i8, ptr [[REC:%[0-9]+]], i64 16
  ;; CHECK-NEXT:    [[CTX:%.*]] = load ptr, ptr [[CTXP]]
  ;; CHECK-NEXT:    [[TFP:%.*]] = getelementptr inbounds i8, ptr [[REC]], i64 24
  ;; CHECK-NEXT:    [[TF:%.*]] = load ptr, ptr [[TFP]]
  ;; CHECK-NEXT:    [[HAS:%.*]] = icmp ne ptr [[TF]], null
  ;; CHECK-NEXT:    br i1 [[HAS]], label %tail.jump, label %tail.call
  ;; CHECK:       tail.jump:
  ;; CHECK-NEXT:    [[BUFP:%.*]] = getelementptr inbounds i8, ptr [[CTX]], i64 48
  ;; CHECK-NEXT:    [[CBUF:%.*]] = load ptr, ptr [[BUFP]]
  ;; CHECK-NEXT:    [[CA0:%.*]] = getelementptr inbounds i8, ptr [[CBUF]], i64 0
  ;; CHECK-NEXT:    store i32 {{.*}}, ptr [[CA0]]
  ;; CHECK-NEXT:    musttail call void [[TF]](ptr [[CTX]], ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK:       tail.call:
  ;; CHECK-NEXT:    [[FNP:%.*]] = getelementptr inbounds i8, ptr [[REC]], i64 8
  ;; CHECK-NEXT:    [[FN:%.*]] = load ptr, ptr [[FNP]]
  ;; CHECK-NEXT:    [[R:%.*]] = notail call i32 [[FN]](ptr [[CTX]], i32 {{.*}})
  ;; CHECK-NEXT:    [[S:%.*]] = getelementptr inbounds i8, ptr %0, i64 0
  ;; CHECK-NEXT:    store i32 [[R]], ptr [[S]]
  ;; CHECK-NEXT:    ret void
  ;; CHECK-NEXT:  }
  ;; O2-LABEL: define internal void @f4.ind.tail(
  ;; O2:         [[TFP:%.*]] = getelementptr inbounds i8, ptr %{{[0-9]+}}, i64 24
  ;; O2-NEXT:    [[TF:%.*]] = load ptr, ptr [[TFP]]
  ;; O2-NEXT:    [[NULL:%.*]] = icmp eq ptr [[TF]], null
  ;; O2-NEXT:    br i1 [[NULL]], label %tail.call, label %tail.jump
  ;; O2:       tail.jump:
  ;; O2:         musttail call void [[TF]](ptr %{{.*}}, ptr %0)
  ;; O2-NEXT:    ret void
  ;; O2:       tail.call:
  ;; O2:         notail call i32 %{{.*}}(ptr %{{.*}}, i32 %{{.*}})
  ;; O2:         ret void
  ;; O2-NEXT:  }
  (func $ind (export "ind") (param i32 i32) (result i32)
    (return_call_indirect (type $ii) (local.get 0) (local.get 1)))

  ;; return_call of an import: through its record, as return_call_indirect.
  ;; CHECK-LABEL: define internal void @f5.toimp.tail(ptr %instance, ptr %0)
  ;; CHECK:         br i1 %{{.*}}, label %tail.jump, label %tail.call
  ;; CHECK:       tail.jump:
  ;; CHECK:         musttail call void %{{.*}}(ptr %{{.*}}, ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK:       tail.call:
  ;; CHECK:         notail call i32 %{{.*}}(ptr %{{.*}}, i32 %{{.*}})
  ;; CHECK:         ret void
  ;; CHECK-NEXT:  }
  ;; O2-LABEL: define internal void @f5.toimp.tail(
  ;; O2:         musttail call void %{{.*}}(ptr %{{.*}}, ptr %0)
  ;; O2-NEXT:    ret void
  ;; O2:         notail call i32 %{{.*}}(ptr %{{.*}}, i32 %{{.*}})
  (func $toimp (export "toimp") (param i32) (result i32)
    (return_call $imp (local.get 0)))

  ;; Other parameter types, each in its slot of the buffer.
  ;; CHECK-LABEL: define internal i32 @f6.mixed(ptr %0, i64 %1, double %2, i32 %3)
  ;; CHECK-NEXT:  entry:
  ;; CHECK-NEXT:    [[A0:%.*]] = getelementptr inbounds i8, ptr %0, i64 [[BUF]]
  ;; CHECK-NEXT:    store i64 %1, ptr [[A0]]
  ;; CHECK-NEXT:    [[A1:%.*]] = getelementptr inbounds i8, ptr %0, i64 {{[0-9]+}}
  ;; CHECK-NEXT:    store double %2, ptr [[A1]]
  ;; CHECK-NEXT:    [[A2:%.*]] = getelementptr inbounds i8, ptr %0, i64 {{[0-9]+}}
  ;; CHECK-NEXT:    store i32 %3, ptr [[A2]]
  ;; CHECK-NEXT:    [[RES:%.*]] = alloca [1 x <4 x i32>]
  ;; CHECK-NEXT:    call void @f6.mixed.tail(ptr %0, ptr [[RES]])
  ;; CHECK-LABEL: define internal void @f6.mixed.tail(ptr %instance, ptr %0)
  ;; CHECK:         load i64, ptr
  ;; CHECK:         load double, ptr
  ;; CHECK:         load i32, ptr
  ;; CHECK:         musttail call void @f3.odd.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  (func $mixed (param i64 f64 i32) (result i32)
    (return_call $odd (i32.add (local.get 2) (i32.wrap_i64 (local.get 0)))))
;; Two results: the ordinary entry returns them from slots 0 and 1 (16
  ;; bytes apart, a w2n_value each); a return stores them there.
  ;; CHECK-LABEL: define internal { i32, i64 } @f7.multi(ptr %0, i32 %1)
  ;; CHECK:         [[RES:%.*]] = alloca [2 x <4 x i32>]
  ;; CHECK-NEXT:    call void @f7.multi.tail(ptr %0, ptr [[RES]])
  ;; CHECK-NEXT:    [[R0:%.*]] = getelementptr inbounds i8, ptr [[RES]], i64 0
  ;; CHECK-NEXT:    [[V0:%.*]] = load i32, ptr [[R0]]
  ;; CHECK-NEXT:    [[R1:%.*]] = getelementptr inbounds i8, ptr [[RES]], i64 16
  ;; CHECK-NEXT:    [[V1:%.*]] = load i64, ptr [[R1]]
  ;; CHECK-NEXT:    [[AGG:%.*]] = insertvalue { i32, i64 } poison, i32 [[V0]], 0
  ;; CHECK-NEXT:    [[AGG2:%.*]] = insertvalue { i32, i64 } [[AGG]], i64 [[V1]], 1
  ;; CHECK-NEXT:    ret { i32, i64 } [[AGG2]]
  ;; CHECK-LABEL: define internal void @f7.multi.tail(ptr %instance, ptr %0)
  ;; CHECK:         [[S0:%.*]] = getelementptr inbounds i8, ptr %0, i64 0
  ;; CHECK-NEXT:    store i32 {{.*}}, ptr [[S0]]
  ;; CHECK-NEXT:    [[S1:%.*]] = getelementptr inbounds i8, ptr %0, i64 16
  ;; CHECK-NEXT:    store i64 {{.*}}, ptr [[S1]]
  ;; CHECK-NEXT:    ret void
  ;; CHECK:         musttail call void @f7.multi.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  (func $multi (export "multi") (param i32) (result i32 i64)
    (if (i32.eqz (local.get 0))
      (then (return (i32.const 1) (i64.const 2))))
    (return_call $multi (i32.sub (local.get 0) (i32.const 1))))
)
