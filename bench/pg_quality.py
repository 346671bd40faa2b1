#!/usr/bin/env python3
"""The power-goal search's quality on audit schools (issue 26, bench/TUNING.md):
for each seed whose audit draw (tests/audit/audit.py) is a power-goal school,
mclsched's objective at --time-limit T over CBC's exact optimum of the
--write-lp model, for one or more builds; then the median and worst ratio
per build over the seeds where CBC proved its optimum (no schedule counts 0).

  bench/pg_quality.py --seeds 3000-3165 [--limit 3] [--cbc-seconds 60]
                      [--first 45] [--work DIR] BUILD [BUILD ...]
"""
import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "tests", "audit"))
import audit  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("builds", nargs="+")
    ap.add_argument("--seeds", default="3000-3165", help="A-B or A,B,C")
    ap.add_argument("--first", type=int, default=0, help="at most this many power-goal seeds")
    ap.add_argument("--limit", type=float, default=3)
    ap.add_argument("--cbc-seconds", type=float, default=60)
    ap.add_argument("--work", default="/tmp/mclsched-pg-quality")
    a = ap.parse_args()
    if "-" in a.seeds:
        lo, hi = a.seeds.split("-")
        seeds = range(int(lo), int(hi) + 1)
    else:
        seeds = [int(x) for x in a.seeds.split(",")]
    seeds = [s for s in seeds if audit.draw_settings(s)["model"] == "power-goal"]
    if a.first:
        seeds = seeds[:a.first]
    os.makedirs(a.work, exist_ok=True)
    ratios = {b: [] for b in a.builds}
    print("seed cbc optimum " + " ".join(a.builds))
    for seed in seeds:
        case = os.path.join(a.work, "case-%d" % seed)
        if not os.path.exists(case):
            audit.make_case(a.builds[0], seed, audit.draw_settings(seed), case)
        lp = os.path.join(a.work, "model-%d.lp" % seed)
        row = []
        for i, b in enumerate(a.builds):
            out = os.path.join(a.work, "out-%d-%d" % (seed, i))
            cmd = [os.path.join(b, "mclsched"), "solve", case, "-o", out, "--time-limit",
                   str(a.limit), "-q"] + (["--write-lp", lp] if i == 0 else [])
            p = subprocess.run(cmd, capture_output=True, text=True)
            row.append(audit.num(audit.summary(out), "objective") if p.returncode == 0 else None)
        c = audit.run_cbc(lp, a.work, a.cbc_seconds)
        proven = c["result"].startswith("Optimal") and c["obj"]
        print(seed, c["result"][:24].replace(" ", "_"), c["obj"],
              " ".join("%.4f" % (o / c["obj"]) if proven and o is not None else str(o)
                       for o in row), flush=True)
        if proven:
            for b, o in zip(a.builds, row):
                ratios[b].append(o / c["obj"] if o is not None else 0.0)
    for b in a.builds:
        xs = ratios[b]
        if xs:
            print("%s: %d seeds, median %.4f, worst %.4f, below 0.999: %d"
                  % (b, len(xs), statistics.median(xs), min(xs), sum(x < 0.999 for x in xs)))


if __name__ == "__main__":
    main()
