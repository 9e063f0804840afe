package dev.cskit.ttv;

/** How an account's time-to-value duration ends. */
public enum TtvStatus {
  /** Still onboarding at the as-of date: censored (code 0). */
  ONBOARDING(0),
  /** Reached its first value (code 1). */
  VALUE(1),
  /** Churned before reaching value: the competing event (code 2). */
  CHURNED(2);

  private final int code;

  TtvStatus(int code) {
    this.code = code;
  }

  /** The status code used by the CLI and the estimators: 0 censored, 1 value, 2 churn. */
  public int code() {
    return code;
  }
}
