package dev.cskit.cli;

import dev.cskit.core.io.TextTable;
import dev.cskit.retention.BandRetention;
import dev.cskit.retention.BandRow;
import dev.cskit.retention.BandSnapshot;
import dev.cskit.retention.BillingPeriod;
import dev.cskit.retention.Bridge;
import dev.cskit.retention.MrrHistory;
import dev.cskit.retention.RateRow;
import dev.cskit.retention.Rates;
import dev.cskit.retention.ReportPeriod;
import dev.cskit.retention.RetentionOptions;
import dev.cskit.retention.Subscription;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SampleSubscription;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.Segmentation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's revenue-retention section: the sample portfolio's MRR bridge over the 12 months up to the as-of
 * date, monthly and 12-month NRR and GRR, and NRR, GRR and logo churn over the following 3, 6 and 12 months
 * by the health band (and touch tier) each account had at the as-of date.
 */
final class RetentionSection implements DemoSection {
  static final int[] HORIZONS = {3, 6, 12};

  @Override
  public String key() {
    return "retention";
  }

  @Override
  public String title() {
    return "Revenue retention";
  }

  /** The sample's subscriptions as line items of the retention module. */
  static List<Subscription> subscriptions(SamplePortfolio p) {
    List<Subscription> out = new ArrayList<>();
    for (SampleSubscription s : p.subscriptions()) {
      out.add(new Subscription(s.accountId(), s.subscriptionId(), s.plan(), s.start(), s.end(), s.amount(),
          BillingPeriod.parse(s.billingPeriod()), s.currency()));
    }
    return out;
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    YearMonth asOf = YearMonth.from(p.asOf());
    MrrHistory h = MrrHistory.ofSubscriptions(subscriptions(p),
        RetentionOptions.defaults().withThrough(YearMonth.from(p.asOf().plusYears(1))));
    YearMonth from = asOf.minusMonths(11).isBefore(h.firstMonth()) ? h.firstMonth() : asOf.minusMonths(11);
    Bridge bridge = h.bridge(ReportPeriod.MONTH, from, asOf);
    Rates rates = h.rates(ReportPeriod.MONTH, from, asOf);
    RateRow now = rates.rows().get(rates.rows().size() - 1);

    ScoreTable scores = HealthSection.scores(context);
    Segmentation tiers = TouchModelSection.segmentation(context);
    Map<String, String> bands = new HashMap<>();
    Map<String, String> tierOf = new HashMap<>();
    for (int i = 0; i < scores.size(); i++) {
      bands.put(scores.accountId(i).value(), scores.band(i).name());
      tierOf.put(scores.accountId(i).value(), tiers.tierOf(scores.accountId(i)));
    }
    BandRetention byBand = h.byBand(new BandSnapshot(p.asOf(), bands, tierOf), HORIZONS);

    List<Object> bandJson = new ArrayList<>();
    TextTable bt = TextTable.withHeader("by", "group", "accounts", "NRR 3m", "NRR 6m", "NRR 12m", "NRR 12m 95% CI",
        "GRR 12m", "logo churn 12m", "churn 95% CI");
    Map<String, BandRow[]> grouped = new java.util.LinkedHashMap<>();
    for (BandRow r : byBand.rows()) {
      grouped.computeIfAbsent(r.dimension() + "/" + r.group(), k -> new BandRow[HORIZONS.length])[
          java.util.Arrays.binarySearch(HORIZONS, r.horizonMonths())] = r;
      bandJson.add(Json.object("by", r.dimension(), "group", r.group(), "horizonMonths", r.horizonMonths(),
          "accounts", r.accounts(), "nrr", r.nrr(), "nrrLower", r.nrrLower(), "nrrUpper", r.nrrUpper(),
          "grr", r.grr(), "grrLower", r.grrLower(), "grrUpper", r.grrUpper(), "logoChurn", r.logoChurn(),
          "logoChurnLower", r.logoChurnLower(), "logoChurnUpper", r.logoChurnUpper()));
    }
    for (BandRow[] r : grouped.values()) {
      BandRow y = r[2];
      bt.row(y.dimension(), y.group(), y.accounts(), pct(r[0].nrr()), pct(r[1].nrr()), pct(y.nrr()),
          ci(y.nrrLower(), y.nrrUpper()), pct(y.grr()), pct(y.logoChurn()), ci(y.logoChurnLower(), y.logoChurnUpper()));
    }

    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "MRR bridge, %s to %s (%s; subscriptions.csv of `cskit sample`, churn at cancellation):%n", from, asOf,
        h.currency()));
    text.append(bridge);
    text.append(String.format(Locale.ROOT,
        "12-month NRR %s, GRR %s (cohort of %d accounts with MRR in %s); %s monthly NRR %s, GRR %s (%d accounts)%n",
        pct(now.nrr12()), pct(now.grr12()), now.accounts12(), asOf.minusMonths(12), asOf, pct(now.nrr()),
        pct(now.grr()), now.startingAccounts()));
    text.append("What health is worth: revenue after ").append(p.asOf())
        .append(" by the band (and tier) each account had then (95% intervals: delta method for NRR, Wilson for churn):\n");
    text.append(bt);

    Map<String, Object> json = Json.object(
        "from", from.toString(),
        "to", asOf.toString(),
        "currency", h.currency(),
        "bridge", RetentionCommand.BridgeCommand.json(bridge).get("rows"),
        "nrr12", Json.number(now.nrr12()),
        "grr12", Json.number(now.grr12()),
        "accounts12", now.accounts12(),
        "nrrMonthly", Json.number(now.nrr()),
        "grrMonthly", Json.number(now.grr()),
        "byBand", bandJson,
        "warnings", byBand.warnings());
    return new Result(text.toString(), json);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String ci(double lo, double hi) {
    return Double.isNaN(lo) ? "-" : String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * lo, 100 * hi);
  }
}
