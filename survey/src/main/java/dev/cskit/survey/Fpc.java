package dev.cskit.survey;

/**
 * The finite-population correction applied to Cochran's infinite-population sample size {@code n0} for a
 * population of {@code N}.
 */
public enum Fpc {
  /**
   * {@code n = n0 / (1 + (n0 - 1) / N)}: Cochran (1977, eq. 4.2) and Krejcie and Morgan (1970); the default.
   * Its margin of error for {@code n} responses is {@code z sqrt(v / n) sqrt((N - n) / (N - 1))}.
   */
  COCHRAN,
  /**
   * {@code n = n0 / (1 + n0 / N)}, the simpler form many online calculators use. Its margin of error is
   * {@code z sqrt(v / n) sqrt((N - n) / N)}.
   */
  SIMPLE;

  /** Parses {@code cochran} or {@code simple}, in any case. */
  public static Fpc parse(String text) {
    return Enums.parse(Fpc.class, text, "fpc");
  }
}
