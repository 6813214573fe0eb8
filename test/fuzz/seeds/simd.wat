;; A sample of each SIMD family: lane access, shuffles, loads that splat,
;; extend or fill a lane, integer, saturating and float arithmetic,
;; comparisons, narrowing and the tests that reduce to a scalar.
(module
  (memory 1)
  (func (export "simd") (param $p i32) (result i32)
    (local $v v128)
    (local.set $v (v128.load64_splat (local.get $p)))
    (local.set $v
      (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
        (local.get $v) (v128.load8x8_u offset=8 (local.get $p))))
    (local.set $v (i16x8.add_sat_s (local.get $v) (i16x8.splat (i32.const 300))))
    (local.set $v (f32x4.max (local.get $v) (f32x4.convert_i32x4_u (local.get $v))))
    (local.set $v (i8x16.narrow_i16x8_u (local.get $v)
      (i32x4.trunc_sat_f64x2_s_zero (f64x2.sqrt (local.get $v)))))
    (local.set $v (v128.load32_lane 2 (local.get $p) (local.get $v)))
    (v128.store16_lane offset=32 5 (local.get $p) (local.get $v))
    (i32.add
      (i8x16.bitmask (i8x16.gt_s (local.get $v) (i8x16.swizzle (local.get $v) (local.get $v))))
      (i32.add (v128.any_true (v128.bitselect (local.get $v) (v128.not (local.get $v)) (local.get $v)))
               (i16x8.extract_lane_u 7 (i16x8.extmul_high_i8x16_s (local.get $v) (local.get $v)))))))
