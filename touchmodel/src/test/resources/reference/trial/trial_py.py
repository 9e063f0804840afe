"""Reference values for dev.cskit.touchmodel.trial from statsmodels and scipy.

Run from this directory with Debian's python3 (statsmodels 0.13.5, scipy):  /usr/bin/python3 trial_py.py
Writes:
  intervals.csv      Wilson intervals per arm (proportion_confint method='wilson') and the Newcombe hybrid
                     score interval of play - control (confint_proportions_2indep method='newcomb',
                     compare='diff'; count1 = play, so the difference is play - control).
  arcsine_power.csv  accounts per arm by NormalIndPower (effect size proportion_effectsize(p2, p1), ratio 1,
                     two-sided), solved to 1e-13 with brentq on statsmodels' own power function.
  beta_posterior.csv P(play rate > control rate) under Beta priors: numerical integration (scipy quad of
                     the play density times the control CDF) and a seeded Monte Carlo (numpy, 2e6 draws)
                     with its standard error.
"""
import csv
import numpy as np
from scipy import integrate, optimize, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint,
                                          proportion_effectsize)

F = lambda v: repr(float(v))

tables = [(15, 100, 8, 100), (0, 50, 3, 50), (10, 20, 0, 20), (1, 100, 1, 100), (20, 50, 25, 50),
          (3, 7, 0, 9), (50, 500, 30, 500), (7, 9, 2, 9), (0, 10, 0, 10), (12, 100, 12, 100), (5, 5, 0, 5),
          (30, 100, 15, 100), (2, 100, 9, 100), (100, 1000, 70, 1000), (4, 20, 1, 20), (44, 300, 31, 310)]
with open("intervals.csv", "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["x1", "n1", "x2", "n2", "confidence", "low1", "upp1", "low2", "upp2", "diff", "diff_low",
                "diff_upp"])
    for conf in (0.95, 0.9, 0.99):
        alpha = 1 - conf
        for x1, n1, x2, n2 in tables:
            l1, u1 = proportion_confint(x1, n1, alpha=alpha, method="wilson")
            l2, u2 = proportion_confint(x2, n2, alpha=alpha, method="wilson")
            lo, up = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=alpha)
            w.writerow([x1, n1, x2, n2, conf, F(l1), F(u1), F(l2), F(u2), F(x1 / n1 - x2 / n2), F(lo), F(up)])

power = NormalIndPower()
with open("arcsine_power.csv", "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["p1", "p2", "power", "alpha", "n"])
    for p1, p2 in [(0.10, 0.15), (0.05, 0.15), (0.20, 0.25), (0.30, 0.40), (0.50, 0.40), (0.15, 0.12)]:
        for pw in (0.8, 0.9, 0.5):
            for alpha in (0.05, 0.01, 0.1):
                es = abs(proportion_effectsize(p2, p1))
                f = lambda n: power.power(es, n, alpha, ratio=1, alternative="two-sided") - pw
                n = optimize.brentq(f, 1e-6, 1e8, xtol=1e-13, rtol=4 * np.finfo(float).eps, maxiter=500)
                w.writerow([p1, p2, pw, alpha, F(n)])

rng = np.random.default_rng(20261130)
with open("beta_posterior.csv", "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["a1", "b1", "a2", "b2", "exact", "mc", "mc_se"])
    posts = [(16, 86, 9, 93), (1, 51, 4, 48), (11, 11, 1, 21), (2, 100, 2, 100), (21, 31, 26, 26),
             (51, 451, 31, 471), (1, 1, 1, 1), (3, 2, 1, 4), (101, 901, 71, 931), (5, 17, 2, 20),
             (45.0, 256.5, 31.5, 279.5), (13, 88.5, 13.5, 88)]
    for a1, b1, a2, b2 in posts:
        g = lambda x: stats.beta.pdf(x, a1, b1) * stats.beta.cdf(x, a2, b2)
        exact, _ = integrate.quad(g, 0, 1, epsabs=1e-14, epsrel=1e-13, limit=500,
                                  points=[stats.beta.mean(a1, b1), stats.beta.mean(a2, b2)])
        n = 2_000_000
        hits = rng.beta(a1, b1, n) > rng.beta(a2, b2, n)
        mc = hits.mean()
        w.writerow([a1, b1, a2, b2, F(exact), F(mc), F(np.sqrt(mc * (1 - mc) / n))])
