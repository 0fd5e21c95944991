#!/usr/bin/env python3
"""One table row: pop's bench figures beside the pandas reference's, and whether every
indicator (numerator and denominator, council-wide and per team) agrees."""
import json
import sys

bench, pop_figures, pandas = (json.load(open(p)) for p in sys.argv[1:4])
pop_rows = {(r["id"], r["team"]): (r["numerator"], r["denominator"]) for r in pop_figures["indicators"]}
pd_rows = {(r["id"], r["team"]): (r["numerator"], r["denominator"]) for r in pandas["indicators"]}
differ = sorted(k for k in set(pop_rows) | set(pd_rows) if pop_rows.get(k) != pd_rows.get(k))
for k in differ[:20]:
    print(f"DIFFERENT {k}: pop {pop_rows.get(k)}, pandas {pd_rows.get(k)}", file=sys.stderr)
rows, mb, t = bench["rows"], bench["bytes"] / 1e6, bench["median_seconds"]
agree = "yes, all %d" % len(pop_rows) if not differ else "NO: %d differ" % len(differ)
print(f"| {rows:,} | {mb:,.0f} | {t:.2f} s | {rows / t / 1e6:.2f} M | {mb / t:,.0f} | {bench['peak_bytes'] / 2**20:,.0f} MiB "
      f"| {pandas['seconds']:.2f} s | {pandas['peak_bytes'] / 2**20:,.0f} MiB | {pandas['seconds'] / t:.1f}× | {agree} |")
sys.exit(1 if differ else 0)
