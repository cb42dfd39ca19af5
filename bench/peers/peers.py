"""numpy/SciPy peers of likertkit's peer benchmark (bench/peers/run.ts starts this script).

    python3 bench/peers/peers.py --data DIR --cases correlate,filter --repeats 5 [--filter-repeats 15] --out FILE

Reads the files written by bench/peers/generate.ts (codes.i8: item-major int8 codes, 0 blank,
1-4 the levels, 5 "Ved ikke"; region.u8; population.f64; meta.json), times each case inside this
process (interpreter start-up and file loading excluded: the compute cases start from the int8
code matrix in memory) and writes the timings as JSON to FILE, plus the results the runner
compares with likertkit's (r and N of every pair, counts per filter) as raw little-endian files
beside it.

correlate: pairwise-deletion Pearson r of all item pairs from four BLAS matrix products on the
0/1 presence matrix M and the zero-filled code matrix X (n = M'M, sum x = X'M, sum x^2 = (X^2)'M,
sum xy = X'X), then t and two-sided p from SciPy's Student t tail (stats.t.sf). Every sum is an
integer below 2^53, so the float64 products are exact.

filter: a boolean mask (region, size group population >= 100000, or both), the masked columns,
np.bincount per column, and from the counts each item's agreement share (top-2 box of the
answered) and coded mean.
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
from scipy import stats


def median_time(fn, repeats):
    """Runs fn once to warm up, then `repeats` times; returns (median seconds, last result)."""
    result = fn()
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def correlate(codes):
    """codes: items x n int8. Returns r, N, t, p as items x items float64 matrices."""
    present = (codes >= 1) & (codes <= 4)
    m = present.astype(np.float64)  # items x n, 1 where the answer is substantive
    x = np.where(present, codes, 0).astype(np.float64)  # items x n, the code or 0
    n = m @ m.T
    sum_x = x @ m.T  # [i, j]: sum of x_i over the rows where x_j is present too
    sum_x2 = (x * x) @ m.T
    sum_xy = x @ x.T
    sum_y = sum_x.T
    sum_y2 = sum_x2.T
    with np.errstate(divide="ignore", invalid="ignore"):
        cov = n * sum_xy - sum_x * sum_y
        var_x = n * sum_x2 - sum_x * sum_x
        var_y = n * sum_y2 - sum_y * sum_y
        r = cov / np.sqrt(var_x * var_y)
        df = n - 2
        t = r * np.sqrt(df / (1 - r * r))
        p = 2 * stats.t.sf(np.abs(t), df)
    return r, n, t, p


def filtered_tallies(codes, mask):
    """Counts of codes 0-5 per item over the kept rows, and shares and means from them."""
    kept = codes[:, mask]
    counts = np.stack([np.bincount(kept[j], minlength=6) for j in range(kept.shape[0])])
    answered = counts[:, 1:6].sum(axis=1)
    substantive = counts[:, 1:5].sum(axis=1)
    levels = np.arange(1, 5, dtype=np.float64)
    share = (counts[:, 3] + counts[:, 4]) / answered
    mean = (counts[:, 1:5] @ levels) / substantive
    return counts, share, mean


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--cases", default="correlate,filter")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--filter-repeats", type=int, default=None, help="runs of the filter cases (default: --repeats)")
    parser.add_argument("--region", type=int, default=4, help="region code of the region filter")
    parser.add_argument("--threshold", type=float, default=100000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(os.path.join(args.data, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    n, items = meta["respondents"], meta["items"]
    codes = np.fromfile(os.path.join(args.data, "codes.i8"), dtype=np.int8).reshape(items, n)
    region = np.fromfile(os.path.join(args.data, "region.u8"), dtype=np.uint8)
    population = np.fromfile(os.path.join(args.data, "population.f64"), dtype="<f8")
    base = os.path.splitext(args.out)[0]
    out = {
        "peer": "numpy",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": __import__("scipy").__version__},
        "respondents": n,
        "items": items,
        "cases": {},
    }
    cases = args.cases.split(",")

    if "correlate" in cases:
        seconds, (r, count, _t, p) = median_time(lambda: correlate(codes), args.repeats)
        r.astype("<f8").tofile(base + ".r.f64")
        count.astype("<f8").tofile(base + ".n.f64")
        p.astype("<f8").tofile(base + ".p.f64")
        out["cases"]["correlate"] = {"seconds": seconds}

    if "filter" in cases:
        filter_repeats = args.filter_repeats if args.filter_repeats is not None else args.repeats
        big = population >= args.threshold  # the size group is defined once, as likertkit's is
        masks = {
            "region": lambda: region == args.region,
            "size": lambda: big,
            "both": lambda: big & (region == args.region),
        }
        for name, make_mask in masks.items():
            seconds, (counts, share, mean) = median_time(lambda: filtered_tallies(codes, make_mask()), filter_repeats)
            counts.astype("<f8").tofile(f"{base}.counts-{name}.f64")
            mean.astype("<f8").tofile(f"{base}.mean-{name}.f64")
            share.astype("<f8").tofile(f"{base}.share-{name}.f64")
            out["cases"][f"filter-{name}"] = {"seconds": seconds, "kept": int(make_mask().sum())}

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
