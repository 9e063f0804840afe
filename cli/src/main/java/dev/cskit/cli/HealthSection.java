package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.Cap;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScorecardRef;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.scoring.ScoringOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's health section: the sample portfolio scored with the built-in {@code by-stage} set (onboarding
 * accounts by the onboarding card, the rest by the three-axis card), the band distribution, and the ten
 * accounts most at risk with their top reasons (the measures losing the most points). Shares the
 * {@link ScoreTable} as {@code "healthScores"}.
 */
final class HealthSection implements DemoSection {
  /** The key under which the scores are shared with later sections. */
  static final String SHARED_KEY = "healthScores";
  /** The built-in scorecard set the demo scores with. */
  static final String SET = "by-stage";

  @Override
  public String key() {
    return "health";
  }

  @Override
  public String title() {
    return "Health scores";
  }

  /** The portfolio's scores, computed once per demo. */
  static ScoreTable scores(DemoContext context) {
    return context.shared(SHARED_KEY, () -> {
      SamplePortfolio p = context.portfolio();
      return ScorecardSet.builtIn(SET).compile().score(p.metrics(), ScoringOptions.builder().accounts(p.accounts()).build());
    });
  }

  /** One reason an account scores low: a measure and the points it loses against a perfect sub-score. */
  record Reason(String measure, Double subScore, double pointsLost) {}

  /** The measures losing the most points (share x (100 - sub-score)), then any cap that fired. */
  static List<Reason> reasons(HealthScore h, int top) {
    List<Reason> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : h.shares().entrySet()) {
      Double sub = h.measures().get(e.getKey());
      if (sub == null || sub.isNaN() || e.getValue() == 0.0) {
        continue;
      }
      out.add(new Reason(e.getKey(), sub, e.getValue() * (100 - sub)));
    }
    // measures without a sub-score lose all of a share they no longer have: name them as missing
    for (Map.Entry<String, Double> e : h.measures().entrySet()) {
      if (e.getValue().isNaN()) {
        out.add(new Reason(e.getKey() + " (missing)", null, 0));
      }
    }
    out.sort(Comparator.comparingDouble((Reason r) -> -r.pointsLost()));
    List<Reason> chosen = new ArrayList<>(out.subList(0, Math.min(top, out.size())));
    for (Cap c : h.capsApplied()) {
      chosen.add(0, new Reason("cap " + c.metric() + " " + c.op().symbol() + " " + TextTable.number(c.value()), null,
          h.scoreBeforeCaps() - h.scoreAfterCaps()));
    }
    return chosen;
  }

  @Override
  public Result run(DemoContext context) {
    ScoreTable scores = scores(context);
    Map<AccountId, Account> byId = new HashMap<>();
    for (Account a : context.portfolio().accounts()) {
      byId.put(a.id(), a);
    }
    Map<String, Object> bands = new LinkedHashMap<>();
    ScorecardRef ref = ScorecardSet.builtIn(SET).ref();
    StringBuilder text = new StringBuilder();
    text.append("Scorecards: ").append(ref).append(" = three-axis for adopted,")
        .append(" onboarding for onboarding accounts\n");
    TextTable bt = TextTable.withHeader("band", "accounts", "share");
    for (Map.Entry<HealthBand, Integer> e : scores.bandCounts().entrySet()) {
      bands.put(e.getKey().name(), e.getValue());
      bt.row(e.getKey().name(), e.getValue(), String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / scores.size()));
    }
    text.append(bt).append('\n');

    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      if (!Double.isNaN(scores.score(i))) {
        rows.add(i);
      }
    }
    rows.sort(Comparator.comparingDouble((Integer i) -> scores.score(i))
        .thenComparing(i -> byId.containsKey(scores.accountId(i)) ? -byId.get(scores.accountId(i)).arr() : 0.0)
        .thenComparing(i -> scores.accountId(i)));
    List<Object> atRisk = new ArrayList<>();
    TextTable rt = TextTable.withHeader("account", "name", "arr", "card", "score", "band", "top reasons");
    for (int i : rows.subList(0, Math.min(10, rows.size()))) {
      HealthScore h = scores.row(i);
      Account a = byId.get(h.accountId());
      List<Reason> reasons = reasons(h, 3);
      List<Object> rj = new ArrayList<>();
      StringBuilder rs = new StringBuilder();
      for (Reason r : reasons) {
        rj.add(Json.object("measure", r.measure(), "subScore", r.subScore() == null ? null : round(r.subScore()),
            "pointsLost", round(r.pointsLost())));
        rs.append(rs.length() == 0 ? "" : "; ").append(r.measure());
        if (r.subScore() != null) {
          rs.append(' ').append(TextTable.number(round(r.subScore())));
        }
      }
      rt.row(h.accountId().value(), a == null ? "" : a.name(), a == null ? null : a.arr(), h.scorecard().name(),
          round(h.score()), h.band().name(), rs.toString());
      atRisk.add(Json.object("accountId", h.accountId().value(), "name", a == null ? null : a.name(),
          "arr", a == null ? null : a.arr(), "scorecard", h.scorecard().name(), "score", round(h.score()),
          "band", h.band().name(), "reasons", rj));
    }
    text.append("Ten accounts most at risk (lowest scores; reasons = measures losing the most points):\n").append(rt);
    Map<String, Object> json = Json.object(
        "scorecard", ScoreCommand.refJson(ref),
        "accounts", scores.size(),
        "bands", bands,
        "atRisk", atRisk);
    return new Result(text.toString(), json);
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
