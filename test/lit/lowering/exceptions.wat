;; Exception handling in IR (lowering/ExceptionLowering.cpp). A call inside
;; a try_table (or a legacy try's body) is an `invoke` whose unwind edge
;; goes to a landing pad, `landingpad { ptr, i32 } catch ptr null` (it
;; catches everything), which passes the exception's pointer to the try's
;; dispatch block: the exception's tag (its first field) is compared with
;; each clause's tag pointer, a match branches to the clause's label with
;; the values (at offset 16, 16 bytes apart), and what no clause takes is
;; thrown on (@w2n_throw, or the dispatch of an enclosing try in the same
;; function). A call outside any try stays a plain `call`. A throw whose
;; handler is in the same function allocates the exception (@w2n_exn_new)
;; and branches to the dispatch without calling @w2n_throw; a throw with no
;; handler in its function calls @w2n_throw. A defined tag's pointer is its
;; storage in the instance (a GEP); an imported tag's is loaded from the
;; instance (invariant). return_call inside a try_table is a tail call, not
;; an invoke: `musttail call` of a tail entry then `ret void`, or a call of
;; a function without one, its result stored, then `ret void`. catch_all_ref
;; compares nothing and passes the exception itself. A delegate to the
;; caller's frame throws on from the dispatch. throw_ref of a nullable
;; exnref compares it with null first, to the trap "null exception
;; reference" (w2n_trap(16)); of a (ref exn), no compare. The functions
;; with a landing pad have the module's internal personality,
;; @<prefix>_eh_personality. The entry trampolines (the host's way in)
;; invoke the function and return null, or the exception from their own
;; landing pad. All on -O0's IR, as lowered (a store and reload of each
;; local). (Trap 10, call stack exhausted, is the stack check on entry.)
;;
;; Last, whether functions may unwind: in an --emit=exe module without tags
;; nothing can throw, so its functions are nounwind (no unwind tables: no
;; FDE for them at -O0, no personality, no .gcc_except_table, no
;; .eh_frame_hdr), while the same module as an object (--emit=obj and
;; --emit=llvm), which a host may link with modules that throw through it,
;; has functions without nounwind and entry trampolines with landing pads.
;; A module with a tag gets unwind tables in an executable too.

;; RUN: %w2n compile --emit=wasm %s -o %t.wasm
;; RUN: %w2n compile %t.wasm --emit=llvm -O0 --prefix=m -o %t.O0.ll
;; RUN: FileCheck %s < %t.O0.ll
;; RUN: FileCheck %s --check-prefix=PERS < %t.O0.ll

(module
  (import "env" "imp" (tag $imp (param f64)))
  (tag $e (param i32))
  (tag $f (param i64))

  ;; One personality in the module, which only returns
  ;; _URC_CONTINUE_UNWIND (8): the runtime's unwinder does not call it.
  ;; PERS-NOT:  _eh_personality(
  ;; PERS:      define internal i32 @m_eh_personality(i32 %0, i32 %1, i64 %2, ptr %3, ptr %4) #{{[0-9]+}} {
  ;; PERS-NEXT: entry:
  ;; PERS-NEXT:   ret i32 8
  ;; PERS-NEXT: }
  ;; PERS-NOT:  _eh_personality(

  ;; No try, no personality.
  ;; CHECK-LABEL: define internal i32 @f0.leaf(ptr %instance, i32 %0) {
  (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))

  ;; A throw without a handler in the function: allocated, then thrown.
  ;; CHECK-LABEL: define internal void @f1.thrower(ptr %instance, i32 %0) {
  ;; CHECK:         [[V:%.*]] = load i32, ptr %local0
  ;; CHECK-NEXT:    [[TAG:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGE:[0-9]+]]
  ;; CHECK-NEXT:    %exn = call ptr @w2n_exn_new(ptr %instance, ptr [[TAG]])
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr %exn, i64 16
  ;; CHECK-NEXT:    store i32 [[V]], ptr [[SLOT]]
  ;; CHECK-NEXT:    call void @w2n_throw(ptr %exn)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:       {{^}}}
  (func $thrower (param i32) (throw $e (local.get 0)))

  ;; A call outside the try: a call; inside: an invoke to the landing pad,
  ;; whose dispatch compares the tag with $e's and takes the value, or
  ;; throws the exception on.
  ;; CHECK-LABEL: define internal i32 @f2.in_try(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:         notail call i32 @f0.leaf(ptr %instance, i32 %{{.*}})
  ;; CHECK-NOT:     call
  ;; CHECK:         invoke void @f1.thrower(ptr %instance, i32 %{{.*}})
  ;; CHECK-NEXT:            to label %{{.*}} unwind label %[[LPAD:.*]]
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:       end:
  ;; CHECK-NEXT:    phi i32 [ [[CAUGHT:%.*]], %catch ], [ -1, %{{.*}} ]
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    %exn = phi ptr [ [[LPEXN:%.*]], %[[LPAD]] ]
  ;; CHECK-NEXT:    %tag = load ptr, ptr %exn
  ;; CHECK-NEXT:    [[TAGP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGE]]
  ;; CHECK-NEXT:    [[MATCH:%.*]] = icmp eq ptr %tag, [[TAGP]]
  ;; CHECK-NEXT:    br i1 [[MATCH]], label %catch, label %catch.next
  ;; CHECK:       catch:
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr %exn, i64 16
  ;; CHECK-NEXT:    [[CAUGHT]] = load i32, ptr [[SLOT]]
  ;; CHECK-NEXT:    br label %end
  ;; CHECK:       catch.next:
  ;; CHECK-NEXT:    call void @w2n_throw(ptr %exn)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK:       [[LPAD]]:
  ;; CHECK-NEXT:    [[LP:%.*]] = landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NEXT:    {{%.*}} = extractvalue { ptr, i32 } [[LP]], 0
  ;; CHECK:         [[LPEXN]] = {{extractvalue|select}} {{.*}}
  ;; CHECK-NEXT:    br label %catch.dispatch
  ;; CHECK-NEXT:  }
  (func $in_try (param i32) (result i32)
    (drop (call $leaf (local.get 0)))
    (block $h (result i32)
      (try_table (catch $e $h)
        (call $thrower (local.get 0)))
      (i32.const -1)))

  ;; A throw inside a try_table of its function: straight to the dispatch,
  ;; no landing pad, no @w2n_throw on the way (only where nothing matches).
  ;; CHECK-LABEL: define internal i32 @f3.local_throw(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK:         %exn = call ptr @w2n_exn_new(ptr %instance, ptr %{{.*}})
  ;; CHECK-NOT:     call
  ;; CHECK:         br label %catch.dispatch
  ;; CHECK-NOT:     landingpad
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    [[EXN:%.*]] = phi ptr [ %exn, %ok ]
  ;; CHECK-NEXT:    %tag = load ptr, ptr [[EXN]]
  ;; CHECK-NEXT:    [[TAGP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGE]]
  ;; CHECK-NEXT:    icmp eq ptr %tag, [[TAGP]]
  ;; CHECK-NOT:     landingpad
  ;; CHECK:       catch.next:
  ;; CHECK-NEXT:    call void @w2n_throw(ptr [[EXN]])
  ;; CHECK-NOT:     landingpad
  ;; CHECK:       {{^}}}
  (func $local_throw (param i32) (result i32)
    (block $h (result i32)
      (try_table (catch $e $h)
        (throw $e (local.get 0)))
      (i32.const -1)))

  ;; Nested try_tables: one landing pad, the inner's; what the inner does
  ;; not match ($e) goes to the outer's dispatch ($f), then outward.
  ;; CHECK-LABEL: define internal i64 @f4.nested(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK:         invoke void @f1.thrower(
  ;; CHECK-NEXT:            to label %{{.*}} unwind label %[[LPAD:.*]]
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    %exn = phi ptr [ [[LPEXN:%.*]], %[[LPAD]] ]
  ;; CHECK-NEXT:    %tag = load ptr, ptr %exn
  ;; CHECK-NEXT:    [[TAGP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGE]]
  ;; CHECK-NEXT:    [[MATCH:%.*]] = icmp eq ptr %tag, [[TAGP]]
  ;; CHECK-NEXT:    br i1 [[MATCH]], label %catch, label %catch.next
  ;; CHECK:       catch.next:
  ;; CHECK-NEXT:    br label %[[OUTER:catch.dispatch[0-9]+]]
  ;; CHECK:       [[OUTER]]:
  ;; CHECK-NEXT:    [[OEXN:%.*]] = phi ptr [ %exn, %catch.next ]
  ;; CHECK-NEXT:    [[OTAG:%.*]] = load ptr, ptr [[OEXN]]
  ;; CHECK-NEXT:    [[TAGP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGF:[0-9]+]]
  ;; CHECK-NEXT:    [[MATCH:%.*]] = icmp eq ptr [[OTAG]], [[TAGP]]
  ;; CHECK-NEXT:    br i1 [[MATCH]], label %[[OCATCH:catch[0-9]+]], label %[[ONEXT:catch.next[0-9]+]]
  ;; CHECK:       [[OCATCH]]:
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr [[OEXN]], i64 16
  ;; CHECK-NEXT:    load i64, ptr [[SLOT]]
  ;; CHECK:       [[ONEXT]]:
  ;; CHECK-NEXT:    call void @w2n_throw(ptr [[OEXN]])
  ;; CHECK:       [[LPAD]]:
  ;; CHECK-NEXT:    [[LP:%.*]] = landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NEXT:    {{%.*}} = extractvalue { ptr, i32 } [[LP]], 0
  ;; CHECK:         [[LPEXN]] = {{extractvalue|select}} {{.*}}
  ;; CHECK-NOT:     landingpad
  ;; CHECK:       {{^}}}
  (func $nested (param i32) (result i64)
    (block $hf (result i64)
      (drop (block $he (result i32)
        (try_table (catch $f $hf)
          (try_table (catch $e $he)
            (call $thrower (local.get 0))))
        (i32.const 0)))
      (i64.const -1)))

  ;; An imported tag: its pointer loaded from the instance, for the throw
  ;; and for the catch alike; the value an f64.
  ;; CHECK-LABEL: define internal double @f5.imported(ptr %instance, double %0) personality ptr @m_eh_personality {
  ;; CHECK:       ok:
  ;; CHECK-NEXT:    load double, ptr %local0
  ;; CHECK-NEXT:    [[FIELD:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGIMP:[0-9]+]]
  ;; CHECK-NEXT:    [[TAG:%.*]] = load ptr, ptr [[FIELD]], align 8, !invariant.load
  ;; CHECK-NEXT:    %exn = call ptr @w2n_exn_new(ptr %instance, ptr [[TAG]])
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr %exn, i64 16
  ;; CHECK-NEXT:    store double %{{.*}}, ptr [[SLOT]]
  ;; CHECK-NEXT:    br label %catch.dispatch
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    [[EXN:%.*]] = phi ptr [ %exn, %ok ]
  ;; CHECK-NEXT:    %tag = load ptr, ptr [[EXN]]
  ;; CHECK-NEXT:    [[FIELD:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGIMP]]
  ;; CHECK-NEXT:    [[TAG:%.*]] = load ptr, ptr [[FIELD]], align 8, !invariant.load
  ;; CHECK-NEXT:    icmp eq ptr %tag, [[TAG]]
  ;; CHECK:       catch:
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr [[EXN]], i64 16
  ;; CHECK-NEXT:    load double, ptr [[SLOT]]
  ;; CHECK:       {{^}}}
  (func $imported (param f64) (result f64)
    (block $h (result f64)
      (try_table (catch $imp $h)
        (throw $imp (local.get 0)))
      (f64.const 0)))

  ;; return_call inside a try_table: of itself (a tail entry), musttail
  ;; then ret; of $leaf (none), a call, its result stored, ret. Neither an
  ;; invoke; the ordinary call before them is.
  ;; CHECK-LABEL: define internal void @f6.tail.tail(ptr %instance, ptr %0) personality ptr @m_eh_personality {
  ;; CHECK:         invoke void @f1.thrower(
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:         [[R:%.*]] = notail call i32 @f0.leaf(ptr %instance, i32 %{{.*}})
  ;; CHECK-NEXT:    [[RES:%.*]] = getelementptr inbounds i8, ptr %0, i64 0
  ;; CHECK-NEXT:    store i32 [[R]], ptr [[RES]]
  ;; CHECK-NEXT:    ret void
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:         musttail call void @f6.tail.tail(ptr %instance, ptr %0)
  ;; CHECK-NEXT:    ret void
  ;; CHECK-NOT:     {{^ *invoke }}
  ;; CHECK:       {{^}}}
  (func $tail (param i32) (result i32)
    (block $h (result i32)
      (try_table (catch $e $h)
        (call $thrower (local.get 0))
        (if (local.get 0)
          (then (return_call $tail (i32.sub (local.get 0) (i32.const 1)))))
        (return_call $leaf (local.get 0)))
      (i32.const -1)))

  ;; The legacy try/catch: the same landing pad and tag compare.
  ;; CHECK-LABEL: define internal i32 @f7.legacy(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK:         invoke void @f1.thrower(ptr %instance, i32 %{{.*}})
  ;; CHECK-NEXT:            to label %{{.*}} unwind label %[[LPAD:.*]]
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    %exn = phi ptr [ [[LPEXN:%.*]], %[[LPAD]] ]
  ;; CHECK-NEXT:    %tag = load ptr, ptr %exn
  ;; CHECK-NEXT:    [[TAGP:%.*]] = getelementptr inbounds i8, ptr %instance, i64 [[TAGE]]
  ;; CHECK-NEXT:    [[MATCH:%.*]] = icmp eq ptr %tag, [[TAGP]]
  ;; CHECK-NEXT:    br i1 [[MATCH]], label %catch, label %catch.next
  ;; CHECK:       [[LPAD]]:
  ;; CHECK-NEXT:    [[LP:%.*]] = landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NEXT:    {{%.*}} = extractvalue { ptr, i32 } [[LP]], 0
  ;; CHECK:         [[LPEXN]] = {{extractvalue|select}} {{.*}}
  ;; CHECK-NEXT:    br label %catch.dispatch
  ;; CHECK:       catch:
  ;; CHECK-NEXT:    [[SLOT:%.*]] = getelementptr inbounds i8, ptr %exn, i64 16
  ;; CHECK-NEXT:    load i32, ptr [[SLOT]]
  ;; CHECK:       catch.next:
  ;; CHECK-NEXT:    call void @w2n_throw(ptr %exn)
  ;; CHECK:       {{^}}}
  (func $legacy (param i32) (result i32)
    (try (result i32)
      (do (call $thrower (local.get 0)) (i32.const -1))
      (catch $e)))

  ;; catch_all_ref: no tag compare; the exception is the label's value.
  ;; CHECK-LABEL: define internal ptr @f8.all_ref(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK:         invoke void @f1.thrower(
  ;; CHECK:       end:
  ;; CHECK-NEXT:    phi ptr [ %exn, %catch.dispatch ], [ null, %{{.*}} ]
  ;; CHECK-NOT:     icmp
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    %exn = phi ptr
  ;; CHECK-NEXT:    br label %end
  ;; CHECK-NOT:     icmp
  ;; CHECK:         landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:       {{^}}}
  (func $all_ref (param i32) (result exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h)
        (call $thrower (local.get 0)))
      (ref.null exn)))

  ;; delegate to the caller: the landing pad's dispatch throws on.
  ;; CHECK-LABEL: define internal void @f9.delegate_caller(ptr %instance, i32 %0) personality ptr @m_eh_personality {
  ;; CHECK:         invoke void @f1.thrower(
  ;; CHECK-NEXT:            to label %{{.*}} unwind label %[[LPAD:.*]]
  ;; CHECK:       catch.dispatch:
  ;; CHECK-NEXT:    %exn = phi ptr [ [[LPEXN:%.*]], %[[LPAD]] ]
  ;; CHECK-NEXT:    call void @w2n_throw(ptr %exn)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK:       [[LPAD]]:
  ;; CHECK-NEXT:    [[LP:%.*]] = landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NEXT:    {{%.*}} = extractvalue { ptr, i32 } [[LP]], 0
  ;; CHECK:         [[LPEXN]] = {{extractvalue|select}} {{.*}}
  ;; CHECK:       {{^}}}
  (func $delegate_caller (param i32)
    (try (do (call $thrower (local.get 0))) (delegate 0)))

  ;; throw_ref of an exnref: compared with null, to trap 16.
  ;; CHECK-LABEL: define internal void @f10.throw_ref_nullable(ptr %instance, ptr %0) {
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    [[NULL:%.*]] = icmp eq ptr [[R]], null
  ;; CHECK-NEXT:    br i1 [[NULL]], label %[[TRAP:.*]], label %[[OK:[^,]*]], !prof
  ;; CHECK:       [[OK]]:
  ;; CHECK-NEXT:    call void @w2n_throw(ptr [[R]])
  ;; CHECK-NEXT:    unreachable
  ;; CHECK:       [[TRAP]]:
  ;; CHECK-NEXT:    call void @w2n_trap(i32 16)
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NEXT:  }
  (func $throw_ref_nullable (param exnref) (throw_ref (local.get 0)))

  ;; Of a (ref exn): no compare.
  ;; CHECK-LABEL: define internal void @f11.throw_ref_nonnull(ptr %instance, ptr %0) {
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK:         [[R:%.*]] = load ptr, ptr %local0
  ;; CHECK-NEXT:    call void @w2n_throw(ptr [[R]])
  ;; CHECK-NEXT:    unreachable
  ;; CHECK-NOT:     icmp eq ptr
  ;; CHECK-NOT:     @w2n_trap(i32 16)
  ;; CHECK:       {{^}}}
  (func $throw_ref_nonnull (param (ref exn)) (throw_ref (local.get 0)))

  ;; An entry trampoline: invoke; null when the function returned, the
  ;; exception when it threw.
  ;; CHECK-LABEL: define internal ptr @entry(ptr %0, ptr %1, ptr %2, ptr %3) #{{[0-9]+}} personality ptr @m_eh_personality {
  ;; CHECK:         invoke void %0(ptr %1, i32 %{{.*}})
  ;; CHECK-NEXT:            to label %returned unwind label %threw
  ;; CHECK:       returned:
  ;; CHECK-NEXT:    ret ptr null
  ;; CHECK:       threw:
  ;; CHECK-NEXT:    [[LP:%.*]] = landingpad { ptr, i32 }
  ;; CHECK-NEXT:            catch ptr null
  ;; CHECK-NEXT:    {{%.*}} = extractvalue { ptr, i32 } [[LP]], 0
  ;; CHECK:         ret ptr %{{[0-9]+}}
  ;; CHECK-NEXT:  }
  (export "thrower" (func $thrower))
  (export "in_try" (func $in_try))
)

;; A module without tags, as an object (IR and object file) and as an
;; executable; the same with a tag in an executable. In the executables'
;; symbol tables and unwind tables: FDEs only for functions that may unwind.
;; RUN: echo '(module (memory (export "memory") 1) (func $g (export "g") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))) (func (export "_start") (drop (call $g (i32.const 1)))))' > %t.notag.wat
;; RUN: echo '(module (memory (export "memory") 1) (tag) (func $g (export "g") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))) (func (export "_start") (drop (call $g (i32.const 1)))))' > %t.tag.wat
;; RUN: %w2n compile %t.notag.wat --emit=llvm -O0 --prefix=nt -o %t.notag.ll
;; RUN: FileCheck %s --check-prefix=NOTAG-IR < %t.notag.ll
;; RUN: FileCheck %s --check-prefix=NOTAG-ENTRY < %t.notag.ll
;; RUN: %w2n compile %t.notag.wat --emit=obj -O0 --prefix=nt -o %t.notag.o
;; RUN: llvm-nm %t.notag.o | FileCheck %s --check-prefix=NOTAG-OBJ
;; RUN: llvm-readelf -S %t.notag.o | FileCheck %s --check-prefix=EXCEPT-TABLE
;; RUN: %w2n compile %t.notag.wat -O0 -o %t.notag.exe
;; RUN: llvm-nm %t.notag.exe > %t.notag.exe.txt
;; RUN: llvm-dwarfdump --eh-frame %t.notag.exe >> %t.notag.exe.txt
;; RUN: FileCheck %s --check-prefix=NOTAG-EXE < %t.notag.exe.txt
;; RUN: llvm-readelf -S %t.notag.exe | FileCheck %s --check-prefix=NOTAG-SECTIONS
;; RUN: %w2n compile %t.tag.wat -O0 -o %t.tag.exe
;; RUN: llvm-nm %t.tag.exe > %t.tag.exe.txt
;; RUN: llvm-dwarfdump --eh-frame %t.tag.exe >> %t.tag.exe.txt
;; RUN: FileCheck %s --check-prefix=TAG-EXE < %t.tag.exe.txt
;; RUN: llvm-readelf -S %t.tag.exe | FileCheck %s --check-prefixes=EXCEPT-TABLE,TAG-SECTIONS

;; NOTAG-IR-DAG: define internal i32 @nt_eh_personality(
;; NOTAG-IR-DAG: define internal i32 @f0.g(ptr %instance, i32 %0) {{[{]$}}
;; NOTAG-IR-DAG: define internal void @f1(ptr %instance) {{[{]$}}
;; NOTAG-IR-DAG: define internal ptr @entry({{.*}}) #{{[0-9]+}} personality ptr @nt_eh_personality {
;; NOTAG-ENTRY-LABEL: define internal ptr @entry(
;; NOTAG-ENTRY:         invoke i32 %0(
;; NOTAG-ENTRY:         landingpad { ptr, i32 }
;; NOTAG-ENTRY-NEXT:            catch ptr null

;; NOTAG-OBJ: DW.ref.nt_eh_personality
;; NOTAG-OBJ: t nt_eh_personality
;; EXCEPT-TABLE: .gcc_except_table

;; The executable without tags: no personality, and no FDE starts at either
;; function (each FDE's pc= is its first address).
;; NOTAG-EXE-NOT: eh_personality
;; NOTAG-EXE:     {{^}}00000000[[G:[0-9a-f]{8}]] t f0.g
;; NOTAG-EXE-NOT: eh_personality
;; NOTAG-EXE:     {{^}}00000000[[START:[0-9a-f]{8}]] t f1{{$}}
;; NOTAG-EXE-NOT: eh_personality
;; NOTAG-EXE:     CIE
;; NOTAG-EXE-NOT: pc=[[G]]
;; NOTAG-EXE-NOT: pc=[[START]]
;; NOTAG-SECTIONS-NOT: .gcc_except_table
;; NOTAG-SECTIONS-NOT: .eh_frame_hdr

;; With a tag: both have FDEs, and the personality is there.
;; TAG-EXE:     {{^}}00000000[[G:[0-9a-f]{8}]] t f0.g
;; TAG-EXE:     {{^}}00000000[[START:[0-9a-f]{8}]] t f1{{$}}
;; TAG-EXE:     t w2n_eh_personality
;; TAG-EXE-DAG: FDE cie={{[0-9a-f]+}} pc=[[G]]...
;; TAG-EXE-DAG: FDE cie={{[0-9a-f]+}} pc=[[START]]...
;; TAG-SECTIONS: .eh_frame_hdr
