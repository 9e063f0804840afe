package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.AccountHealth;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierSummary;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.UsageGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's touch-model section: the example touch model on the sample portfolio: accounts and ARR per tier,
 * hours against capacity, and the eight usage groups. Shares the {@link Segmentation} as {@code
 * "touchSegmentation"}.
 */
final class TouchModelSection implements DemoSection {
  /** The key under which the example touch model's segmentation is shared with later sections. */
  static final String SHARED_KEY = "touchSegmentation";

  @Override
  public String key() {
    return "touchModel";
  }

  @Override
  public String title() {
    return "Touch model";
  }

  /** The example touch model on the health section's scores, computed once per demo. */
  static Segmentation segmentation(DemoContext context) {
    return context.shared(SHARED_KEY, () -> {
      SamplePortfolio p = context.portfolio();
      return TouchModel.example().segment(p.accounts(), healthFromScores(HealthSection.scores(context)), Map.of(),
          p.asOf());
    });
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    TouchModel model = TouchModel.example();
    Segmentation s = segmentation(context);
    UsageGroups groups = UsageGroups.of(p.usage(), model.usageGroups());

    List<Object> tiers = new ArrayList<>();
    TextTable tt = TextTable.withHeader("tier", "accounts", "arr", "hours needed", "hours available", "use");
    for (TierSummary t : s.tiers()) {
      tiers.add(Json.object("tier", t.tier(), "accounts", t.accounts(), "arr", t.arr(),
          "hoursNeeded", t.hoursNeeded(), "hoursAvailable", t.hoursAvailable()));
      tt.row(t.tier(), t.accounts(), t.arr(), t.hoursNeeded(),
          Double.isInfinite(t.hoursAvailable()) ? "unlimited" : TextTable.number(t.hoursAvailable()),
          Double.isInfinite(t.hoursAvailable()) ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%",
              100 * t.utilisation()));
    }
    Map<String, Integer> reasons = new LinkedHashMap<>();
    s.assignments().forEach(a -> reasons.merge(a.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
    List<Object> groupJson = new ArrayList<>();
    for (Map.Entry<String, Integer> e : groups.counts().entrySet()) {
      groupJson.add(Json.object("group", e.getKey(), "code", UsageGroups.code(e.getKey()), "accounts", e.getValue()));
    }
    double[] th = groups.thresholds();
    String text = "Example touch model, as of " + p.asOf() + " (health bands from the health section):\n\n" + tt
        + "\nWhy (accounts by reason): " + TextTable.pairs(reasons) + "\n\nUsage groups (last 14 days; split at the medians):\n" + groups;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model.name());
    json.put("bandSource", "health");
    json.put("tiers", tiers);
    json.put("reasons", reasons);
    json.put("usageGroups", groupJson);
    json.put("usageThresholds", Json.object("utilization", th[0], "engagement", th[1], "penetration", th[2]));
    return new Result(text, json);
  }

  /** Each account's health from the demo's health section (the by-stage scorecards). */
  private static Map<AccountId, AccountHealth> healthFromScores(ScoreTable scores) {
    Map<AccountId, AccountHealth> out = new HashMap<>();
    for (int i = 0; i < scores.size(); i++) {
      out.put(scores.accountId(i), AccountHealth.of(scores.score(i), scores.band(i)));
    }
    return out;
  }
}
