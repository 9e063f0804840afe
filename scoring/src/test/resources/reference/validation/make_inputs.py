# Generates the input data sets of the validation reference checks (deterministic).
# Run: /usr/bin/python3 make_inputs.py   (numpy from Debian's python3-numpy)
import numpy as np

rng = np.random.default_rng(20261124)

def write(name, header, rows, fmt):
    with open(name, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(fm % v for fm, v in zip(fmt, r)) + "\n")

# 1. ranking data sets: a health score (high = healthy) and churn; risk = -score
#    a: continuous, 400 cases, ~15% churn; b: coarse scores with many ties; c: 12 cases
n = 400
y = rng.random(n) < 0.15
score = np.clip(60 + 15 * rng.standard_normal(n) - 18 * y, 0, 100)
write("rank_a.csv", ["score", "churned"], zip(score, y.astype(int)), ["%.10f", "%d"])
n = 300
y = rng.random(n) < 0.25
score = np.clip(np.round((55 + 20 * rng.standard_normal(n) - 12 * y) / 5) * 5, 0, 100)
write("rank_b.csv", ["score", "churned"], zip(score, y.astype(int)), ["%.1f", "%d"])
y = np.array([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0])
score = np.array([20, 35, 35, 50, 50, 60, 70, 70, 80, 85, 90, 90])
write("rank_c.csv", ["score", "churned"], zip(score, y), ["%d", "%d"])

# 2. logistic data: four sub-scores 0-100; churn falls with x1 and x2, x3 is noise, x4 raises it (so that
#    a non-negativity bound binds)
n = 500
x = np.clip(rng.normal(55, 22, size=(n, 4)), 0, 100)
eta = 1.0 - 3.0 * x[:, 0] / 100 - 1.5 * x[:, 1] / 100 + 0.8 * x[:, 3] / 100
y = rng.random(n) < 1 / (1 + np.exp(-eta))
write("logit_data.csv", ["x1", "x2", "x3", "x4", "churned"],
      [list(r) + [int(c)] for r, c in zip(x, y)], ["%.6f"] * 4 + ["%d"])
