# Reference values for dev.cskit.ttv.stats (Kaplan-Meier, Nelson-Aalen, quantiles, restricted mean,
# log-rank / Peto-Peto, Aalen-Johansen cumulative incidence) from R's survival package.
# Run from this directory:  Rscript ttv_reference.R
# R 4.2 with survival 3.5-3 (Debian bookworm: apt-get install r-cran-survival).
# Writes: km_input.csv (time, status, group of aml, ovarian, lung, flat-stretch and near-tie sets),
#   km.csv (survfit tables for plain/log/log-log at 0.90/0.95/0.99: n.risk, surv, std.err, lower, upper,
#   cumhaz, std.chaz), quantiles.csv (quantile.survfit), rmean.csv (summary(fit, rmean = tau)),
#   survdiff.csv (rho = 0 log-rank and rho = 1 Peto-Peto), rmstdiff.csv (restricted-mean differences),
#   cif_input.csv / cif.csv (multi-state survfit: Aalen-Johansen with a tie of different event types),
#   checkin.csv (check-in day on survfit step functions), payback.csv (payback curves).
suppressPackageStartupMessages(library(survival))
num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
fmt <- function(df) { for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- num(df[[n]]); df }
out <- function(df, file) write.csv(fmt(df), file, row.names = FALSE, quote = FALSE)

# ---- inputs: time, status (1 = event, 0 = censored), group ----
flat1 <- data.frame(time = c(1, 2, 3, 4, 5, 6), status = c(1, 1, 1, 0, 1, 1), group = "a")
flat2 <- data.frame(time = c(1, 2, 3, 4), status = c(1, 1, 0, 0), group = "b")
sets <- list(
  aml = data.frame(time = aml$time, status = aml$status, group = as.character(aml$x)),
  ovarian = data.frame(time = ovarian$futime, status = ovarian$fustat, group = paste0("rx", ovarian$rx)),
  lung = data.frame(time = lung$time, status = lung$status - 1, group = ifelse(lung$sex == 1, "male", "female")),
  flat = rbind(flat1, flat2),
  # floating-point near-ties that survfit's timefix (aeqSurv) merges
  nearties = data.frame(time = c(0.1 + 0.2, 0.3, 1, 1 + 1e-10, 2, 2.5, 3, 3 * (1 + 1e-9), 4, 5),
                        status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0), group = rep(c("a", "b"), 5)),
  # censoring before the first event (log-log limits are NA while S = 1) and a last event with all at risk
  early = data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 12), status = c(0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1),
                     group = rep(c("a", "b", "c"), 4)),
  lung_ecog = with(lung[!is.na(lung$ph.ecog), ], data.frame(time = time, status = status - 1, group = paste0("ecog", ph.ecog)))
)
inp <- do.call(rbind, lapply(names(sets), function(n) cbind(dataset = n, sets[[n]])))
out(inp, "km_input.csv")

