package dev.cskit.touchmodel.trial;

import dev.cskit.core.AccountId;

/**
 * One trial account's outcome, for the analysis by tier and band.
 *
 * @param accountId the account
 * @param arm its arm
 * @param tier its touch tier, or null
 * @param band its health band, or null
 * @param converted whether it converted
 */
public record TrialOutcome(AccountId accountId, Arm arm, String tier, String band, boolean converted) {
  /** Validates. */
  public TrialOutcome {
    if (arm == null) {
      throw new dev.cskit.core.CskitException("arm", "is required (play or control)", null);
    }
  }
}
