package dev.cskit.touchmodel.books;

import dev.cskit.core.AccountId;

/**
 * One account's manager this month, and why.
 *
 * @param accountId the account
 * @param tier its tier this month
 * @param manager its manager this month, or null when its tier is not booked
 * @param previousManager last month's manager, or null
 * @param move kept, new, moved or unbooked
 * @param reason the reason in words
 * @param hours hours a month it needs
 * @param arr its ARR
 * @param band its band, or null
 * @param staysInTier whether it had a manager last month and is in the same tier now
 */
public record AccountBook(AccountId accountId, String tier, String manager, String previousManager, Move move,
    String reason, double hours, double arr, String band, boolean staysInTier) {}
