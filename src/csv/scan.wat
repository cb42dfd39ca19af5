;; The byte reader's WebAssembly kernel (see src/csv/wasmRecords.ts): splits the records of a
;; buffer of CSV bytes on the delimiter, 64 bytes per step, then codes the batch column by
;; column, looking each cell of a column up among the byte spellings that column has seen.
;; Compiled by scripts/build-kernel.ts into scan.wasm.ts; the JavaScript byte reader
;; (byteRecords.ts) does the same without SIMD and is the fallback.
;;
;; Memory, from address 0 (the caller lays out the rest and passes the addresses to setup):
;;   0     masks: 17 × 16 bytes, mask k keeps the first k bytes of a v128;
;;   512   the hash table (set by setup), entries of 48 bytes: i32 column (-1: free), i32 length,
;;         i32 entry (the dictionary index × 256 + the spelling's code byte), 4 bytes free, then
;;         the spelling's bytes, zero-padded to 32;
;;   the column arrays: kinds (u8 per column: 0 not read, 1 looked up, 2 read but decoded,
;;         3 read as plain digits where it can),
;;         firsts (33 slots of 48 bytes per column, one per length 0 … 32: the first spelling of
;;         that length the column was given, as its bytes zero-padded to 32, then its i32 entry,
;;         -1 while there is none: most cells are found there, without hashing),
;;         unknown (i32 per column: cells of the last scan left to the caller),
;;         narrow (u8 per column: 1 when the last scan found every cell of a looked-up column
;;         with a dictionary index below 256, so that small holds the indices and codes was not
;;         written);
;;   the outputs of scan: ends (i32 per record and column, plus one: a row per record, the
;;         address of the byte before the record, then where each field's terminating byte is),
;;         codes (i16 per column and record, column after column: the dictionary index, -1 for a
;;         cell to decode, -2 for a cell of a column not read that holds only ASCII bytes other
;;         than NUL, -3 for a cell of plain digits in numbers),
;;         coded and small (u8 per column and record, laid out as codes: the code byte and the
;;         low byte of the dictionary index of each cell found, anything for a cell not found);
;;   tallies (i32 per column and byte value: how many cells of the column have each code byte,
;;         over the batches of a looked-up column whose every cell was found; never cleared);
;;   numbers (f64 per column and record, laid out as codes: the number a cell of a column of
;;         kind 3 spells in plain digits, where its code is -3);
;;   the buffer, followed by 64 bytes the caller sets to LF so that every 64-byte load and every
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
  (global $firsts (mut i32) (i32.const 0))
  (global $unknown (mut i32) (i32.const 0))
  (global $narrow (mut i32) (i32.const 0))
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
    (param $table i32) (param $slots i32) (param $kinds i32) (param $firsts i32) (param $unknown i32)
    (param $narrow i32) (param $ends i32) (param $codes i32) (param $width i32) (param $batch i32) (param $delimiter i32)
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
    (global.set $firsts (local.get $firsts))
    (global.set $unknown (local.get $unknown))
    (global.set $narrow (local.get $narrow))
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
        (br $clear)))
    ;; Every first slot empty: zero bytes (as the memory starts) and entry -1.
    (local.set $k (i32.const 0))
    (block $none
      (loop $vacate
        (br_if $none (i32.ge_u (local.get $k) (i32.mul (local.get $width) (i32.const 33))))
        (i32.store offset=32 (i32.add (local.get $firsts) (i32.mul (local.get $k) (i32.const 48))) (i32.const -1))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $vacate))))

  ;; The first 16 bytes of the cell of $length bytes at $at, zero beyond its end.
  (func $head (param $at i32) (param $length i32) (result v128)
    (v128.and (v128.load (local.get $at))
      (v128.load (i32.shl (select (local.get $length) (i32.const 16) (i32.lt_u (local.get $length) (i32.const 16))) (i32.const 4)))))

  ;; Its bytes 16 … 31, zero beyond its end (all zero for a cell of 16 bytes or fewer).
  ;; (Mask 0 clears the whole word, without a branch: a column's lengths follow no pattern.)
  (func $tail (param $at i32) (param $length i32) (result v128)
    (v128.and (v128.load offset=16 (local.get $at))
      (v128.load (i32.shl (select (i32.sub (local.get $length) (i32.const 16)) (i32.const 0) (i32.gt_u (local.get $length) (i32.const 16))) (i32.const 4)))))

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
    (local $v0 v128) (local $v1 v128) (local $h i32) (local $e i32) (local $c i32) (local $first i32)
    (local.set $index (i32.or (i32.shl (local.get $index) (i32.const 8)) (i32.and (local.get $code) (i32.const 255))))
    (if (i32.gt_u (local.get $length) (i32.const 32)) (then (return (i32.const 0))))
    (local.set $first (i32.add (global.get $firsts) (i32.mul (i32.add (i32.mul (local.get $column) (i32.const 33)) (local.get $length)) (i32.const 48))))
    (if (i32.eqz (local.get $length))
      (then
        ;; An empty cell has one spelling, kept in its first slot only.
        (if (i32.ne (i32.load offset=32 (local.get $first)) (i32.const -1)) (then (return (i32.const 2))))
        (i32.store offset=32 (local.get $first) (local.get $index))
        (return (i32.const 1))))
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
    ;; The column's first spelling of this length is also found in its first slot.
    (if (i32.eq (i32.load offset=32 (local.get $first)) (i32.const -1))
      (then
        (v128.store (local.get $first) (local.get $v0))
        (v128.store offset=16 (local.get $first) (local.get $v1))
        (i32.store offset=32 (local.get $first) (local.get $index))))
    (i32.const 1))

  ;; The entry of the spelling of $length bytes (1 … 32) in $column whose bytes, zero-padded to
  ;; 32, are $v0 and $v1, or -1 when the column has none: the hash table probed as add probes it.
  (func $probe (param $column i32) (param $length i32) (param $v0 v128) (param $v1 v128) (result i32)
    (local $h i32) (local $e i32) (local $owner i32)
    (local.set $h (i32.shr_u (call $hash (local.get $column) (local.get $length) (local.get $v0)) (global.get $shift)))
    (loop $probe
      (local.set $e (i32.add (global.get $table)
        (i32.mul (i32.and (local.get $h) (i32.sub (global.get $slots) (i32.const 1))) (i32.const 48))))
      (local.set $owner (i32.load (local.get $e)))
      (if (i32.eq (local.get $owner) (i32.const -1)) (then (return (i32.const -1))))
      (if (i32.and
            (i32.and (i32.eq (local.get $owner) (local.get $column)) (i32.eq (i32.load offset=4 (local.get $e)) (local.get $length)))
            (i32.eqz (v128.any_true (v128.or
              (v128.xor (local.get $v0) (v128.load offset=16 (local.get $e)))
              (v128.xor (local.get $v1) (v128.load offset=32 (local.get $e)))))))
        (then (return (i32.load offset=8 (local.get $e)))))
      (local.set $h (i32.add (local.get $h) (i32.const 1)))
      (br $probe))
    (i32.const -1))

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
  ;; it stopped. $final: 1 when no bytes follow $end. The records are split first (into ends),
  ;; then their cells coded column by column ($code).
  (func (export "scan") (param $at i32) (param $end i32) (param $final i32) (param $limit i32) (result i32)
    (local $r i32) (local $pos i32) (local $j i32) (local $c i32) (local $next i32) (local $f i32)
    (local $p i32) (local $rowEnd i32) (local $rowBytes i32) (local $delimiter i32)
    (local $base i32) (local $m i64) (local $first i32) (local $subLimit i32) (local $subEnd i32)
    (local $v v128) (local $d v128) (local $quote v128) (local $lf v128) (local $cr v128)
    (local.set $rowBytes (i32.shl (i32.add (global.get $width) (i32.const 1)) (i32.const 2)))
    (local.set $delimiter (global.get $delimiterByte))
    (local.set $d (global.get $delimiter))
    (local.set $quote (i8x16.splat (i32.const 34)))
    (local.set $lf (i8x16.splat (i32.const 10)))
    (local.set $cr (i8x16.splat (i32.const 13)))
    ;; Where the next record's row of ends goes.
    (local.set $p (global.get $ends))
    (local.set $pos (local.get $at))
    ;; $m holds the marks (delimiter, quote, LF, CR) of the 64 bytes from $base not yet passed,
    ;; one bit each; each field ends at the lowest. None yet: the first search marks those from $at.
    (local.set $base (i32.sub (local.get $at) (i32.const 64)))
    ;; Nothing left to the caller yet; a looked-up column's indices are in small until a cell
    ;; needs codes.
    (block $ready
      (loop $columns
        (br_if $ready (i32.ge_u (local.get $f) (global.get $width)))
        (i32.store (i32.add (global.get $unknown) (i32.shl (local.get $f) (i32.const 2))) (i32.const 0))
        (i32.store8 (i32.add (global.get $narrow) (local.get $f))
          (i32.eq (i32.load8_u (i32.add (global.get $kinds) (local.get $f))) (i32.const 1)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $columns)))
    ;; The records are split and coded 256 at a time (or fewer, to stay within 64 kB), so that
    ;; their bytes and ends are still in the cache when each column is coded.
    (local.set $subLimit (select (local.get $limit) (i32.const 256) (i32.lt_u (local.get $limit) (i32.const 256))))
    (local.set $subEnd (i32.add (local.get $at) (i32.const 65536)))
    (block $out
      (loop $record
        (if (i32.or (i32.ge_u (local.get $r) (local.get $subLimit)) (i32.ge_u (local.get $pos) (local.get $subEnd)))
          (then
            (if (i32.ge_u (local.get $r) (local.get $limit))
              (then (global.set $why (i32.const 2)) (br $out)))
            (call $codeRecords (local.get $first) (local.get $r))
            (local.set $first (local.get $r))
            (local.set $subLimit (i32.add (local.get $r) (i32.const 256)))
            (if (i32.gt_u (local.get $subLimit) (local.get $limit)) (then (local.set $subLimit (local.get $limit))))
            (local.set $subEnd (i32.add (local.get $pos) (i32.const 65536)))))
        (if (i32.ge_u (local.get $pos) (local.get $end))
          (then (global.set $why (i32.const 0)) (br $out)))
        (local.set $c (i32.load8_u (local.get $pos)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13)))
          (then (global.set $why (i32.const 1)) (br $out)))
        ;; The row starts with the byte before the record (so that field f starts one byte
        ;; after entry f and ends at entry f + 1).
        (i32.store (local.get $p) (i32.sub (local.get $pos) (i32.const 1)))
        (local.set $rowEnd (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (loop $field
          (block $marked
            (loop $block
              (br_if $marked (i64.ne (local.get $m) (i64.const 0)))
              (local.set $base (i32.add (local.get $base) (i32.const 64)))
              (local.set $m
                (i64.or
                  (i64.or
                    (i64.extend_i32_u (i8x16.bitmask (v128.or
                      (v128.or (i8x16.eq (local.tee $v (v128.load (local.get $base))) (local.get $d)) (i8x16.eq (local.get $v) (local.get $quote)))
                      (v128.or (i8x16.eq (local.get $v) (local.get $lf)) (i8x16.eq (local.get $v) (local.get $cr))))))
                    (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
                      (v128.or (i8x16.eq (local.tee $v (v128.load offset=16 (local.get $base))) (local.get $d)) (i8x16.eq (local.get $v) (local.get $quote)))
                      (v128.or (i8x16.eq (local.get $v) (local.get $lf)) (i8x16.eq (local.get $v) (local.get $cr)))))) (i64.const 16)))
                  (i64.or
                    (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
                      (v128.or (i8x16.eq (local.tee $v (v128.load offset=32 (local.get $base))) (local.get $d)) (i8x16.eq (local.get $v) (local.get $quote)))
                      (v128.or (i8x16.eq (local.get $v) (local.get $lf)) (i8x16.eq (local.get $v) (local.get $cr)))))) (i64.const 32))
                    (i64.shl (i64.extend_i32_u (i8x16.bitmask (v128.or
                      (v128.or (i8x16.eq (local.tee $v (v128.load offset=48 (local.get $base))) (local.get $d)) (i8x16.eq (local.get $v) (local.get $quote)))
                      (v128.or (i8x16.eq (local.get $v) (local.get $lf)) (i8x16.eq (local.get $v) (local.get $cr)))))) (i64.const 48)))))
              (br $block)))
          (local.set $j (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (local.get $m)))))
          (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
          (if (i32.ge_u (local.get $j) (local.get $end))
            (then (global.set $why (local.get $final)) (br $out)))
          (local.set $c (i32.load8_u (local.get $j)))
          (i32.store (local.get $p) (local.get $j))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (if (i32.lt_u (local.get $p) (local.get $rowEnd))
            (then
              ;; A field before the last ends at the delimiter; anything else (a quote, a line
              ;; end: too few fields) goes to the text reader, which reports the record.
              (br_if $field (i32.eq (local.get $c) (local.get $delimiter)))
              (global.set $why (i32.const 1))
              (br $out))))
        ;; The last field ends the record at LF or CR; a delimiter (too many fields) or a quote
        ;; goes to the text reader.
        (local.set $next (i32.add (local.get $j) (i32.const 1)))
        (if (i32.ne (local.get $c) (i32.const 10))
          (then
            (if (i32.ne (local.get $c) (i32.const 13))
              (then (global.set $why (i32.const 1)) (br $out)))
            (if (i32.lt_u (local.get $next) (local.get $end))
              (then
                (if (i32.eq (i32.load8_u (local.get $next)) (i32.const 10))
                  (then
                    (local.set $next (i32.add (local.get $next) (i32.const 1)))
                    ;; The LF's mark is passed too (it may be the first of the next 64 bytes).
                    (if (i32.lt_u (i32.sub (local.get $next) (local.get $base)) (i32.const 64))
                      (then (local.set $m (i64.and (local.get $m) (i64.shl (i64.const -1) (i64.extend_i32_u (i32.sub (local.get $next) (local.get $base)))))))
                      (else
                        (local.set $base (i32.sub (local.get $next) (i32.const 64)))
                        (local.set $m (i64.const 0)))))))
              (else
                ;; A CR at the end may be the first half of a CRLF still to come.
                (if (i32.eqz (local.get $final))
                  (then (global.set $why (i32.const 0)) (br $out)))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (local.set $pos (local.get $next))
        (br $record)))
    (global.set $stop (local.get $pos))
    (call $codeRecords (local.get $first) (local.get $r))
    (local.get $r))

  ;; Codes records $from … $to - 1 of the last scan, column after column.
  (func $codeRecords (param $from i32) (param $to i32)
    (local $f i32)
    (if (i32.ge_u (local.get $from) (local.get $to)) (then (return)))
    (block $coded
      (loop $column
        (br_if $coded (i32.ge_u (local.get $f) (global.get $width)))
        (call $code (local.get $f) (local.get $from) (local.get $to))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $column))))

  ;; Adds $delta to the counts at $counts of the code bytes at $coded + $from … $coded + $to - 1.
  (func $recount (param $counts i32) (param $coded i32) (param $from i32) (param $to i32) (param $delta i32)
    (local $t i32)
    (block $done
      (loop $cell
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $t (i32.add (local.get $counts) (i32.shl (i32.load8_u (i32.add (local.get $coded) (local.get $from))) (i32.const 2))))
        (i32.store (local.get $t) (i32.add (i32.load (local.get $t)) (local.get $delta)))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $cell))))

  ;; Copies the index bytes at $small + $from … $small + $to - 1 into the codes at $codes.
  (func $widen (param $codes i32) (param $small i32) (param $from i32) (param $to i32)
    (block $done
      (loop $cell
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (i32.store16 (i32.add (local.get $codes) (i32.shl (local.get $from) (i32.const 1))) (i32.load8_u (i32.add (local.get $small) (local.get $from))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $cell))))

  ;; Codes column $f of records $from … $to - 1 of the last scan (see the memory layout): for a
  ;; column looked up its coded and small bytes and counts (and its codes once small does not
  ;; hold its indices), for others their codes, for one read as digits its numbers; and adds
  ;; the cells left to the caller to unknown. The counts of a column with a cell left to the
  ;; caller are the caller's to make, for the whole scan.
  (func $code (param $f i32) (param $from i32) (param $to i32)
    (local $kind i32) (local $row i32) (local $p i32) (local $r i32) (local $code i32) (local $left i32)
    (local $codes i32) (local $coded i32) (local $small i32) (local $numbers i32) (local $first i32) (local $counts i32)
    (local $unknown i32) (local $prior i32) (local $narrow i32) (local $count i32)
    (local.set $kind (i32.load8_u (i32.add (global.get $kinds) (local.get $f))))
    (local.set $count (i32.sub (local.get $to) (local.get $from)))
    (local.set $row (i32.shl (i32.add (global.get $width) (i32.const 1)) (i32.const 2)))
    ;; Field f of a record starts one byte after entry f of its row and ends at entry f + 1.
    (local.set $p (i32.add (global.get $ends) (i32.shl (i32.add (i32.mul (local.get $from) (i32.add (global.get $width) (i32.const 1))) (local.get $f)) (i32.const 2))))
    (local.set $codes (i32.add (global.get $codes) (i32.shl (i32.mul (local.get $f) (global.get $batch)) (i32.const 1))))
    (local.set $coded (i32.add (global.get $coded) (i32.mul (local.get $f) (global.get $batch))))
    (local.set $small (i32.add (global.get $small) (i32.mul (local.get $f) (global.get $batch))))
    (local.set $numbers (i32.add (global.get $numbers) (i32.shl (i32.mul (local.get $f) (global.get $batch)) (i32.const 3))))
    (local.set $first (i32.add (global.get $firsts) (i32.mul (local.get $f) (i32.const 1584)))) ;; 33 × 48
    (local.set $counts (i32.add (global.get $tallies) (i32.shl (local.get $f) (i32.const 10))))
    (local.set $unknown (i32.add (global.get $unknown) (i32.shl (local.get $f) (i32.const 2))))
    (local.set $narrow (i32.add (global.get $narrow) (local.get $f)))
    (local.set $prior (i32.load (local.get $unknown)))
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then
        ;; Every cell found in its first slot, with a dictionary index below 256: small holds
        ;; the indices (copied into codes once they are needed there).
        (if (i32.lt_u
              (call $lookup (local.get $p) (local.get $count) (local.get $row) (i32.add (local.get $coded) (local.get $from))
                (i32.add (local.get $small) (local.get $from)) (local.get $first) (local.get $counts))
              (i32.const 65536))
          (then
            (if (local.get $prior) (then (call $recount (local.get $counts) (local.get $coded) (local.get $from) (local.get $to) (i32.const -1))))
            (if (i32.eqz (i32.load8_u (local.get $narrow))) (then (call $widen (local.get $codes) (local.get $small) (local.get $from) (local.get $to))))
            (return)))
        ;; Otherwise the cells are looked up again, in the hash table too, with their codes.
        (call $recount (local.get $counts) (local.get $coded) (local.get $from) (local.get $to) (i32.const -1))
        (local.set $left (call $exact (local.get $f) (local.get $p) (local.get $count) (local.get $row)
          (i32.add (local.get $codes) (i32.shl (local.get $from) (i32.const 1))) (i32.add (local.get $coded) (local.get $from))
          (i32.add (local.get $small) (local.get $from)) (local.get $first)))
        (if (i32.load8_u (local.get $narrow))
          (then
            (call $widen (local.get $codes) (local.get $small) (i32.const 0) (local.get $from))
            (i32.store8 (local.get $narrow) (i32.const 0))))
        (if (i32.eqz (local.get $prior))
          (then
            (if (local.get $left)
              ;; The first cell of the scan left to the caller: the records before are not counted.
              (then (call $recount (local.get $counts) (local.get $coded) (i32.const 0) (local.get $from) (i32.const -1)))
              (else (call $recount (local.get $counts) (local.get $coded) (local.get $from) (local.get $to) (i32.const 1)))))))
      (else
        (local.set $r (local.get $from))
        (block $done
          (loop $cell
            (br_if $done (i32.ge_u (local.get $r) (local.get $to)))
            (local.set $code
              (if (result i32) (i32.eqz (local.get $kind))
                (then (select (i32.const -1) (i32.const -2) (call $odd (i32.add (i32.load (local.get $p)) (i32.const 1)) (i32.load offset=4 (local.get $p)))))
                (else
                  (if (result i32) (i32.eq (local.get $kind) (i32.const 3))
                    (then
                      (call $digits (i32.add (i32.load (local.get $p)) (i32.const 1)) (i32.load offset=4 (local.get $p))
                        (i32.add (local.get $numbers) (i32.shl (local.get $r) (i32.const 3)))))
                    (else (i32.const -1))))))
            (i32.store16 (i32.add (local.get $codes) (i32.shl (local.get $r) (i32.const 1))) (local.get $code))
            (local.set $left (i32.add (local.get $left) (i32.eq (local.get $code) (i32.const -1))))
            (local.set $p (i32.add (local.get $p) (local.get $row)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $cell)))))
    (i32.store (local.get $unknown) (i32.add (local.get $prior) (local.get $left))))

  ;; The cells of a column (field k of a record from one byte after [$p] to [$p + 4], $p then
  ;; stepping $row bytes), each looked up in the column's first slots ($first): its entry's code
  ;; byte stored at $coded, the low byte of its dictionary index at $small, and counted in
  ;; $counts (-1, byte 255, for a cell not found there). Returns the bitwise or of the entries:
  ;; below 2^16 when every cell was found with an index below 256. No calls, so that the loop
  ;; keeps its values in registers.
  (func $lookup (param $p i32) (param $count i32) (param $row i32) (param $coded i32) (param $small i32) (param $first i32) (param $counts i32) (result i32)
    (local $stop i32) (local $at i32) (local $length i32) (local $slot i32) (local $entry i32) (local $t i32) (local $found i32)
    (local $v0 v128) (local $v1 v128)
    (local.set $stop (i32.add (local.get $coded) (local.get $count)))
    ;; $small as its distance from $coded, which walks the cells.
    (local.set $small (i32.sub (local.get $small) (local.get $coded)))
    (block $done
      (loop $cell
        (br_if $done (i32.ge_u (local.get $coded) (local.get $stop)))
        (local.set $at (i32.add (i32.load (local.get $p)) (i32.const 1)))
        (local.set $length (i32.sub (i32.load offset=4 (local.get $p)) (local.get $at)))
        (local.set $entry (i32.const -1))
        (if (i32.le_u (local.get $length) (i32.const 32))
          (then
            ;; The cell's first 32 bytes, zero-padded: $head and $tail, written out (no calls here).
            (local.set $v0 (v128.and (v128.load (local.get $at))
              (v128.load (i32.shl (select (local.get $length) (i32.const 16) (i32.lt_u (local.get $length) (i32.const 16))) (i32.const 4)))))
            (local.set $v1 (v128.and (v128.load offset=16 (local.get $at))
              (v128.load (i32.shl (select (i32.sub (local.get $length) (i32.const 16)) (i32.const 0) (i32.gt_u (local.get $length) (i32.const 16))) (i32.const 4)))))
            (local.set $slot (i32.add (local.get $first) (i32.mul (local.get $length) (i32.const 48))))
            (local.set $entry
              (select (i32.load offset=32 (local.get $slot)) (i32.const -1)
                (i32.eqz (v128.any_true (v128.or
                  (v128.xor (local.get $v0) (v128.load (local.get $slot)))
                  (v128.xor (local.get $v1) (v128.load offset=16 (local.get $slot))))))))))
        (i32.store8 (local.get $coded) (local.get $entry))
        (i32.store8 (i32.add (local.get $coded) (local.get $small)) (i32.shr_s (local.get $entry) (i32.const 8)))
        (local.set $t (i32.add (local.get $counts) (i32.shl (i32.and (local.get $entry) (i32.const 255)) (i32.const 2))))
        (i32.store (local.get $t) (i32.add (i32.load (local.get $t)) (i32.const 1)))
        (local.set $found (i32.or (local.get $found) (local.get $entry)))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $coded (i32.add (local.get $coded) (i32.const 1)))
        (br $cell)))
    (local.get $found))

  ;; The cells of column $f as $lookup walks them, each looked up in its first slot and then in
  ;; the hash table: its entry's code byte at $coded, the low byte of its index at $small, the
  ;; index at $codes (-1 for a cell not found). Returns how many were not found.
  (func $exact (param $f i32) (param $p i32) (param $count i32) (param $row i32) (param $codes i32) (param $coded i32) (param $small i32) (param $first i32) (result i32)
    (local $r i32) (local $at i32) (local $length i32) (local $slot i32) (local $entry i32) (local $code i32) (local $left i32)
    (local $v0 v128) (local $v1 v128)
    (block $done
      (loop $cell
        (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
        (local.set $at (i32.add (i32.load (local.get $p)) (i32.const 1)))
        (local.set $length (i32.sub (i32.load offset=4 (local.get $p)) (local.get $at)))
        (local.set $entry
          (block $looked (result i32)
            (drop (br_if $looked (i32.const -1) (i32.gt_u (local.get $length) (i32.const 32))))
            (local.set $v0 (call $head (local.get $at) (local.get $length)))
            (local.set $v1 (call $tail (local.get $at) (local.get $length)))
            (local.set $slot (i32.add (local.get $first) (i32.mul (local.get $length) (i32.const 48))))
            (local.set $entry (i32.load offset=32 (local.get $slot)))
            (drop (br_if $looked (local.get $entry)
              (i32.eqz (v128.any_true (v128.or
                (v128.xor (local.get $v0) (v128.load (local.get $slot)))
                (v128.xor (local.get $v1) (v128.load offset=16 (local.get $slot))))))))
            ;; No spelling of this length, or another one than the first: the hash table.
            (drop (br_if $looked (i32.const -1) (i32.or (i32.eqz (local.get $length)) (i32.eq (local.get $entry) (i32.const -1)))))
            (call $probe (local.get $f) (local.get $length) (local.get $v0) (local.get $v1))))
        (i32.store8 (i32.add (local.get $coded) (local.get $r)) (local.get $entry))
        (local.set $code (i32.shr_s (local.get $entry) (i32.const 8)))
        (i32.store8 (i32.add (local.get $small) (local.get $r)) (local.get $code))
        (i32.store16 (i32.add (local.get $codes) (i32.shl (local.get $r) (i32.const 1))) (local.get $code))
        (local.set $left (i32.add (local.get $left) (i32.eq (local.get $code) (i32.const -1))))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $cell)))
    (local.get $left))
)
