# Independent reference for dev.cskit.touchmodel.Allocator: the LP relaxation of the allocation, solved by
# scipy's HiGHS (scipy.optimize.linprog). Every account in a tier costs the same hours, so the LP optimum is
# also the integer optimum; the Java allocator must reach it.
# Run: /usr/bin/python3 allocation_lp.py   (writes allocation_instances.csv and allocation_optima.csv)
import csv
import numpy as np
from scipy.optimize import linprog

rng = np.random.default_rng(20261124)
instances = []
for inst in range(6):
    n = int(rng.integers(50, 250))
    tiers = int(rng.integers(2, 5))
    hours = [0.0] + [float(rng.integers(1, 9)) for _ in range(tiers - 1)]
    cap = [float("inf")] + [float(rng.integers(0, 12) * hours[t] * 3 + rng.integers(0, 3)) for t in range(1, tiers)]
    ltv = rng.lognormal(10, 1, n)
    uplift = np.sort(rng.uniform(0, 0.3, (n, tiers)), axis=1)
    uplift[:, 0] = 0
    value = np.round(ltv[:, None] * uplift, 4)
    fixed = [int(rng.integers(0, tiers)) if rng.uniform() < 0.05 else -1 for _ in range(n)]
    # variables x[i, t], maximise sum v x: minimise -v x
    c = -value.reshape(-1)
    A_eq = np.zeros((n, n * tiers))
    for i in range(n):
        A_eq[i, i * tiers:(i + 1) * tiers] = 1
    b_eq = np.ones(n)
    rows, b_ub = [], []
    for t in range(tiers):
        if np.isfinite(cap[t]) and hours[t] > 0:
            row = np.zeros(n * tiers)
            row[t::tiers] = hours[t]
            rows.append(row)
            # each account costs hours[t], so only whole slots floor(cap / hours) count: give the LP the same
            b_ub.append(np.floor(cap[t] / hours[t] + 1e-9) * hours[t])
    bounds = []
    for i in range(n):
        for t in range(tiers):
            if fixed[i] >= 0:
                bounds.append((1, 1) if t == fixed[i] else (0, 0))
            else:
                bounds.append((0, 1))
    res = linprog(c, A_ub=np.array(rows) if rows else None, b_ub=b_ub if rows else None, A_eq=A_eq, b_eq=b_eq,
                  bounds=bounds, method="highs")
    instances.append((inst, n, tiers, hours, cap, value, fixed, res))

with open("allocation_instances.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["instance", "account", "fixed"] + [f"v{t}" for t in range(4)])
    for inst, n, tiers, hours, cap, value, fixed, res in instances:
        for i in range(n):
            w.writerow([inst, i, fixed[i]] + [repr(float(value[i, t])) for t in range(tiers)] + [""] * (4 - tiers))
with open("allocation_optima.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["instance", "tiers", "hours", "capacity", "status", "optimum"])
    for inst, n, tiers, hours, cap, value, fixed, res in instances:
        w.writerow([inst, tiers, ";".join(repr(h) for h in hours), ";".join(repr(c) for c in cap), res.status,
                    repr(-res.fun) if res.status == 0 else ""])