km <- list(); qs <- list(); rm <- list(); sd <- list()
probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)
for (n in names(sets)) {
  d <- sets[[n]]
  for (g in c("ALL", sort(unique(d$group)))) {
    dg <- if (g == "ALL") d else d[d$group == g, ]
    for (ct in c("plain", "log", "log-log")) for (lv in c(0.9, 0.95, 0.99)) {
      f <- survfit(Surv(time, status) ~ 1, data = dg, conf.type = ct, conf.int = lv)
      km[[length(km) + 1]] <- data.frame(dataset = n, group = g, conftype = ct, level = lv, time = f$time,
        nrisk = f$n.risk, nevent = f$n.event, ncensor = f$n.censor, surv = f$surv,
        stderr_logs = f$std.err, stderr_surv = f$std.err * f$surv, lower = f$lower, upper = f$upper,
        cumhaz = f$cumhaz, stdchaz = f$std.chaz)
      q <- quantile(f, probs = probs)
      qs[[length(qs) + 1]] <- data.frame(dataset = n, group = g, conftype = ct, level = lv, p = probs,
        value = as.numeric(q$quantile), lower = as.numeric(q$lower), upper = as.numeric(q$upper))
    }
    f <- survfit(Surv(time, status) ~ 1, data = dg)
    taus <- unique(c(quantile(dg$time, c(0.3, 0.6)), max(dg$time)))
    for (tau in taus) {
      t <- summary(f, rmean = tau)$table
      rm[[length(rm) + 1]] <- data.frame(dataset = n, group = g, tau = tau, rmean = t[["rmean"]], se = t[["se(rmean)"]])
    }
  }
  for (rho in c(0, 1)) {
    s <- survdiff(Surv(time, status) ~ group, data = d, rho = rho)
    df <- sum(s$exp > 0) - 1
    sd[[length(sd) + 1]] <- data.frame(dataset = n, rho = rho, group = sub("group=", "", names(s$n)),
      observed = s$obs, expected = s$exp, chisq = s$chisq, df = df, pvalue = s$pvalue)
  }
}
# common-horizon restricted means per group (print(fit, rmean = "common") / summary(fit)$table default)
for (n in names(sets)) {
  f <- survfit(Surv(time, status) ~ group, data = sets[[n]])
  t <- summary(f, rmean = "common")$table
  rm[[length(rm) + 1]] <- data.frame(dataset = n, group = sub("group=", "", rownames(t)), tau = "common",
    rmean = t[, "rmean"], se = t[, "se(rmean)"])
}
out(do.call(rbind, km), "km.csv")
out(do.call(rbind, qs), "quantiles.csv")
out(do.call(rbind, lapply(rm, function(x) { x$tau <- as.character(x$tau); x })), "rmean.csv")
out(do.call(rbind, sd), "survdiff.csv")

# ---- restricted mean difference between two cohorts (first - second), normal interval ----
rd <- list()
for (spec in list(list("aml", "Maintained", "Nonmaintained", 100), list("ovarian", "rx1", "rx2", 700),
                  list("lung", "male", "female", 500))) {
  d <- sets[[spec[[1]]]]
  f <- survfit(Surv(time, status) ~ group, data = d)
  t <- summary(f, rmean = spec[[4]])$table
  a <- t[paste0("group=", spec[[2]]), ]; b <- t[paste0("group=", spec[[3]]), ]
  for (lv in c(0.9, 0.95)) {
    diff <- a[["rmean"]] - b[["rmean"]]; se <- sqrt(a[["se(rmean)"]]^2 + b[["se(rmean)"]]^2)
    z <- qnorm(1 - (1 - lv) / 2)
    rd[[length(rd) + 1]] <- data.frame(dataset = spec[[1]], first = spec[[2]], second = spec[[3]], tau = spec[[4]],
      level = lv, difference = diff, se = se, lower = diff - z * se, upper = diff + z * se,
      pvalue = 2 * pnorm(-abs(diff) / se))
  }
}
out(do.call(rbind, rd), "rmstdiff.csv")

# ---- competing risks: status 0 censored, 1 value, 2 churn ----
small <- data.frame(time = c(1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10),
                    status = c(1, 1, 2, 0, 1, 2, 1, 0, 1, 2, 0, 1, 2, 0))
set.seed(7)
nn <- 60
sim <- data.frame(time = round(rexp(nn, 0.1)) + 1, status = sample(0:2, nn, replace = TRUE, prob = c(0.25, 0.5, 0.25)))
mg <- data.frame(time = ifelse(mgus2$pstat == 1, mgus2$ptime, mgus2$futime), status = ifelse(mgus2$pstat == 1, 1, 2 * mgus2$death))
near <- data.frame(time = c(0.1 + 0.2, 0.3, 1, 1 + 1e-10, 2, 3, 3 * (1 + 1e-9), 4),
                   status = c(1, 2, 1, 0, 2, 1, 2, 0))
