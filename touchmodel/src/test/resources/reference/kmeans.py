# Independent reference for dev.cskit.touchmodel.KMeans: standardise log(1 + x) with scikit-learn's
# StandardScaler (population sd) and run scikit-learn's Lloyd k-means from given starting centres (rows of the
# standardised data), to convergence (tol=0). The Java code must reach the same clusters and inertia from the
# same starting rows.
# Run: /usr/bin/python3 kmeans.py  (writes kmeans_data.csv and kmeans_expected.csv)
import csv
import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(11)
n = 300
groups = rng.integers(0, 4, n)
scale = np.array([[2, 50, 0.2], [40, 5, 0.9], [200, 300, 0.5], [0.5, 0.5, 0.05]])
x = np.round(rng.gamma(2.0, 1.0, (n, 3)) * scale[groups], 3)
x[rng.uniform(size=(n, 3)) < 0.05] = 0
z = StandardScaler().fit_transform(np.log1p(x))
starts = {3: [0, 1, 2], 4: [3, 50, 100, 150], 5: [7, 8, 9, 10, 11]}
with open("kmeans_data.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["account_id", "a", "b", "c"])
    for i in range(n):
        w.writerow([f"K{i:03d}"] + [repr(float(v)) for v in x[i]])
with open("kmeans_expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["k", "start_rows", "inertia", "labels"])
    for k, rows in starts.items():
        km = KMeans(n_clusters=k, init=z[rows], n_init=1, max_iter=1000, tol=0, algorithm="lloyd").fit(z)
        w.writerow([k, ";".join(map(str, rows)), repr(float(km.inertia_)), ";".join(map(str, km.labels_))])
