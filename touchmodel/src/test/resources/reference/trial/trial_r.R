# Reference values for dev.cskit.touchmodel.trial from R (stats): power.prop.test and fisher.test.
# Run from this directory: Rscript trial_r.R   (writes power_prop_test.csv and fisher_test.csv)
options(digits = 17)
f <- function(v) ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v))

grid <- expand.grid(p1 = c(0.10, 0.05, 0.20, 0.30, 0.50, 0.15),
                    p2 = c(0.15, 0.12, 0.25, 0.40, 0.03),
                    power = c(0.8, 0.9, 0.5),
                    alpha = c(0.05, 0.01, 0.1),
                    strict = c(FALSE, TRUE))
grid <- grid[grid$p1 != grid$p2, ]
rows <- lapply(seq_len(nrow(grid)), function(i) {
  g <- grid[i, ]
  r <- power.prop.test(p1 = g$p1, p2 = g$p2, power = g$power, sig.level = g$alpha, strict = g$strict)
  data.frame(p1 = f(g$p1), p2 = f(g$p2), power = f(g$power), alpha = f(g$alpha),
             strict = tolower(as.character(g$strict)), n = f(r$n))
})
write.csv(do.call(rbind, rows), "power_prop_test.csv", row.names = FALSE, quote = FALSE)

# 2x2 tables: play (converted, not) over control (converted, not)
tables <- list(c(15, 85, 8, 92), c(0, 50, 3, 47), c(10, 10, 0, 20), c(1, 99, 1, 99), c(20, 30, 25, 25),
               c(3, 4, 0, 9), c(50, 450, 30, 470), c(7, 2, 2, 7), c(0, 10, 0, 10), c(12, 88, 12, 88),
               c(5, 0, 0, 5), c(30, 70, 15, 85), c(2, 98, 9, 91), c(100, 900, 70, 930), c(4, 16, 1, 19))
rows <- lapply(tables, function(t) {
  m <- matrix(t, nrow = 2, byrow = TRUE)
  r <- fisher.test(m)
  r90 <- fisher.test(m, conf.level = 0.9)
  data.frame(a = t[1], b = t[2], c = t[3], d = t[4], p = f(r$p.value), or = f(r$estimate),
             lower = f(r$conf.int[1]), upper = f(r$conf.int[2]),
             lower90 = f(r90$conf.int[1]), upper90 = f(r90$conf.int[2]))
})
write.csv(do.call(rbind, rows), "fisher_test.csv", row.names = FALSE, quote = FALSE)
