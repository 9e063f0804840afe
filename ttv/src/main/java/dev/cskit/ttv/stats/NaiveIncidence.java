package dev.cskit.ttv.stats;

/**
 * "1 - Kaplan-Meier" for one event type with the competing events treated as censoring. It always
 * {@link #overstates() overstates} the real cumulative incidence when competing events occur: it is kept
 * for comparison with tools that report it, with the warning attached.
 *
 * @param type the event type
 * @param curve the Kaplan-Meier fit with the other types censored; the naive incidence is 1 - S(t)
 */
public record NaiveIncidence(int type, KaplanMeier curve) {
  /** The warning every caller of the naive estimate gets. */
  public static final String WARNING =
      "1 - Kaplan-Meier with competing events censored overstates the cumulative incidence: it counts "
          + "subjects who had a competing event (e.g. churned) as if they could still reach this one; "
          + "use the Aalen-Johansen cumulative incidence";

  /** Always true: this estimate overstates the incidence when competing events exist. */
  public boolean overstates() {
    return true;
  }

  /** The warning text. */
  public String warning() {
    return WARNING;
  }

  /** The naive incidence 1 - S(t) with its interval. */
  public Estimate at(double t) {
    return curve.shareBy(t);
  }
}
