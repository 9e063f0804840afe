package dev.cskit.run.history;

import dev.cskit.core.AccountId;

/**
 * An alert raised for an account in a snapshot.
 *
 * @param accountId the account
 * @param kind what kind ({@code score_drop}, {@code band_change}, {@code tier_change}, ...)
 * @param detail a readable detail
 */
public record Alert(AccountId accountId, String kind, String detail) {}
