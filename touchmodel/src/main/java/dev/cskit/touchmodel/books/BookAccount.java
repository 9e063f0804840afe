package dev.cskit.touchmodel.books;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.TouchTier;
import java.util.Locale;

/**
 * An account to book: its tier this month and the hours a month that tier needs, its ARR and band, the
 * region, language and segment a manager must cover (null: none needed), and last month's manager and tier.
 *
 * @param accountId the account
 * @param tier its touch tier this month
 * @param hours hours a month its tier needs (&gt;= 0)
 * @param arr its ARR (&gt;= 0)
 * @param band its health band (for the report), or null
 * @param region the region its manager must cover, or null
 * @param language the language its manager must speak, or null
 * @param segment the segment its manager must cover, or null
 * @param previousManager last month's manager, or null
 * @param previousTier last month's tier, or null (then the account counts as staying in its tier when it had
 *     a previous manager)
 */
public record BookAccount(AccountId accountId, String tier, double hours, double arr, String band, String region,
    String language, String segment, String previousManager, String previousTier) {
  /** Validates and normalises. */
  public BookAccount {
    if (accountId == null) {
      throw new ArgumentException("account id", "is required", null);
    }
    String where = "account " + accountId.value();
    if (tier == null || tier.isBlank()) {
      throw new ArgumentException(where + ": tier", "is required", null);
    }
    tier = TouchTier.of(tier).name();
    if (!(hours >= 0) || Double.isInfinite(hours)) {
      throw new ArgumentException(where + ": hours", "must be a number >= 0", String.valueOf(hours));
    }
    if (!(arr >= 0) || Double.isInfinite(arr)) {
      throw new ArgumentException(where + ": arr", "must be a number >= 0", String.valueOf(arr));
    }
    region = norm(region);
    language = norm(language);
    segment = norm(segment);
    previousManager = previousManager == null || previousManager.isBlank() ? null : previousManager.trim();
    previousTier = previousTier == null || previousTier.isBlank() ? null : TouchTier.of(previousTier).name();
  }

  /** An account with no skill needs and no history. */
  public static BookAccount of(String id, String tier, double hours, double arr) {
    return new BookAccount(AccountId.of(id), tier, hours, arr, null, null, null, null, null, null);
  }

  /** A copy with last month's manager (and tier). */
  public BookAccount withPrevious(String manager, String tier) {
    return new BookAccount(accountId, this.tier, hours, arr, band, region, language, segment, manager, tier);
  }

  /** Whether the account had a manager last month and is in the same tier now. */
  public boolean staysInTier() {
    return previousManager != null && (previousTier == null || previousTier.equals(tier));
  }

  private static String norm(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}
