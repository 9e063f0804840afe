package dev.cskit.touchmodel.books;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.TouchTier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer-success manager on the roster: the tier they serve, their hours a month, the most accounts they
 * may own, and the regions, languages and segments they cover (an empty set covers all).
 *
 * @param id the manager's id (unique on the roster)
 * @param tier the touch tier they serve (high, low...)
 * @param hours hours a month for their accounts (&gt; 0)
 * @param maxAccounts the most accounts they may own ({@code Integer.MAX_VALUE} for no limit)
 * @param regions regions they cover; empty: any
 * @param languages languages they speak; empty: any
 * @param segments segments they cover; empty: any
 */
public record Manager(String id, String tier, double hours, int maxAccounts, Set<String> regions,
    Set<String> languages, Set<String> segments) {
  /** Validates and normalises (tier and skills in lower case). */
  public Manager {
    if (id == null || id.isBlank()) {
      throw new ArgumentException("manager id", "is required", null);
    }
    if (tier == null || tier.isBlank()) {
      throw new ArgumentException("manager " + id + ": tier", "is required", null);
    }
    tier = TouchTier.of(tier).name();
    if (!(hours > 0) || Double.isInfinite(hours)) {
      throw new ArgumentException("manager " + id + ": hours", "must be a number > 0", String.valueOf(hours));
    }
    if (maxAccounts < 1) {
      throw new ArgumentException("manager " + id + ": max accounts", "must be at least 1",
          String.valueOf(maxAccounts));
    }
    regions = lower(regions);
    languages = lower(languages);
    segments = lower(segments);
  }

  /** A manager without skill limits. */
  public static Manager of(String id, String tier, double hours, int maxAccounts) {
    return new Manager(id, tier, hours, maxAccounts, Set.of(), Set.of(), Set.of());
  }

  /** Whether this manager may own the account: same tier and every skill the account needs covered. */
  public boolean canServe(BookAccount a) {
    return tier.equals(a.tier()) && covers(regions, a.region()) && covers(languages, a.language())
        && covers(segments, a.segment());
  }

  static boolean covers(Set<String> skills, String need) {
    return skills.isEmpty() || need == null || skills.contains(need);
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new TreeSet<>();
    if (s != null) {
      for (String v : s) {
        if (v != null && !v.isBlank()) {
          out.add(v.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }
}