crs <- list(small = small, sim = sim, mgus2 = mg, nearties = near)
cin <- do.call(rbind, lapply(names(crs), function(n) cbind(dataset = n, crs[[n]])))
out(cin, "cif_input.csv")
ci <- list()
for (n in names(crs)) {
  d <- crs[[n]]
  for (ct in c("log", "log-log", "plain")) for (lv in c(0.9, 0.95)) {
    f <- survfit(Surv(time, factor(status, 0:2, labels = c("censor", "value", "churn"))) ~ 1, data = d,
                 conf.int = lv, conf.type = ct)
    # pstate columns: (s0) entry, value, churn
    for (k in 1:3) {
      ci[[length(ci) + 1]] <- data.frame(dataset = n, conftype = ct, level = lv, state = c("entry", "value", "churn")[k],
        time = f$time, nrisk = f$n.risk[, 1], prob = f$pstate[, k], stderr = f$std.err[, k],
        lower = f$lower[, k], upper = f$upper[, k])
    }
  }
}
out(do.call(rbind, ci), "cif.csv")

# ---- check-in day: earliest d where h(d) = 1 - S(d + k) / S(d) falls below a threshold after having been
# at or above it; S as a right-continuous step function of the survfit curve ----
ck <- list()
for (n in c("aml", "ovarian", "lung")) {
  d <- sets[[n]]
  f <- survfit(Surv(time, status) ~ 1, data = d)
  S <- stepfun(f$time, c(1, f$surv))
  for (k in c(7, 30, 60)) for (thr in c(0.05, 0.1, 0.2)) {
    cand <- sort(unique(c(0, f$time, (f$time - k)[f$time - k > 0])))
    above <- FALSE; day <- NA; chance <- NA
    for (x in cand) {
      if (S(x) <= 0) break
      h <- 1 - S(x + k) / S(x)
      if (h >= thr) above <- TRUE
      else if (above) { day <- x; chance <- h; break }
    }
    ck[[length(ck) + 1]] <- data.frame(dataset = n, window = k, threshold = thr, day = day, chance = chance)
  }
}
out(do.call(rbind, ck), "checkin.csv")

# ---- payback: cumulative net (day 0 = -upfront; day d adds benefit(d) - cost, discounted by
# (1 + rate)^(-d/365)), first trough, payback interpolated inside the crossing day; the expected curve
# lets benefits start the day after value, with P(value on day s) from the aml Kaplan-Meier curve ----
ramp <- function(plateau, days) function(d) ifelse(days > 0 & d < days, plateau * d / days, plateau)
summ <- function(N) {
  i <- which.min(N); depth <- N[i]; pay <- NA
  if (depth >= 0) pay <- 0 else for (j in (i + 1):length(N)) {
    if (j > length(N)) break
    if (N[j - 1] < 0 && N[j] >= 0) { pay <- (j - 2) + (-N[j - 1]) / (N[j] - N[j - 1]); break }
  }
  c(i - 1, depth, pay)
}
payback <- function(upfront, cost, bfun, rate, H) {
  d <- 1:H; flows <- bfun(d) - cost
  rbind(summ(c(-upfront, -upfront + cumsum(flows))),
        summ(c(-upfront, -upfront + cumsum(flows * (1 + rate)^(-d / 365)))))
}
fa <- survfit(Surv(time, status) ~ 1, data = sets$aml)
Sa <- stepfun(fa$time, c(1, fa$surv))
expected_bfun <- function(bfun, S, H) {
  f <- c(1 - S(0), S(0:(H - 1)) - S(1:H))  # f[s + 1] = P(value on day s), s = 0..H
  function(d) sapply(d, function(dd) sum(f[1:dd] * bfun(dd - (0:(dd - 1)))))
}
pb <- list(
  ramp = payback(1000, 10, ramp(40, 30), 0, 365),
  ramp_discounted = payback(1000, 10, ramp(40, 30), 0.12, 365),
  never = payback(100, 5, ramp(4, 0), 0.05, 50),
  expected_aml = payback(500, 5, expected_bfun(ramp(20, 10), Sa, 200), 0.08, 200)
)
out(do.call(rbind, lapply(names(pb), function(n) data.frame(scenario = n, discounted = c(0, 1),
  troughDay = pb[[n]][, 1], troughDepth = pb[[n]][, 2], paybackDay = pb[[n]][, 3]))), "payback.csv")
