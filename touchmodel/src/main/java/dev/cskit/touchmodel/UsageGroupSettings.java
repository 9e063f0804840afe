package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import java.util.List;

/**
 * How accounts are split into the eight usage groups: three axes, each the sum of some metric columns
 * (utilization: logins and apps built; engagement: seminars, e-mail clicks, support questions; penetration:
 * active users / seats), each split high/low at a fixed threshold (value >= threshold is high) or, when none is
 * given, at the portfolio's median. A missing value (NaN) counts as 0 in a sum; an axis whose every column is
 * missing for an account is low.
 */
public record UsageGroupSettings(
    List<String> utilization,
    List<String> engagement,
    List<String> penetration,
    Double utilizationThreshold,
    Double engagementThreshold,
    Double penetrationThreshold) {

  /** Validates; defaults read the 14-day columns of the usage aggregator. */
  public UsageGroupSettings {
    ConfigPath root = ConfigPath.root();
    utilization = columns(root.field("utilization"), utilization, List.of("login_14d", "app_built_14d"));
    engagement = columns(root.field("engagement"), engagement,
        List.of("seminar_attended_14d", "email_clicked_14d", "support_question_14d"));
    penetration = columns(root.field("penetration"), penetration, List.of("penetration_14d"));
  }

  private static List<String> columns(ConfigPath p, List<String> given, List<String> dflt) {
    if (given == null) {
      return dflt;
    }
    p.check(!given.isEmpty(), "must name at least one metric column", "an empty list");
    for (int i = 0; i < given.size(); i++) {
      p.index(i).check(given.get(i) != null && !given.get(i).isBlank(), "must name a metric column",
          given.get(i));
    }
    return List.copyOf(given);
  }

  /** The defaults: 14-day windows, median splits. */
  public static UsageGroupSettings defaults() {
    return new UsageGroupSettings(null, null, null, null, null, null);
  }
}
