; The entry lli-19 calls in ../unwind.test: unwind-driver.c's w2n_start,
; which never returns.
declare void @w2n_start(i64, ptr, ptr)

define i32 @main(i32 %argc, ptr %argv) {
  %n = sext i32 %argc to i64
  call void @w2n_start(i64 %n, ptr %argv, ptr null)
  unreachable
}
