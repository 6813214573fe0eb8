;; Scalar arithmetic of the four types: traps (division, conversion),
;; saturating conversions, sign extension, reinterpretation, NaN-producing
;; float operations.
(module
  (func (export "i32") (param i32 i32) (result i32)
    (i32.xor
      (i32.div_s (local.get 0) (local.get 1))
      (i32.rotl (i32.popcnt (local.get 0)) (i32.clz (local.get 1)))))
  (func (export "i64") (param i64 i64) (result i64)
    (i64.rem_u
      (i64.extend32_s (i64.mul (local.get 0) (local.get 1)))
      (i64.or (local.get 1) (i64.const 1))))
  (func (export "f32") (param f32 f32) (result f32)
    (f32.copysign
      (f32.sqrt (f32.min (local.get 0) (local.get 1)))
      (f32.nearest (local.get 1))))
  (func (export "f64") (param f64) (result i32)
    (i32.add
      (i32.trunc_f64_s (local.get 0))
      (i32.trunc_sat_f64_u (f64.div (local.get 0) (f64.const 0)))))
  (func (export "bits") (param i64) (result f64)
    (f64.add
      (f64.reinterpret_i64 (local.get 0))
      (f64.promote_f32 (f32.demote_f64 (f64.convert_i64_u (local.get 0)))))))
