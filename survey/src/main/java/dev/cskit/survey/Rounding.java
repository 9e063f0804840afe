package dev.cskit.survey;

/** How a required number of responses is rounded to a whole count. */
public enum Rounding {
  /** Up to the next whole number (the default: never fewer responses than the margin needs). */
  UP,
  /** To the nearest whole number, halves up (how some published tables are rounded). */
  NEAREST,
  /** Not rounded. */
  NONE;

  /** Rounds a value; values within 1e-9 of a whole number count as that number. */
  public double apply(double x) {
    double r = Math.rint(x);
    if (Math.abs(x - r) < 1e-9) {
      return this == NONE ? x : r;
    }
    switch (this) {
      case UP:
        return Math.ceil(x);
      case NEAREST:
        return Math.floor(x + 0.5);
      default:
        return x;
    }
  }

  /** Parses {@code up}, {@code nearest} or {@code none}, in any case. */
  public static Rounding parse(String text) {
    return Enums.parse(Rounding.class, text, "rounding");
  }
}
