#!/usr/bin/python3
"""Reference values for cskit's survey module, from scipy and statsmodels (Debian packages).

Run from this directory:  /usr/bin/python3 survey_reference.py
Writes the CSV files beside it. Every value comes from scipy/statsmodels/numpy, not from cskit.
"""
import csv
import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

def write(name, header, rows):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v for v in r])

# 1. yes/no rate intervals: statsmodels proportion_confint, five methods
rows = []
for n in [1, 2, 5, 10, 17, 30, 50, 100, 250, 1000, 5000]:
    xs = sorted(set([0, 1, n // 3, n // 2, n - 1, n]))
    for x in xs:
        if x < 0 or x > n:
            continue
        for alpha in [0.01, 0.05, 0.1, 0.2]:
            for method in ["wilson", "beta", "jeffreys", "agresti_coull", "normal"]:
                lo, hi = proportion_confint(x, n, alpha=alpha, method=method)
                rows.append([method, x, n, alpha, float(lo), float(hi)])
write("rate_intervals.csv", ["method", "x", "n", "alpha", "lower", "upper"], rows)

# 2. sample sizes and margins (scipy normal quantile)
rows = []
for e in [0.01, 0.03, 0.05, 0.1]:
    for conf in [0.8, 0.9, 0.95, 0.99]:
        for p in [0.5, 0.3, 0.1]:
            for N in [0, 50, 200, 1000, 10000, 1000000]:
                z = stats.norm.ppf(1 - (1 - conf) / 2)
                n0 = z * z * p * (1 - p) / e ** 2
                if N == 0:
                    c, s = n0, n0
                else:
                    c = n0 / (1 + (n0 - 1) / N)
                    s = n0 / (1 + n0 / N)
                rows.append([e, conf, p, N, n0, c, s])
write("sample_sizes.csv", ["margin", "confidence", "p", "population", "n0", "cochran", "simple"], rows)

rows = []
for e in [0.05, 0.1]:
    for conf in [0.9, 0.95]:
        for pr, de in [(0.5, 0.2), (0.3, 0.3), (0.6, 0.1), (0.2, 0.5)]:
            for N in [0, 500, 5000]:
                z = stats.norm.ppf(1 - (1 - conf) / 2)
                v = pr + de - (pr - de) ** 2
                n0 = z * z * v / e ** 2
                c = n0 if N == 0 else n0 / (1 + (n0 - 1) / N)
                rows.append([e, conf, pr, de, N, n0, c])
write("nps_sample_sizes.csv", ["margin", "confidence", "promoters", "detractors", "population", "n0", "cochran"], rows)

rows = []
for n in [10, 100, 384, 1000]:
    for N in [0, 1000, 5000]:
        if N and n > N:
            continue
        for conf in [0.9, 0.95, 0.99]:
            for p in [0.5, 0.2]:
                z = stats.norm.ppf(1 - (1 - conf) / 2)
                e = z * np.sqrt(p * (1 - p) / n)
                c = e if N == 0 else e * np.sqrt((N - n) / (N - 1))
                s = e if N == 0 else e * np.sqrt((N - n) / N)
                rows.append([n, N, conf, p, c, s])
write("margins.csv", ["responses", "population", "confidence", "p", "cochran", "simple"], rows)

# 3. NPS: Wald and adjusted-Wald (Rocks 2016) intervals, two-sample z-test
rows = []
cases = [(50, 30, 20), (5, 3, 2), (0, 0, 10), (10, 0, 0), (120, 200, 80), (1, 1, 1), (400, 350, 250), (3, 10, 30)]
for P, Q, D in cases:
    for conf in [0.9, 0.95, 0.99]:
        z = stats.norm.ppf(1 - (1 - conf) / 2)
        n = P + Q + D
        p, d = P / n, D / n
        nps = p - d
        se = np.sqrt((p + d - nps ** 2) / n)
        rows.append(["wald", P, Q, D, conf, 100 * nps, 100 * se,
                     max(-100, 100 * (nps - z * se)), min(100, 100 * (nps + z * se))])
        na = n + 3
        pa, da = (P + 0.75) / na, (D + 0.75) / na
        npsa = pa - da
        sea = np.sqrt((pa + da - npsa ** 2) / na)
        rows.append(["adjusted-wald", P, Q, D, conf, 100 * nps, 100 * sea,
                     max(-100, 100 * (npsa - z * sea)), min(100, 100 * (npsa + z * sea))])
write("nps_intervals.csv", ["method", "promoters", "passives", "detractors", "confidence", "nps", "stdErr", "lower", "upper"], rows)

def moments(P, Q, D, adjusted):
    n = P + Q + D
    if adjusted:
        P, D, n = P + 0.75, D + 0.75, n + 3
    p, d = P / n, D / n
    return p - d, p + d - (p - d) ** 2, n

rows = []
pairs = [((50, 30, 20), (40, 30, 30)), ((120, 200, 80), (100, 220, 80)), ((5, 3, 2), (2, 3, 5)), ((400, 350, 250), (380, 360, 260)), ((10, 0, 0), (0, 0, 10))]
for a, b in pairs:
    for method in ["wald", "adjusted-wald"]:
        ca, va, na = moments(*a, method == "adjusted-wald")
        cb, vb, nb = moments(*b, method == "adjusted-wald")
        se = np.sqrt(va / na + vb / nb)
        z = (ca - cb) / se
        pval = 2 * stats.norm.sf(abs(z))
        diff = 100 * ((a[0] - a[2]) / sum(a) - (b[0] - b[2]) / sum(b))
        rows.append([method, *a, *b, diff, z, pval])
write("nps_compare.csv", ["method", "pa", "qa", "da", "pb", "qb", "db", "difference", "z", "pValue"], rows)

rows = []
for delta in [5, 10, 20]:
    for (pa, da), (pb, db) in [((0.5, 0.2), (0.45, 0.25)), ((0.3, 0.3), (0.35, 0.25))]:
        for alpha, power in [(0.05, 0.8), (0.05, 0.9), (0.1, 0.8)]:
            z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
            va = pa + da - (pa - da) ** 2
            vb = pb + db - (pb - db) ** 2
            n = z * z * (va + vb) / (delta / 100) ** 2
            rows.append([delta, pa, da, pb, db, alpha, power, int(np.ceil(n - 1e-9))])
write("nps_detect.csv", ["difference", "pa", "da", "pb", "db", "alpha", "power", "n"], rows)

# 4. invitations: scipy binom / betabinom, brute-force smallest n
def smallest(sf, target, q):
    n = target
    while sf(n) < q:
        n += 1
    return n

rows = []
for target in [1, 10, 50, 200]:
    for rate in [0.05, 0.13, 0.35, 0.9]:
        for q in [0.5, 0.9, 0.95]:
            n = smallest(lambda m: stats.binom.sf(target - 1, m, rate), target, q)
            rows.append(["binomial", target, rate, "", "", q, n, n * rate, stats.binom.sf(target - 1, n, rate)])
for target in [1, 10, 50, 150]:
    for a, b in [(13, 87), (2, 8), (21.75, 152.25), (30, 60)]:
        for q in [0.5, 0.8, 0.9]:
            n = smallest(lambda m: stats.betabinom.sf(target - 1, m, a, b), target, q)
            rows.append(["beta-binomial", target, "", a, b, q, n, n * a / (a + b), stats.betabinom.sf(target - 1, n, a, b)])
write("invitations.csv", ["model", "target", "rate", "alpha", "beta", "probability", "invitations", "expectedResponses", "achieved"], rows)

rows = []
for n in [5, 20, 100, 1000, 5000]:
    for a, b in [(0.5, 0.5), (13, 87), (2, 8), (200, 300)]:
        for t in sorted(set([1, n // 10, n // 3, n // 2, (9 * n) // 10, n])):
            if t < 1:
                continue
            rows.append([n, a, b, t, stats.betabinom.sf(t - 1, n, a, b)])
write("betabinom_sf.csv", ["n", "alpha", "beta", "target", "sf"], rows)

# 5. escalation without capacity limits: responses ~ sum of Binomial(n_t, 1 - prod(1 - r_k)) over tiers
def sum_sf(ns, ps, t):
    pmf = np.array([1.0])
    for n, p in zip(ns, ps):
        pmf = np.convolve(pmf, stats.binom.pmf(np.arange(n + 1), n, p))
    return float(pmf[t:].sum())

rows = []
# tiers tech, low, high; waves: email (all) .15, reminder (all) .10, phone (low, high) .30, visit (high) .50
tiers = {"tech": 900, "low": 250, "high": 50}
waves = [("email", 0.15, None), ("reminder", 0.10, None), ("phone", 0.30, {"low", "high"}), ("visit", 0.50, {"high"})]
for k in range(1, len(waves) + 1):
    ps = []
    for t in tiers:
        silent = 1.0
        for name, r, only in waves[:k]:
            if only is None or t in only:
                silent *= 1 - r
        ps.append(1 - silent)
    for target in [200, 300, 350, 420]:
        rows.append([k, target, sum(n * p for n, p in zip(tiers.values(), ps)), sum_sf(list(tiers.values()), ps, target)])
write("escalation.csv", ["waves", "target", "expectedResponses", "probability"], rows)

# 6. Kish effective sample size, Neyman allocation without bounds
rng = np.random.default_rng(7)
rows = []
for i in range(5):
    w = rng.uniform(0.2, 5, size=20 + 10 * i)
    rows.append([i, " ".join(repr(float(x)) for x in w), w.sum() ** 2 / (w ** 2).sum()])
write("kish.csv", ["case", "weights", "neff"], rows)

# 7. standardized mean differences (numpy, ddof=1)
rows = []
x = rng.normal(10, 3, size=60)
y = rng.exponential(2, size=60)
y[5] = np.nan
resp = rng.uniform(size=60) < 0.4
for name, col in [("x", x), ("y", y)]:
    a, b = col[resp], col[~resp]
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    smd = (a.mean() - b.mean()) / np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
    rows.append([name, a.mean(), b.mean(), smd])
write("smd.csv", ["metric", "respondentMean", "silentMean", "smd"], rows)
write("smd_data.csv", ["account_id", "x", "y", "responded"],
      [[f"a{i:02d}", x[i], "" if np.isnan(y[i]) else y[i], int(resp[i])] for i in range(60)])

# 8. escalation with binding capacities: Monte Carlo of the actual process (numpy, seeded). Each wave
# contacts a uniformly random subset of min(capacity, silent eligible) of the silent contacts of its tiers;
# each answers with the wave's rate. cskit approximates this (independent contacts, expected shares); the
# test allows for that approximation and for simulation error.
def simulate(tiers, waves, target, runs, seed):
    rng = np.random.default_rng(seed)
    names = list(tiers)
    tier_of = np.concatenate([np.full(tiers[t], i) for i, t in enumerate(names)])
    totals = np.empty(runs)
    for k in range(runs):
        silent = np.ones(len(tier_of), dtype=bool)
        for name, r, cap, only in waves:
            eligible = silent.copy()
            if only is not None:
                eligible &= np.isin(tier_of, [names.index(t) for t in only])
            idx = np.flatnonzero(eligible)
            m = len(idx) if cap is None else min(cap, len(idx))
            chosen = rng.choice(idx, size=m, replace=False) if m < len(idx) else idx
            answered = chosen[rng.uniform(size=m) < r]
            silent[answered] = False
        totals[k] = (~silent).sum()
    return totals.mean(), (totals >= target).mean()

rows = []
cap_tiers = {"tech": 700, "high": 100}
cap_waves = [("email", 0.2, None, None), ("phone", 0.4, 120, None), ("visit", 0.7, 30, {"high"})]
for target in [210, 220, 229, 235, 240]:
    mean, prob = simulate(cap_tiers, cap_waves, target, 20000, 11)
    rows.append([target, mean, prob])
write("escalation_capacity_mc.csv", ["target", "meanResponses", "probability"], rows)
