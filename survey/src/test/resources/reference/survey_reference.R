# Reference values for cskit's survey module from base R (Debian r-base).
# Run from this directory:  Rscript survey_reference.R
# Writes r_rate_intervals.csv and r_betabinom_sf.csv beside it.

rows <- list()
for (n in c(1, 3, 8, 25, 60, 200, 1500)) {
  for (x in unique(c(0, 1, n %/% 4, n %/% 2, n - 1, n))) {
    for (conf in c(0.8, 0.9, 0.95, 0.99)) {
      cp <- binom.test(x, n, conf.level = conf)$conf.int            # Clopper-Pearson
      wi <- prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int  # Wilson score
      a <- 1 - conf
      je <- qbeta(c(a / 2, 1 - a / 2), x + 0.5, n - x + 0.5)       # Jeffreys
      if (x == 0) je[1] <- 0
      if (x == n) je[2] <- 1
      rows[[length(rows) + 1]] <- data.frame(method = "clopper-pearson", x = x, n = n, confidence = conf,
                                             lower = cp[1], upper = cp[2])
      rows[[length(rows) + 1]] <- data.frame(method = "wilson", x = x, n = n, confidence = conf,
                                             lower = wi[1], upper = wi[2])
      rows[[length(rows) + 1]] <- data.frame(method = "jeffreys", x = x, n = n, confidence = conf,
                                             lower = je[1], upper = je[2])
    }
  }
}
write.csv(do.call(rbind, rows), "r_rate_intervals.csv", row.names = FALSE, quote = FALSE)

bb_sf <- function(t, n, a, b) {
  k <- t:n
  sum(exp(lchoose(n, k) + lbeta(k + a, n - k + b) - lbeta(a, b)))
}
rows <- list()
for (n in c(7, 40, 300, 2000)) {
  for (ab in list(c(1, 1), c(3.5, 20), c(13, 87), c(60, 40))) {
    for (t in unique(c(1, n %/% 5, n %/% 2, n))) {
      rows[[length(rows) + 1]] <- data.frame(n = n, alpha = ab[1], beta = ab[2], target = t,
                                             sf = bb_sf(t, n, ab[1], ab[2]))
    }
  }
}
write.csv(do.call(rbind, rows), "r_betabinom_sf.csv", row.names = FALSE, quote = FALSE)
