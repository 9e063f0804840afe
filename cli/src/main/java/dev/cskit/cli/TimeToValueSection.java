package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import dev.cskit.sample.Milestone;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.Estimate;
import dev.cskit.ttv.stats.KaplanMeier;
import dev.cskit.ttv.stats.Quantile;
import dev.cskit.ttv.AccountDuration;
import dev.cskit.ttv.Bottlenecks;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.CheckInDay;
import dev.cskit.ttv.Durations;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.StalledAccount;
import dev.cskit.ttv.TtvSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's time-to-value section: median time to first value with its interval, the share reaching value
 * by day 14 (Kaplan-Meier and, honestly, with churn as a competing risk), the check-in day and the stalled
 * accounts, from the sample portfolio's milestones.
 */
final class TimeToValueSection implements DemoSection {
  static final double WINDOW = 7;
  static final double THRESHOLD = 0.1;
  static final int SHOW = 10;

  @Override
  public String key() {
    return "timeToValue";
  }

  @Override
  public String title() {
    return "Time to value";
  }

  /** The sample's onboarding milestones as events. */
  static List<MilestoneEvent> events(SamplePortfolio p) {
    List<MilestoneEvent> events = new ArrayList<>();
    for (Milestone m : p.milestones()) {
      events.add(new MilestoneEvent(m.accountId(), m.type(), m.timestamp()));
    }
    return events;
  }

  /** Contract signed to first value, churn competing, as of the sample's date. */
  static TtvSpec spec(SamplePortfolio p) {
    return TtvSpec.of(Milestone.CONTRACT_SIGNED, Milestone.FIRST_VALUE, Milestone.CHURNED, p.asOf());
  }

  @Override
  public Result run(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    List<MilestoneEvent> events = events(p);
    TtvSpec spec = spec(p);
    Durations d = Durations.fromEvents(events, spec);
    KaplanMeier km = d.kaplanMeier(ConfType.LOG_LOG, 0.95);
    AalenJohansen aj = d.cumulativeIncidence(ConfType.LOG_LOG, 0.95);
    Quantile median = km.median();
    Estimate by14 = km.shareBy(14);
    Estimate value14 = aj.incidence(1, 14);
    Estimate churn14 = aj.incidence(2, 14);
    CheckInDay checkIn = CheckIn.recommend(aj, WINDOW, THRESHOLD);
    Map<AccountId, Double> renewal = new HashMap<>();
    Map<AccountId, Instant> starts = new HashMap<>();
    for (AccountDuration a : d.accounts()) {
      starts.put(a.accountId(), a.start());
    }
    for (Account a : p.accounts()) {
      Instant s = starts.get(a.id());
      if (s != null && a.renewalDate().isPresent()) {
        Instant r = a.renewalDate().get().atStartOfDay(ZoneOffset.UTC).toInstant();
        renewal.put(a.id(), (r.getEpochSecond() - s.getEpochSecond()) / 86400.0);
      }
    }
    List<StalledAccount> stalled = Double.isNaN(checkIn.day()) ? List.of()
        : CheckIn.stalled(d, aj, checkIn.day(), renewal);
    Bottlenecks b = Bottlenecks.analyze(events,
        List.of(Milestone.CONTRACT_SIGNED, Milestone.USERS_INVITED, Milestone.FIRST_APP_BUILT,
            Milestone.FIRST_VALUE),
        List.of(Milestone.CHURNED), spec.asOf());

    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    d.counts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
    List<Object> stalledJson = new ArrayList<>();
    for (StalledAccount s : stalled.subList(0, Math.min(SHOW, stalled.size()))) {
      stalledJson.add(Json.object("accountId", s.accountId().value(), "daysSinceStart", s.daysSinceStart(),
          "renewalDay", s.renewalDay(), "chanceBeforeRenewal", s.chanceBeforeRenewal()));
    }
    String stall = b.stallStep() < 0 ? null
        : b.steps().get(b.stallStep()).from() + " -> " + b.steps().get(b.stallStep()).to();
    Map<String, Object> json = Json.object(
        "accounts", d.accounts().size(),
        "counts", counts,
        "missingStart", d.missingStart().size(),
        "medianDaysToFirstValue", Json.object("value", median.value(),
            "lower", median.lower(), "upper", median.upper()),
        "shareByDay14", Json.object("value", by14.value(), "lower", by14.lower(),
            "upper", by14.upper()),
        "valueIncidenceByDay14", Json.object("value", value14.value(),
            "lower", value14.lower(), "upper", value14.upper()),
        "churnBeforeValueByDay14", churn14.value(),
        "checkInDay", checkIn.day(),
        "checkInWindow", WINDOW,
        "checkInThreshold", THRESHOLD,
        "stalledAccounts", stalled.size(),
        "stalled", stalledJson,
        "stallStep", stall);

    StringBuilder text = new StringBuilder();
    java.util.Set<dev.cskit.core.AccountId> current = new java.util.HashSet<>();
    p.accounts().forEach(a -> current.add(a.id()));
    long former = d.accounts().stream().filter(a -> !current.contains(a.accountId())).count();
    text.append(String.format(Locale.ROOT,
        "%,d accounts with a contract start (%s), %d without one: the %,d current accounts and %,d former ones "
            + "(ids F..., signed within the last year and gone since), kept so that churn before value is not "
            + "hidden.%n", d.accounts().size(), TextTable.pairs(counts), d.missingStart().size(),
        d.accounts().size() - former, former));
    text.append("Median days to first value: ").append(TextTable.cell(median.value())).append(" (95% CI ")
        .append(TextTable.cell(median.lower())).append(" to ").append(TextTable.cell(median.upper()))
        .append(")\n");
    text.append(String.format(Locale.ROOT,
        "Reached value by day 14: %.1f%% (95%% CI %.1f%% to %.1f%%; Kaplan-Meier, churn censored)%n",
        100 * by14.value(), 100 * by14.lower(), 100 * by14.upper()));
    text.append(String.format(Locale.ROOT,
        "  with churn as a competing risk: %.1f%% reached value, %.1f%% churned first by day 14%n",
        100 * value14.value(), 100 * churn14.value()));
    text.append("Check-in day: ").append(TextTable.cell(checkIn.day()))
        .append(String.format(Locale.ROOT,
            " (chance of value in the next %.0f days falls below %.0f%%)%n", WINDOW, 100 * THRESHOLD));
    text.append("Stalled accounts past the check-in day: ").append(stalled.size())
        .append(stalled.isEmpty() ? "\n" : ", lowest chance of value before renewal first:\n");
    if (!stalled.isEmpty()) {
      TextTable t = TextTable.withHeader("account", "days since start", "renewal day", "chance before renewal");
      for (StalledAccount s : stalled.subList(0, Math.min(SHOW, stalled.size()))) {
        t.row(s.accountId().value(), s.daysSinceStart(), s.renewalDay(), s.chanceBeforeRenewal());
      }
      text.append(t);
    }
    if (stall != null) {
      text.append("Onboarding step where accounts stall most: ").append(stall).append('\n');
    }
    return new Result(text.toString(), json);
  }
}
