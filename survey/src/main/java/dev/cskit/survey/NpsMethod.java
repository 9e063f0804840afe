package dev.cskit.survey;

/** How an NPS confidence interval is computed. */
public enum NpsMethod {
  /**
   * Adjusted-Wald (Rocks 2016; Sauro and Lewis): add 3/4 to promoters and to detractors and 3 to {@code n},
   * then a Wald interval around the adjusted NPS with the adjusted trinomial variance. The default: it keeps
   * its nominal coverage for small samples and extreme scores.
   */
  ADJUSTED_WALD,
  /** Wald: {@code NPS +/- z sqrt((p + d - (p - d)^2) / n)}. */
  WALD,
  /**
   * Percentile bootstrap: resample the answers (multinomially, with the observed shares), recompute NPS,
   * take the {@code alpha/2} and {@code 1 - alpha/2} percentiles (linear interpolation, as numpy's default);
   * the standard error is the replicates' standard deviation. Seeded, so repeatable.
   */
  BOOTSTRAP;

  /** Parses {@code adjusted-wald}, {@code wald} or {@code bootstrap}, in any case. */
  public static NpsMethod parse(String text) {
    return Enums.parse(NpsMethod.class, text, "method");
  }

  @Override
  public String toString() {
    return Enums.text(this);
  }
}
