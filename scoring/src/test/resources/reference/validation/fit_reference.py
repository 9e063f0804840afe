# Reference values for the logistic fits and calibrations of dev.cskit.scoring.validation.
# Tools (Debian bookworm packages): scikit-learn 1.2.1, statsmodels 0.13.5, scipy 1.10.1.
# Run: /usr/bin/python3 fit_reference.py  -> logit_reference.csv, calibration_reference.csv
import csv
import numpy as np
import statsmodels.api as sm
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.isotonic import IsotonicRegression

with open("logit_data.csv") as f:
    rows = list(csv.DictReader(f))
X = np.array([[float(r["x%d" % j]) for j in range(1, 5)] for r in rows])
y = np.array([int(r["churned"]) for r in rows], dtype=float)
Z = -X / 100.0  # the features cskit fits: beta >= 0 means a healthier sub-score lowers the risk
out = []

def put(case, name, value):
    out.append((case, name, value))

# (1) L2 around zero, no bounds: sklearn minimises 0.5|b|^2 + C * sum NLL, i.e. lambda = 1 / C
lam = 2.0
# solver newton-cholesky: lbfgs stops with a gradient of ~1e-3 here even at tol=1e-12
m = LogisticRegression(C=1 / lam, penalty="l2", solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Z, y)
put("l2_zero", "intercept", m.intercept_[0])
for j in range(4):
    put("l2_zero", "beta%d" % (j + 1), m.coef_[0][j])

# (2) no penalty, no bounds: statsmodels Logit (MLE)
r = sm.Logit(y, sm.add_constant(Z)).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
put("mle", "intercept", r.params[0])
for j in range(4):
    put("mle", "beta%d" % (j + 1), r.params[j + 1])
put("mle", "loglik", r.llf)

# (3) the same objective shrunk toward a center with beta >= 0: scipy L-BFGS-B
def objective(theta, Z, y, center, lam):
    eta = theta[0] + Z @ theta[1:]
    f = np.sum(np.logaddexp(0, eta) - y * eta) + lam / 2 * np.sum((theta[1:] - center) ** 2)
    mu = 1 / (1 + np.exp(-eta))
    g = np.concatenate([[np.sum(mu - y)], Z.T @ (mu - y) + lam * (theta[1:] - center)])
    return f, g

def bounded(Z, y, center, lam):
    p = Z.shape[1]
    res = minimize(objective, np.concatenate([[0.0], np.maximum(center, 0)]), args=(Z, y, center, lam),
                   jac=True, method="L-BFGS-B", bounds=[(None, None)] + [(0, None)] * p,
                   options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 100000, "maxcor": 30})
    return res

center = np.array([1.0, 1.0, 1.0, 1.0])
res = bounded(Z, y, center, 5.0)
put("bounded", "intercept", res.x[0])
for j in range(4):
    put("bounded", "beta%d" % (j + 1), res.x[j + 1])
put("bounded", "objective", res.fun)

# (3b) a center and strength under which the bound on beta4 is active at the optimum
res = bounded(Z, y, np.array([1.5, 1.5, 0.0, 0.0]), 1.0)
put("bounded_active", "intercept", res.x[0])
for j in range(4):
    put("bounded_active", "beta%d" % (j + 1), res.x[j + 1])
put("bounded_active", "objective", res.fun)

# (4) WeightFit end to end: current weights 2,1,1,1 (wbar = w / sum w); center = k wbar, k = max(2, the
#     slope of a plain logistic regression of churn on -(current score)/100); strength 10; beta >= 0;
#     fitted = beta / sum(beta) * sum(w). Data set 1: logit_data.csv (k above 2); data set 2: its first 150
#     rows with churn replaced by an unrelated draw (k below 2: the floor applies).
def weightfit(case, Zc, yc):
    w = np.array([2.0, 1.0, 1.0, 1.0])
    s = (-Zc * 100) @ (w / w.sum())
    r1 = sm.Logit(yc, sm.add_constant(-s / 100)).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
    k = max(2.0, r1.params[1])
    res = bounded(Zc, yc, k * w / w.sum(), 10.0)
    put(case, "scale", k)
    put(case, "intercept", res.x[0])
    for j in range(4):
        put(case, "beta%d" % (j + 1), res.x[j + 1])
        put(case, "fitted%d" % (j + 1), res.x[j + 1] / res.x[1:].sum() * w.sum())

weightfit("weightfit", Z, y)
y2 = (np.random.default_rng(7).random(150) < 0.2).astype(float)
with open("logit_data_noise.csv", "w") as f:
    f.write("churned\n")
    for v in y2:
        f.write("%d\n" % v)
weightfit("weightfit_floor", Z[:150], y2)

with open("logit_reference.csv", "w") as f:
    f.write("case,quantity,value\n")
    for c, q, v in out:
        f.write("%s,%s,%.15g\n" % (c, q, v))

# calibration: isotonic (non-increasing, clipped) and Platt (statsmodels Logit on the score)
cal = []
for ds in ["a", "b"]:
    with open("rank_%s.csv" % ds) as f:
        rr = list(csv.DictReader(f))
    sc = np.array([float(r["score"]) for r in rr])
    yy = np.array([int(r["churned"]) for r in rr], dtype=float)
    iso = IsotonicRegression(increasing=False, out_of_bounds="clip").fit(sc, yy)
    grid = np.concatenate([np.arange(0, 100.5, 0.5), sc[:25]])
    for g, p in zip(grid, iso.predict(grid)):
        cal.append((ds, "isotonic", g, p))
    pl = sm.Logit(yy, sm.add_constant(sc)).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
    cal.append((ds, "platt_intercept", float("nan"), pl.params[0]))
    cal.append((ds, "platt_slope", float("nan"), pl.params[1]))
with open("calibration_reference.csv", "w") as f:
    f.write("dataset,quantity,score,value\n")
    for ds, q, g, v in cal:
        f.write("%s,%s,%s,%.15g\n" % (ds, q, "" if np.isnan(g) else "%.10f" % g, v))
