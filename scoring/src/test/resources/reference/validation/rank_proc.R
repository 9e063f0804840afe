# Reference DeLong intervals from R pROC 1.18.0 (Debian r-cran-proc).
# Run: Rscript rank_proc.R  -> rank_proc.csv
# direction ">": controls (retained) have higher health scores than cases (churned).
suppressMessages(library(pROC))
out <- data.frame()
for (ds in c("a", "b", "c")) {
  d <- read.csv(sprintf("rank_%s.csv", ds))
  r <- roc(d$churned, d$score, levels = c(0, 1), direction = ">", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  out <- rbind(out, data.frame(dataset = ds, quantity = c("auc", "delong_lower", "delong_upper"),
                               value = c(as.numeric(auc(r)), ci[1], ci[3])))
}
write.csv(out, "rank_proc.csv", row.names = FALSE, quote = FALSE)
