package dev.cskit.touchmodel.trial;

import dev.cskit.core.AccountId;

/**
 * An account eligible for a trial and the stratum (a tier, a band, or both) it is randomised within.
 *
 * @param accountId the account
 * @param stratum its stratum; accounts are split half and half within each stratum
 */
public record TrialCandidate(AccountId accountId, String stratum) {
  /** Validates. */
  public TrialCandidate {
    if (accountId == null) {
      throw new dev.cskit.core.CskitException("accountId", "is required", null);
    }
    stratum = stratum == null || stratum.isBlank() ? "all" : stratum;
  }
}
