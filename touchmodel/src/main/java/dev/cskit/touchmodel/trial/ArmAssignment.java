package dev.cskit.touchmodel.trial;

import dev.cskit.core.AccountId;

/**
 * One account's arm in a trial.
 *
 * @param accountId the account
 * @param stratum the stratum it was randomised within
 * @param arm play or control
 */
public record ArmAssignment(AccountId accountId, String stratum, Arm arm) {}
