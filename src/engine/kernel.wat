;; Also, at the end, the filtered category counts: codePlanes (bit planes of code + 2) and tally.
;; joint(a, b, bytes, rows, columns, out): the rows × columns table of set bits of
;; (plane i of a) ∧ (plane j of b), where plane i of a is the `bytes` (a multiple of 16) bytes
;; at a + i·bytes, and likewise for b; writes the counts row after row as i32 at `out`. Each
;; step's i8x16.popcnt (≤ 8 a byte) is widened into 16-bit lanes (≤ 16 a step) and emptied into
;; 32-bit lanes every 2048 steps, before a 16-bit lane could pass 65535.
;;
;; Pair sums of two two-plane items (v = score − lowest score in 0…3), 128 respondents per step.
;; Compiled by scripts/build-kernel.ts into kernel.wasm.ts; the JavaScript kernel in pairs.ts
;; computes the same sums and is the reference.
;;
;; pair2(pa, a0, a1, a01, pb, b0, b1, b01, m, vectors, out): byte addresses of 16-byte aligned
;; bitsets (presence, plane 0, plane 1, plane 0 ∧ plane 1 of each item, and the filter mask),
;; `vectors` 16-byte steps; writes n, Σvx, Σvy, Σvx², Σvy², Σvxvy as six i32 at `out`.
;;
;; i8x16.popcnt leaves each byte's bit count (≤ 8) in the byte; the weighted sums of one byte
;; (Σ v·w over its eight respondents) are ≤ 8·3·3 = 72 and fit it. They are widened into
;; 16-bit lanes (≤ 2·72 = 144 per step) and emptied into 32-bit lanes every 448 steps, before
;; a 16-bit lane could pass 65535.
(module
  (memory (export "memory") 1)
  (func $sum4 (param $v v128) (result i32)
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
      (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v)))))
  (func (export "pair2")
    (param $pa i32) (param $a0 i32) (param $a1 i32) (param $a01 i32)
    (param $pb i32) (param $b0 i32) (param $b1 i32) (param $b01 i32)
    (param $m i32) (param $vectors i32) (param $out i32)
    (local $off i32) (local $end i32) (local $stop i32)
    (local $j v128) (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local $hn v128) (local $hx v128) (local $hy v128) (local $hxx v128) (local $hyy v128) (local $hxy v128)
    (local $tn v128) (local $tx v128) (local $ty v128) (local $txx v128) (local $tyy v128) (local $txy v128)
    (local.set $end (i32.shl (local.get $vectors) (i32.const 4)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $stop (i32.add (local.get $off) (i32.const 7168))) ;; 448 steps of 16 bytes
        (if (i32.gt_u (local.get $stop) (local.get $end)) (then (local.set $stop (local.get $end))))
        (local.set $hn (v128.const i64x2 0 0))
        (local.set $hx (v128.const i64x2 0 0))
        (local.set $hy (v128.const i64x2 0 0))
        (local.set $hxx (v128.const i64x2 0 0))
        (local.set $hyy (v128.const i64x2 0 0))
        (local.set $hxy (v128.const i64x2 0 0))
        (block $flush
          (loop $inner
            (br_if $flush (i32.ge_u (local.get $off) (local.get $stop)))
            (local.set $j
              (v128.and
                (v128.and
                  (v128.load (i32.add (local.get $pa) (local.get $off)))
                  (v128.load (i32.add (local.get $pb) (local.get $off))))
                (v128.load (i32.add (local.get $m) (local.get $off)))))
            (local.set $x0 (v128.and (local.get $j) (v128.load (i32.add (local.get $a0) (local.get $off)))))
            (local.set $x1 (v128.and (local.get $j) (v128.load (i32.add (local.get $a1) (local.get $off)))))
            (local.set $y0 (v128.and (local.get $j) (v128.load (i32.add (local.get $b0) (local.get $off)))))
            (local.set $y1 (v128.and (local.get $j) (v128.load (i32.add (local.get $b1) (local.get $off)))))
            (local.set $c0 (i8x16.popcnt (local.get $x0)))
            (local.set $c1 (i8x16.popcnt (local.get $x1)))
            (local.set $d0 (i8x16.popcnt (local.get $y0)))
            (local.set $d1 (i8x16.popcnt (local.get $y1)))
            ;; n
            (local.set $hn (i16x8.add (local.get $hn) (i16x8.extadd_pairwise_i8x16_u (i8x16.popcnt (local.get $j)))))
            ;; v = b0 + 2·b1
            (local.set $hx (i16x8.add (local.get $hx) (i16x8.extadd_pairwise_i8x16_u
              (i8x16.add (local.get $c0) (i8x16.shl (local.get $c1) (i32.const 1))))))
            (local.set $hy (i16x8.add (local.get $hy) (i16x8.extadd_pairwise_i8x16_u
              (i8x16.add (local.get $d0) (i8x16.shl (local.get $d1) (i32.const 1))))))
            ;; v² = b0 + 4·b1 + 4·b0·b1
            (local.set $hxx (i16x8.add (local.get $hxx) (i16x8.extadd_pairwise_i8x16_u
              (i8x16.add (local.get $c0) (i8x16.shl
                (i8x16.add (local.get $c1) (i8x16.popcnt (v128.and (local.get $j) (v128.load (i32.add (local.get $a01) (local.get $off))))))
                (i32.const 2))))))
            (local.set $hyy (i16x8.add (local.get $hyy) (i16x8.extadd_pairwise_i8x16_u
              (i8x16.add (local.get $d0) (i8x16.shl
                (i8x16.add (local.get $d1) (i8x16.popcnt (v128.and (local.get $j) (v128.load (i32.add (local.get $b01) (local.get $off))))))
                (i32.const 2))))))
            ;; vx·vy = x0y0 + 2·(x0y1 + x1y0) + 4·x1y1
            (local.set $hxy (i16x8.add (local.get $hxy) (i16x8.extadd_pairwise_i8x16_u
              (i8x16.add
                (i8x16.add
                  (i8x16.popcnt (v128.and (local.get $x0) (local.get $y0)))
                  (i8x16.shl
                    (i8x16.add (i8x16.popcnt (v128.and (local.get $x0) (local.get $y1))) (i8x16.popcnt (v128.and (local.get $x1) (local.get $y0))))
                    (i32.const 1)))
                (i8x16.shl (i8x16.popcnt (v128.and (local.get $x1) (local.get $y1))) (i32.const 2))))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $inner)))
        (local.set $tn (i32x4.add (local.get $tn) (i32x4.extadd_pairwise_i16x8_u (local.get $hn))))
        (local.set $tx (i32x4.add (local.get $tx) (i32x4.extadd_pairwise_i16x8_u (local.get $hx))))
        (local.set $ty (i32x4.add (local.get $ty) (i32x4.extadd_pairwise_i16x8_u (local.get $hy))))
        (local.set $txx (i32x4.add (local.get $txx) (i32x4.extadd_pairwise_i16x8_u (local.get $hxx))))
        (local.set $tyy (i32x4.add (local.get $tyy) (i32x4.extadd_pairwise_i16x8_u (local.get $hyy))))
        (local.set $txy (i32x4.add (local.get $txy) (i32x4.extadd_pairwise_i16x8_u (local.get $hxy))))
        (br $outer)))
    (i32.store offset=0 (local.get $out) (call $sum4 (local.get $tn)))
    (i32.store offset=4 (local.get $out) (call $sum4 (local.get $tx)))
    (i32.store offset=8 (local.get $out) (call $sum4 (local.get $ty)))
    (i32.store offset=12 (local.get $out) (call $sum4 (local.get $txx)))
    (i32.store offset=16 (local.get $out) (call $sum4 (local.get $tyy)))
    (i32.store offset=20 (local.get $out) (call $sum4 (local.get $txy))))
  (func (export "joint")
    (param $a i32) (param $b i32) (param $bytes i32) (param $rows i32) (param $columns i32) (param $out i32)
    (local $i i32) (local $j i32) (local $pa i32) (local $pb i32) (local $off i32) (local $stop i32)
    (local $h v128) (local $t v128)
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $bytes))))
        (local.set $j (i32.const 0))
        (block $columnsDone
          (loop $columnLoop
            (br_if $columnsDone (i32.ge_u (local.get $j) (local.get $columns)))
            (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bytes))))
            (local.set $t (v128.const i64x2 0 0))
            (local.set $off (i32.const 0))
            (block $done
              (loop $outer
                (br_if $done (i32.ge_u (local.get $off) (local.get $bytes)))
                (local.set $stop (i32.add (local.get $off) (i32.const 32768))) ;; 2048 steps of 16 bytes
                (if (i32.gt_u (local.get $stop) (local.get $bytes)) (then (local.set $stop (local.get $bytes))))
                (local.set $h (v128.const i64x2 0 0))
                (block $flush
                  (loop $inner
                    (br_if $flush (i32.ge_u (local.get $off) (local.get $stop)))
                    (local.set $h (i16x8.add (local.get $h) (i16x8.extadd_pairwise_i8x16_u (i8x16.popcnt
                      (v128.and
                        (v128.load (i32.add (local.get $pa) (local.get $off)))
                        (v128.load (i32.add (local.get $pb) (local.get $off))))))))
                    (local.set $off (i32.add (local.get $off) (i32.const 16)))
                    (br $inner)))
                (local.set $t (i32x4.add (local.get $t) (i32x4.extadd_pairwise_i16x8_u (local.get $h))))
                (br $outer)))
            (i32.store
              (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $columns)) (local.get $j)) (i32.const 2)))
              (call $sum4 (local.get $t)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columnLoop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rowLoop))))
  ;; codePlanes(codes, steps, out, stride, count) -> seen: the bit planes of v = code + 2 of the
  ;; int8 codes at `codes`, 16 codes a step over `steps` steps; plane b of step s is the i16 at
  ;; out + b·stride + 2s (stride in bytes), so plane b is a bitset with respondent i at bit
  ;; (i mod 32) of word (i div 32). Shifting each lane left by 7 − b moves bit b of its v into the
  ;; lane's sign bit, and i8x16.bitmask gathers the 16 sign bits. `count` is 3 or 4 planes.
  ;; Returns bit 0 set when some cell has v = 0 and bit 1 when some cell has v = 7.
  (func (export "codePlanes")
    (param $codes i32) (param $steps i32) (param $out i32) (param $stride i32) (param $count i32) (result i32)
    (local $s i32) (local $at i32) (local $v v128) (local $two v128) (local $seen0 v128) (local $seen7 v128)
    (local.set $two (i8x16.splat (i32.const 2)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $s) (local.get $steps)))
        (local.set $v (i8x16.add (v128.load (i32.add (local.get $codes) (i32.shl (local.get $s) (i32.const 4)))) (local.get $two)))
        (local.set $seen0 (v128.or (local.get $seen0) (i8x16.eq (local.get $v) (v128.const i64x2 0 0))))
        (local.set $seen7 (v128.or (local.get $seen7) (i8x16.eq (local.get $v) (i8x16.splat (i32.const 7)))))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $s) (i32.const 1))))
        (i32.store16 (local.get $at) (i8x16.bitmask (i8x16.shl (local.get $v) (i32.const 7))))
        (i32.store16 (i32.add (local.get $at) (local.get $stride)) (i8x16.bitmask (i8x16.shl (local.get $v) (i32.const 6))))
        (i32.store16 (i32.add (local.get $at) (i32.shl (local.get $stride) (i32.const 1))) (i8x16.bitmask (i8x16.shl (local.get $v) (i32.const 5))))
        (if (i32.eq (local.get $count) (i32.const 4))
          (then (i32.store16 (i32.add (local.get $at) (i32.mul (local.get $stride) (i32.const 3))) (i8x16.bitmask (i8x16.shl (local.get $v) (i32.const 4))))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $step)))
    (i32.or
      (v128.any_true (local.get $seen0))
      (i32.shl (v128.any_true (local.get $seen7)) (i32.const 1))))
  ;; gather(codes, rows, count, out): out[k] = codes[rows[k]] for k < count, bytes gathered by
  ;; the i32 positions at `rows` (the kept respondents of a filter, for levelPlanes).
  (func (export "gather")
    (param $codes i32) (param $rows i32) (param $count i32) (param $out i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (i32.store8 (i32.add (local.get $out) (local.get $k))
          (i32.load8_u (i32.add (local.get $codes) (i32.load (i32.add (local.get $rows) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
  ;; levelPlanes(codes, steps, table, out, stride, count): the presence bitset and the `count`
  ;; (2 or 3) bit planes of v of the int8 category codes at `codes`, 16 a step over `steps`
  ;; steps, for the pair kernels (planes.ts). `table` holds 16 bytes: v + 1 for each substantive
  ;; category index 0…15, 0 for the others. i8x16.swizzle looks every code up at once (an index
  ;; of 16 or more, a negative code among them, reads 0: absent). Presence is the i16 at
  ;; out + 2s, plane b the i16 at out + (b + 1)·stride + 2s; an absent cell's bits are cleared.
  (func (export "levelPlanes")
    (param $codes i32) (param $steps i32) (param $table i32) (param $out i32) (param $stride i32) (param $count i32)
    (local $s i32) (local $at i32) (local $present i32) (local $lut v128) (local $t v128) (local $u v128)
    (local.set $lut (v128.load (local.get $table)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $s) (local.get $steps)))
        (local.set $t (i8x16.swizzle (local.get $lut) (v128.load (i32.add (local.get $codes) (i32.shl (local.get $s) (i32.const 4))))))
        (local.set $present (i8x16.bitmask (i8x16.ne (local.get $t) (v128.const i64x2 0 0))))
        (local.set $u (i8x16.sub (local.get $t) (i8x16.splat (i32.const 1))))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $s) (i32.const 1))))
        (i32.store16 (local.get $at) (local.get $present))
        (local.set $at (i32.add (local.get $at) (local.get $stride)))
        (i32.store16 (local.get $at) (i32.and (local.get $present) (i8x16.bitmask (i8x16.shl (local.get $u) (i32.const 7)))))
        (local.set $at (i32.add (local.get $at) (local.get $stride)))
        (i32.store16 (local.get $at) (i32.and (local.get $present) (i8x16.bitmask (i8x16.shl (local.get $u) (i32.const 6)))))
        (if (i32.eq (local.get $count) (i32.const 3))
          (then (i32.store16 (i32.add (local.get $at) (local.get $stride))
            (i32.and (local.get $present) (i8x16.bitmask (i8x16.shl (local.get $u) (i32.const 5)))))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $step))))
    ;; tally(m, p0, p1, p2, vectors, out): for each nonempty S ⊆ {0, 1, 2}, the set bits of
  ;; m ∧ ⋀_{b ∈ S} p_b over `vectors` 16-byte steps of 16-byte aligned bitsets, as seven i32 at
  ;; out + 4·(S − 1) (S read as a 3-bit number: bit b for plane b). The counts per value of
  ;; code + 2 follow by inclusion and exclusion (wasmKernel.ts). Steps whose mask is zero are
  ;; skipped. Counted a 64-bit word at a time with i64.popcnt (one instruction on x86-64 and
  ;; on arm64 a short NEON sequence) into 64-bit sums: on x86 without AVX-512 i8x16.popcnt is a
  ;; table lookup of about eight instructions, and the scalar words took 3.5 ns a 16-byte step
  ;; of tally5 against 4.7 ns for the byte-lane version (docs/performance.md).
  (func (export "tally")
    (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $vectors i32) (param $out i32)
    (local $off i32) (local $end i32)
    (local $j i64) (local $k i64) (local $a i64) (local $b i64) (local $ab i64) (local $q1 i64) (local $q2 i64)
    (local $c1 i64) (local $c2 i64) (local $c3 i64) (local $c4 i64) (local $c5 i64) (local $c6 i64) (local $c7 i64)
    (local.set $end (i32.shl (local.get $vectors) (i32.const 4)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $j (i64.load (i32.add (local.get $m) (local.get $off))))
        (local.set $k (i64.load offset=8 (i32.add (local.get $m) (local.get $off))))
        (if (i64.eqz (i64.or (local.get $j) (local.get $k)))
          (then
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $step)))
        (local.set $q1 (i64.load (i32.add (local.get $p1) (local.get $off))))
        (local.set $q2 (i64.load (i32.add (local.get $p2) (local.get $off))))
        (local.set $a (i64.and (local.get $j) (i64.load (i32.add (local.get $p0) (local.get $off)))))
        (local.set $b (i64.and (local.get $j) (local.get $q1)))
        (local.set $ab (i64.and (local.get $a) (local.get $q1)))
        (local.set $c1 (i64.add (local.get $c1) (i64.popcnt (local.get $a))))
        (local.set $c2 (i64.add (local.get $c2) (i64.popcnt (local.get $b))))
        (local.set $c3 (i64.add (local.get $c3) (i64.popcnt (local.get $ab))))
        (local.set $c4 (i64.add (local.get $c4) (i64.popcnt (i64.and (local.get $j) (local.get $q2)))))
        (local.set $c5 (i64.add (local.get $c5) (i64.popcnt (i64.and (local.get $a) (local.get $q2)))))
        (local.set $c6 (i64.add (local.get $c6) (i64.popcnt (i64.and (local.get $b) (local.get $q2)))))
        (local.set $c7 (i64.add (local.get $c7) (i64.popcnt (i64.and (local.get $ab) (local.get $q2)))))
        (local.set $j (local.get $k))
        (local.set $q1 (i64.load offset=8 (i32.add (local.get $p1) (local.get $off))))
        (local.set $q2 (i64.load offset=8 (i32.add (local.get $p2) (local.get $off))))
        (local.set $a (i64.and (local.get $j) (i64.load offset=8 (i32.add (local.get $p0) (local.get $off)))))
        (local.set $b (i64.and (local.get $j) (local.get $q1)))
        (local.set $ab (i64.and (local.get $a) (local.get $q1)))
        (local.set $c1 (i64.add (local.get $c1) (i64.popcnt (local.get $a))))
        (local.set $c2 (i64.add (local.get $c2) (i64.popcnt (local.get $b))))
        (local.set $c3 (i64.add (local.get $c3) (i64.popcnt (local.get $ab))))
        (local.set $c4 (i64.add (local.get $c4) (i64.popcnt (i64.and (local.get $j) (local.get $q2)))))
        (local.set $c5 (i64.add (local.get $c5) (i64.popcnt (i64.and (local.get $a) (local.get $q2)))))
        (local.set $c6 (i64.add (local.get $c6) (i64.popcnt (i64.and (local.get $b) (local.get $q2)))))
        (local.set $c7 (i64.add (local.get $c7) (i64.popcnt (i64.and (local.get $ab) (local.get $q2)))))
        (local.set $off (i32.add (local.get $off) (i32.const 16)))
        (br $step)))
    (i32.store offset=0 (local.get $out) (i32.wrap_i64 (local.get $c1)))
    (i32.store offset=4 (local.get $out) (i32.wrap_i64 (local.get $c2)))
    (i32.store offset=8 (local.get $out) (i32.wrap_i64 (local.get $c3)))
    (i32.store offset=12 (local.get $out) (i32.wrap_i64 (local.get $c4)))
    (i32.store offset=16 (local.get $out) (i32.wrap_i64 (local.get $c5)))
    (i32.store offset=20 (local.get $out) (i32.wrap_i64 (local.get $c6)))
    (i32.store offset=24 (local.get $out) (i32.wrap_i64 (local.get $c7))))
  ;; tally5(m, p0, p1, p2, vectors, out): the first five counts of `tally` (S = 1…5), for columns
  ;; in which no cell has v = 0 or v = 7: then S = 7 counts nothing and S = 6 follows from the
  ;; others (wasmKernel.ts), and their two popcounts a word are left out.
  (func (export "tally5")
    (param $m i32) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $vectors i32) (param $out i32)
    (local $off i32) (local $end i32)
    (local $j i64) (local $k i64) (local $a i64) (local $b i64) (local $ab i64) (local $q1 i64) (local $q2 i64)
    (local $c1 i64) (local $c2 i64) (local $c3 i64) (local $c4 i64) (local $c5 i64)
    (local.set $end (i32.shl (local.get $vectors) (i32.const 4)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $j (i64.load (i32.add (local.get $m) (local.get $off))))
        (local.set $k (i64.load offset=8 (i32.add (local.get $m) (local.get $off))))
        (if (i64.eqz (i64.or (local.get $j) (local.get $k)))
          (then
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $step)))
        (local.set $q1 (i64.load (i32.add (local.get $p1) (local.get $off))))
        (local.set $q2 (i64.load (i32.add (local.get $p2) (local.get $off))))
        (local.set $a (i64.and (local.get $j) (i64.load (i32.add (local.get $p0) (local.get $off)))))
        (local.set $b (i64.and (local.get $j) (local.get $q1)))
        (local.set $ab (i64.and (local.get $a) (local.get $q1)))
        (local.set $c1 (i64.add (local.get $c1) (i64.popcnt (local.get $a))))
        (local.set $c2 (i64.add (local.get $c2) (i64.popcnt (local.get $b))))
        (local.set $c3 (i64.add (local.get $c3) (i64.popcnt (local.get $ab))))
        (local.set $c4 (i64.add (local.get $c4) (i64.popcnt (i64.and (local.get $j) (local.get $q2)))))
        (local.set $c5 (i64.add (local.get $c5) (i64.popcnt (i64.and (local.get $a) (local.get $q2)))))
        (local.set $j (local.get $k))
        (local.set $q1 (i64.load offset=8 (i32.add (local.get $p1) (local.get $off))))
        (local.set $q2 (i64.load offset=8 (i32.add (local.get $p2) (local.get $off))))
        (local.set $a (i64.and (local.get $j) (i64.load offset=8 (i32.add (local.get $p0) (local.get $off)))))
        (local.set $b (i64.and (local.get $j) (local.get $q1)))
        (local.set $ab (i64.and (local.get $a) (local.get $q1)))
        (local.set $c1 (i64.add (local.get $c1) (i64.popcnt (local.get $a))))
        (local.set $c2 (i64.add (local.get $c2) (i64.popcnt (local.get $b))))
        (local.set $c3 (i64.add (local.get $c3) (i64.popcnt (local.get $ab))))
        (local.set $c4 (i64.add (local.get $c4) (i64.popcnt (i64.and (local.get $j) (local.get $q2)))))
        (local.set $c5 (i64.add (local.get $c5) (i64.popcnt (i64.and (local.get $a) (local.get $q2)))))
        (local.set $off (i32.add (local.get $off) (i32.const 16)))
        (br $step)))
    (i32.store offset=0 (local.get $out) (i32.wrap_i64 (local.get $c1)))
    (i32.store offset=4 (local.get $out) (i32.wrap_i64 (local.get $c2)))
    (i32.store offset=8 (local.get $out) (i32.wrap_i64 (local.get $c3)))
    (i32.store offset=12 (local.get $out) (i32.wrap_i64 (local.get $c4)))
    (i32.store offset=16 (local.get $out) (i32.wrap_i64 (local.get $c5)))))
