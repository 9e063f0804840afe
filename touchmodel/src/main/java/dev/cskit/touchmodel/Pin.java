package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import java.time.LocalDate;

/**
 * An account held in a tier regardless of rules, allocation and hysteresis (a strategic account kept in high
 * touch, say), until an optional expiry date (inclusive).
 */
public record Pin(String account, String tier, LocalDate until, String reason) {

  /** Validates. */
  public Pin {
    ConfigPath root = ConfigPath.root();
    root.field("account").check(account != null && !account.isBlank(), "is required", account);
    root.field("tier").check(tier != null && !tier.isBlank(), "is required", tier);
    tier = dev.cskit.core.TouchTier.of(tier).name();
    reason = reason == null || reason.isBlank() ? "pinned" : reason;
  }

  /** Whether the pin holds on a date. */
  public boolean activeOn(LocalDate date) {
    return until == null || !date.isAfter(until);
  }
}
