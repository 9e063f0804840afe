package dev.cskit.scoring.validation;

import dev.cskit.core.ArgumentException;

/**
 * A validation that cannot be carried out on the arguments given: an option out of range (a horizon that
 * is not positive, a level outside (0, 1)), no churned (or no retained) account to compare, nothing left to
 * evaluate. The message says what is missing; {@link #argument()} names the argument or the step.
 */
public class ValidationException extends ArgumentException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String where, String rule, String found) {
    super(where, rule, found);
  }

  static ValidationException noChurn(int evaluated) {
    return new ValidationException(
        "validation",
        "no account churned among the evaluated snapshots, so the score cannot be judged against churn"
            + " (AUC, lift and fitted weights need at least one churned and one retained account)",
        "0 churned of " + evaluated);
  }

  static ValidationException allChurned(int evaluated) {
    return new ValidationException(
        "validation",
        "every evaluated snapshot churned, so the score cannot be judged against churn"
            + " (AUC, lift and fitted weights need at least one churned and one retained account)",
        evaluated + " churned of " + evaluated);
  }
}
