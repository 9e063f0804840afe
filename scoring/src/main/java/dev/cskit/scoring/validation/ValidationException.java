package dev.cskit.scoring.validation;

import dev.cskit.core.CskitException;

/**
 * A validation that cannot be carried out on the data given: a horizon that is not positive, no churned
 * (or no retained) account to compare, nothing left to evaluate. The message says what is missing.
 */
public class ValidationException extends CskitException {
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
