# Wilson score intervals for ValidationReport.BandRow.churnRateInterval.
# Tool: statsmodels 0.13.5 proportion_confint(count, nobs, alpha, method="wilson").
# Run: /usr/bin/python3 wilson_reference.py -> wilson_reference.csv
import csv
from statsmodels.stats.proportion import proportion_confint
cases = [(0, 12, 0.95), (3, 40, 0.95), (17, 60, 0.90), (25, 25, 0.95), (1, 1, 0.99), (118, 1500, 0.95)]
with open("wilson_reference.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["churned", "accounts", "level", "lower", "upper"])
    for k, n, lev in cases:
        lo, hi = proportion_confint(k, n, alpha=1 - lev, method="wilson")
        w.writerow([k, n, lev, repr(float(lo)), repr(float(hi))])
