;; The byte reader's WebAssembly kernel (see src/csv/wasmRecords.ts): splits the records of a
;; buffer of CSV bytes on the delimiter, 16 bytes per step, and looks each cell of a column up
;; among the byte spellings that column has seen, in a hash table. Compiled by
;; scripts/build-kernel.ts into scan.wasm.ts; the JavaScript byte reader (byteRecords.ts) does
;; the same without SIMD and is the fallback.
;;
;; Memory, from address 0 (the caller lays out the rest and passes the addresses to setup):
;;   0     masks: 17 × 16 bytes, mask k keeps the first k bytes of a v128;
;;   512   the hash table (set by setup), entries of 48 bytes: i32 column (-1: free), i32 length,
;;         i32 entry (the dictionary index × 256 + the spelling's code byte), 4 bytes free, then
;;         the spelling's bytes, zero-padded to 32;
;;   the column arrays: kinds (u8 per column: 0 not read, 1 looked up, 2 read but decoded,
;;         3 read as plain digits where it can),
;;         empty (i32 per column: the entry of an empty cell, as in the table, -1: not seen),
;;         unknown (i32 per column: cells of the last scan left to the caller);
;;   the outputs of scan: starts (i32 per record), ends (i32 per record and column: where each
;;         field's terminating byte is), codes (i16 per column and record, column after column:
;;         the dictionary index, -1 for a cell to decode, -2 for a cell of a column not read that
;;         holds only ASCII bytes other than NUL, -3 for a cell of plain digits in numbers),
;;         coded and small (u8 per column and record, laid out as codes: the code byte and the
;;         low byte of the dictionary index of each cell found, anything for a cell not found);
;;   tallies (i32 per column and byte value: how many cells of the column have each code byte,
;;         added to by tally, never cleared);
;;   numbers (f64 per column and record, laid out as codes: the number a cell of a column of
;;         kind 3 spells in plain digits, where its code is -3);
;;   the buffer, followed by 32 bytes the caller sets to LF so that every 16-byte load and every
;;   search for a terminating byte stays inside it.
;;
;; A spelling never holds the delimiter, a quote or a line end (it is the bytes of a cell that
;; the scan cut at the first of those), so a cell equal to a spelling is exactly that cell.
(module
  (memory (export "memory") 1)
  (global $table (mut i32) (i32.const 0))
  (global $slots (mut i32) (i32.const 0)) ;; a power of two
  (global $shift (mut i32) (i32.const 0)) ;; 32 − log2($slots): a hash's top bits pick its slot
  (global $used (mut i32) (i32.const 0))
  (global $kinds (mut i32) (i32.const 0))
  (global $empty (mut i32) (i32.const 0))
  (global $unknown (mut i32) (i32.const 0))
  (global $starts (mut i32) (i32.const 0))
  (global $ends (mut i32) (i32.const 0))
  (global $codes (mut i32) (i32.const 0))
  (global $coded (mut i32) (i32.const 0))
  (global $small (mut i32) (i32.const 0))
  (global $tallies (mut i32) (i32.const 0))
  (global $numbers (mut i32) (i32.const 0))
  (global $width (mut i32) (i32.const 0))
  (global $batch (mut i32) (i32.const 0)) ;; most records per scan
  (global $delimiter (mut v128) (v128.const i64x2 0 0))
  (global $delimiterByte (mut i32) (i32.const 0))
  ;; Where the last scan stopped, and why: 0 at the end of the bytes (or before a record that
  ;; may go on in bytes still to come), 1 before a record for the text reader, 2 batch full.
  (global $stop (export "stop") (mut i32) (i32.const 0))
  (global $why (export "why") (mut i32) (i32.const 0))

  (func (export "setup")
    (param $table i32) (param $slots i32) (param $kinds i32) (param $empty i32) (param $unknown i32)
    (param $starts i32) (param $ends i32) (param $codes i32) (param $width i32) (param $batch i32) (param $delimiter i32)
    (param $coded i32) (param $tallies i32) (param $numbers i32) (param $small i32)
    (local $k i32)
    ;; mask k: bytes 0 … k-1 are 0xff
    (local.set $k (i32.const 0))
    (block $done
      (loop $masks
        (br_if $done (i32.ge_u (local.get $k) (i32.const 272)))
        (i32.store8 (local.get $k)
          (select (i32.const 255) (i32.const 0)
            (i32.lt_u (i32.and (local.get $k) (i32.const 15)) (i32.shr_u (local.get $k) (i32.const 4)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $masks)))
    (global.set $table (local.get $table))
    (global.set $slots (local.get $slots))
    (global.set $shift (i32.add (i32.clz (local.get $slots)) (i32.const 1)))
    (global.set $used (i32.const 0))
    (global.set $kinds (local.get $kinds))
    (global.set $empty (local.get $empty))
    (global.set $unknown (local.get $unknown))
    (global.set $starts (local.get $starts))
    (global.set $ends (local.get $ends))
    (global.set $codes (local.get $codes))
    (global.set $coded (local.get $coded))
    (global.set $small (local.get $small))
    (global.set $tallies (local.get $tallies))
    (global.set $numbers (local.get $numbers))
    (global.set $width (local.get $width))
    (global.set $batch (local.get $batch))
    (global.set $delimiterByte (local.get $delimiter))
    (global.set $delimiter (i8x16.splat (local.get $delimiter)))
    (local.set $k (i32.const 0))
    (block $free
      (loop $clear
        (br_if $free (i32.ge_u (local.get $k) (local.get $slots)))
        (i32.store (i32.add (local.get $table) (i32.mul (local.get $k) (i32.const 48))) (i32.const -1))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $clear))))

  ;; The first 16 bytes of the cell of $length bytes at $at, zero beyond its end.
  (func $head (param $at i32) (param $length i32) (result v128)
    (v128.and (v128.load (local.get $at))
      (v128.load (i32.shl (select (local.get $length) (i32.const 16) (i32.lt_u (local.get $length) (i32.const 16))) (i32.const 4)))))

  ;; Its bytes 16 … 31, zero beyond its end (all zero for a cell of 16 bytes or fewer).
  (func $tail (param $at i32) (param $length i32) (result v128)
    (if (result v128) (i32.le_u (local.get $length) (i32.const 16))
      (then (v128.const i64x2 0 0))
      (else
        (v128.and (v128.load (i32.add (local.get $at) (i32.const 16)))
          (v128.load (i32.shl (i32.sub (local.get $length) (i32.const 16)) (i32.const 4)))))))

;; The hash of a spelling of $length bytes in $column whose first 16 bytes are $v: the top
  ;; 32 bits of a 64-bit multiplicative hash of its two 8-byte halves, its column and length.
  (func $hash (param $column i32) (param $length i32) (param $v v128) (result i32)
    (i32.wrap_i64 (i64.shr_u
      (i64.mul
        (i64.xor
          (i64.xor (i64x2.extract_lane 0 (local.get $v)) (i64.rotl (i64x2.extract_lane 1 (local.get $v)) (i64.const 29)))
          (i64.extend_i32_u (i32.add (i32.mul (local.get $column) (i32.const 0x85ebca6b)) (local.get $length))))
        (i64.const 0x9e3779b97f4a7c15))
      (i64.const 32))))

  ;; Adds the spelling of $length bytes at $at to $column with dictionary index $index (0 … 2^23 − 1)
  ;; and code byte $code (the low 8 bits are kept). Returns 1 when it is added, 2 when the column
  ;; had it, 0 when it is too long or the table is half full.
  (func (export "add") (param $column i32) (param $at i32) (param $length i32) (param $index i32) (param $code i32) (result i32)
    (local $v0 v128) (local $v1 v128) (local $h i32) (local $e i32) (local $c i32)
    (local.set $index (i32.or (i32.shl (local.get $index) (i32.const 8)) (i32.and (local.get $code) (i32.const 255))))
    (if (i32.eqz (local.get $length))
      (then
        (i32.store (i32.add (global.get $empty) (i32.shl (local.get $column) (i32.const 2))) (local.get $index))
        (return (i32.const 1))))
    (if (i32.gt_u (local.get $length) (i32.const 32)) (then (return (i32.const 0))))
    (if (i32.ge_u (i32.shl (global.get $used) (i32.const 1)) (global.get $slots)) (then (return (i32.const 0))))
    (local.set $v0 (call $head (local.get $at) (local.get $length)))
    (local.set $v1 (call $tail (local.get $at) (local.get $length)))
    (local.set $h (i32.shr_u (call $hash (local.get $column) (local.get $length) (local.get $v0)) (global.get $shift)))
    (loop $probe
      (local.set $e (i32.add (global.get $table)
        (i32.mul (i32.and (local.get $h) (i32.sub (global.get $slots) (i32.const 1))) (i32.const 48))))
      (local.set $c (i32.load (local.get $e)))
      (if (i32.ne (local.get $c) (i32.const -1))
        (then
          (if (i32.and
                (i32.and (i32.eq (local.get $c) (local.get $column)) (i32.eq (i32.load offset=4 (local.get $e)) (local.get $length)))
                (i32.and
                  (i8x16.all_true (i8x16.eq (local.get $v0) (v128.load offset=16 (local.get $e))))
                  (i8x16.all_true (i8x16.eq (local.get $v1) (v128.load offset=32 (local.get $e))))))
            (then (return (i32.const 2))))
          (local.set $h (i32.add (local.get $h) (i32.const 1)))
          (br $probe))))
    (i32.store (local.get $e) (local.get $column))
    (i32.store offset=4 (local.get $e) (local.get $length))
    (i32.store offset=8 (local.get $e) (local.get $index))
    (v128.store offset=16 (local.get $e) (local.get $v0))
    (v128.store offset=32 (local.get $e) (local.get $v1))
    (global.set $used (i32.add (global.get $used) (i32.const 1)))
    (i32.const 1))

;; Adds the code bytes of $column's first $count records of the last scan to its tallies.
  (func (export "tally") (param $column i32) (param $count i32)
    (local $at i32) (local $end i32) (local $counts i32) (local $t i32)
    (local.set $at (i32.add (global.get $coded) (i32.mul (local.get $column) (global.get $batch))))
    (local.set $end (i32.add (local.get $at) (local.get $count)))
    (local.set $counts (i32.add (global.get $tallies) (i32.shl (local.get $column) (i32.const 10))))
    (block $done
      (loop $cell
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $t (i32.add (local.get $counts) (i32.shl (i32.load8_u (local.get $at)) (i32.const 2))))
        (i32.store (local.get $t) (i32.add (i32.load (local.get $t)) (i32.const 1)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $cell))))

;; -3 when bytes $from … $to - 1 spell a number in plain digits (1 to 15 ASCII digits, no
  ;; leading zero unless the one digit "0", so that the number gives the cell back and is exact),
  ;; stored at $out as an f64; -1 for any other cell.
  (func $digits (param $from i32) (param $to i32) (param $out i32) (result i32)
    (local $value i64) (local $d i32) (local $at i32)
    (if (i32.or (i32.eq (local.get $from) (local.get $to)) (i32.gt_u (i32.sub (local.get $to) (local.get $from)) (i32.const 15)))
      (then (return (i32.const -1))))
    (if (i32.and (i32.eq (i32.load8_u (local.get $from)) (i32.const 48)) (i32.gt_u (i32.sub (local.get $to) (local.get $from)) (i32.const 1)))
      (then (return (i32.const -1))))
    (local.set $at (local.get $from))
    (block $done
      (loop $digit
        (br_if $done (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $d (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)))
        (if (i32.gt_u (local.get $d) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $value (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $d))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $digit)))
    (f64.store (local.get $out) (f64.convert_i64_u (local.get $value)))
    (i32.const -3))

  ;; 1 when bytes $from … $to - 1 hold one outside ASCII or a NUL.
  (func $odd (param $from i32) (param $to i32) (result i32)
    (local $b i32)
    (block $no
      (loop $byte
        (br_if $no (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $b (i32.load8_u (local.get $from)))
        (if (i32.or (i32.ge_u (local.get $b) (i32.const 128)) (i32.eqz (local.get $b))) (then (return (i32.const 1))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $byte)))
    (i32.const 0))

  ;; Reads the records of bytes $at … $end - 1 whose fields are all unquoted and on one line, at
  ;; most $limit (≤ $batch) of them; returns how many, and leaves in $stop and $why where and why
  ;; it stopped. $final: 1 when no bytes follow $end.
  (func (export "scan") (param $at i32) (param $end i32) (param $final i32) (param $limit i32) (result i32)
    (local $r i32) (local $pos i32) (local $i i32) (local $j i32) (local $f i32) (local $c i32)
    (local $kind i32) (local $code i32) (local $last i32) (local $next i32) (local $u i32) (local $entry i32)
    (local $bits i32) (local $length i32) (local $v0 v128) (local $v1 v128) (local $h i32) (local $e i32) (local $owner i32)
    (local.set $f (i32.const 0))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $f) (global.get $width)))
        (i32.store (i32.add (global.get $unknown) (i32.shl (local.get $f) (i32.const 2))) (i32.const 0))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $zero)))
    (local.set $last (i32.sub (global.get $width) (i32.const 1)))
    (local.set $pos (local.get $at))
    (block $out
      (loop $record
        (if (i32.ge_u (local.get $r) (local.get $limit))
          (then (global.set $why (i32.const 2)) (br $out)))
        (if (i32.ge_u (local.get $pos) (local.get $end))
          (then (global.set $why (i32.const 0)) (br $out)))
        (local.set $c (i32.load8_u (local.get $pos)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13)))
          (then (global.set $why (i32.const 1)) (br $out)))
        (local.set $i (local.get $pos))
        (local.set $f (i32.const 0))
        (loop $field
          ;; The end of the field: the first byte from $i on that is the delimiter, LF, CR or a
          ;; quote, 16 bytes per step. (This and the look-up below run once per cell, so they are
          ;; written out here rather than called.)
          (local.set $j (local.get $i))
          (block $cut
            (loop $step
              (local.set $bits
                (i8x16.bitmask
                  (v128.or
                    (v128.or (i8x16.eq (local.tee $v0 (v128.load (local.get $j))) (global.get $delimiter)) (i8x16.eq (local.get $v0) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34)))
                    (v128.or (i8x16.eq (local.get $v0) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10)) (i8x16.eq (local.get $v0) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))))))
              (br_if $cut (local.get $bits))
              (local.set $j (i32.add (local.get $j) (i32.const 16)))
              (br $step)))
          (local.set $j (i32.add (local.get $j) (i32.ctz (local.get $bits))))
          (if (i32.ge_u (local.get $j) (local.get $end))
            (then (global.set $why (local.get $final)) (br $out)))
          (local.set $c (i32.load8_u (local.get $j)))
          (if (i32.eq (local.get $c) (i32.const 34))
            (then (global.set $why (i32.const 1)) (br $out)))
          (local.set $kind (i32.load8_u (i32.add (global.get $kinds) (local.get $f))))
          (if (i32.eq (local.get $kind) (i32.const 1))
            (then
              ;; The cell's entry in the spelling table (its dictionary index × 256 + its code
              ;; byte), or -1 when its column has no such spelling: the first 32 bytes as two
              ;; zero-padded words, hashed as $hash hashes them, and probed as add probes.
              (local.set $length (i32.sub (local.get $j) (local.get $i)))
              (local.set $entry
                (block $looked (result i32)
                  (if (i32.eqz (local.get $length))
                    (then (br $looked (i32.load (i32.add (global.get $empty) (i32.shl (local.get $f) (i32.const 2)))))))
                  (if (i32.gt_u (local.get $length) (i32.const 32)) (then (br $looked (i32.const -1))))
                  (local.set $v0 (v128.and (v128.load (local.get $i))
                    (v128.load (i32.shl (select (local.get $length) (i32.const 16) (i32.lt_u (local.get $length) (i32.const 16))) (i32.const 4)))))
                  (local.set $v1
                    (if (result v128) (i32.le_u (local.get $length) (i32.const 16))
                      (then (v128.const i64x2 0 0))
                      (else (v128.and (v128.load offset=16 (local.get $i)) (v128.load (i32.shl (i32.sub (local.get $length) (i32.const 16)) (i32.const 4)))))))
                  (local.set $h
                    (i32.wrap_i64 (i64.shr_u
                      (i64.mul
                        (i64.xor
                          (i64.xor (i64x2.extract_lane 0 (local.get $v0)) (i64.rotl (i64x2.extract_lane 1 (local.get $v0)) (i64.const 29)))
                          (i64.extend_i32_u (i32.add (i32.mul (local.get $f) (i32.const 0x85ebca6b)) (local.get $length))))
                        (i64.const 0x9e3779b97f4a7c15))
                      (i64.extend_i32_u (i32.add (global.get $shift) (i32.const 32))))))
                  (loop $probe
                    (local.set $e (i32.add (global.get $table)
                      (i32.mul (i32.and (local.get $h) (i32.sub (global.get $slots) (i32.const 1))) (i32.const 48))))
                    (local.set $owner (i32.load (local.get $e)))
                    (if (i32.eq (local.get $owner) (i32.const -1)) (then (br $looked (i32.const -1))))
                    (if (i32.and
                          (i32.and (i32.eq (local.get $owner) (local.get $f)) (i32.eq (i32.load offset=4 (local.get $e)) (local.get $length)))
                          (i32.eqz (v128.any_true (v128.or
                            (v128.xor (local.get $v0) (v128.load offset=16 (local.get $e)))
                            (v128.xor (local.get $v1) (v128.load offset=32 (local.get $e)))))))
                      (then (br $looked (i32.load offset=8 (local.get $e)))))
                    (local.set $h (i32.add (local.get $h) (i32.const 1)))
                    (br $probe))
                  (i32.const -1)))
              (local.set $u (i32.add (i32.mul (local.get $f) (global.get $batch)) (local.get $r)))
              (i32.store8 (i32.add (global.get $coded) (local.get $u)) (local.get $entry))
              (local.set $code (i32.shr_s (local.get $entry) (i32.const 8)))
              (i32.store8 (i32.add (global.get $small) (local.get $u)) (local.get $code)))
            (else
              (if (i32.eqz (local.get $kind))
                (then (local.set $code (select (i32.const -1) (i32.const -2) (call $odd (local.get $i) (local.get $j)))))
                (else
                  (local.set $code
                    (if (result i32) (i32.eq (local.get $kind) (i32.const 3))
                      (then
                        (call $digits (local.get $i) (local.get $j)
                          (i32.add (global.get $numbers) (i32.shl (i32.add (i32.mul (local.get $f) (global.get $batch)) (local.get $r)) (i32.const 3)))))
                      (else (i32.const -1))))))))
          (i32.store16
            (i32.add (global.get $codes) (i32.shl (i32.add (i32.mul (local.get $f) (global.get $batch)) (local.get $r)) (i32.const 1)))
            (local.get $code))
          (if (i32.eq (local.get $code) (i32.const -1))
            (then
              (local.set $u (i32.add (global.get $unknown) (i32.shl (local.get $f) (i32.const 2))))
              (i32.store (local.get $u) (i32.add (i32.load (local.get $u)) (i32.const 1)))))
          (i32.store
            (i32.add (global.get $ends) (i32.shl (i32.add (i32.mul (local.get $r) (global.get $width)) (local.get $f)) (i32.const 2)))
            (local.get $j))
          (if (i32.lt_u (local.get $f) (local.get $last))
            (then
              ;; Too few fields: the text reader reports the record.
              (if (i32.ne (local.get $c) (global.get $delimiterByte))
                (then (global.set $why (i32.const 1)) (br $out)))
              (local.set $i (i32.add (local.get $j) (i32.const 1)))
              (local.set $f (i32.add (local.get $f) (i32.const 1)))
              (br $field))))
        ;; The last field: too many fields go to the text reader.
        (if (i32.eq (local.get $c) (global.get $delimiterByte))
          (then (global.set $why (i32.const 1)) (br $out)))
        (local.set $next (i32.add (local.get $j) (i32.const 1)))
        (if (i32.eq (local.get $c) (i32.const 13))
          (then
            (if (i32.lt_u (local.get $next) (local.get $end))
              (then
                (if (i32.eq (i32.load8_u (local.get $next)) (i32.const 10))
                  (then (local.set $next (i32.add (local.get $next) (i32.const 1))))))
              (else
                ;; A CR at the end may be the first half of a CRLF still to come.
                (if (i32.eqz (local.get $final))
                  (then (global.set $why (i32.const 0)) (br $out)))))))
        (i32.store (i32.add (global.get $starts) (i32.shl (local.get $r) (i32.const 2))) (local.get $pos))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (local.set $pos (local.get $next))
        (br $record)))
    (global.set $stop (local.get $pos))
    (local.get $r))
)
