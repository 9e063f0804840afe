package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.report.ReportInputs;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SurveyResponse;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.survey.BenchmarkPrior;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.Nps;
import dev.cskit.survey.ResponseModel;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.UsageGroups;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.DailySeries;
import dev.cskit.ttv.Durations;
import dev.cskit.ttv.MilestoneEvent;
import dev.cskit.ttv.Payback;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's inputs from the sample portfolio: the demo's own results (the sections' shared scores,
 * validation, segmentation, plan) plus what only the report draws.
 *
 * <p>The previous snapshot is the same portfolio a month earlier: the accounts signed by then, their usage
 * events re-aggregated as of 30 days before the as-of date (the sample keeps 90 days of events, enough for the 30-day windows and their change),
 * joined with the CRM facts shifted by 30 days (tenure shorter, renewal further), and scored with the same
 * scorecards. Time-to-value cohorts are the accounts' segments (former accounts, which have no segment, are
 * left out of the cohorts but count in the cumulative incidence). Payback assumes an onboarding cost of
 * 2,000 per account, 15 a day of running cost, a benefit ramping up to 45 a day over 60 days from first value,
 * 10% a year discount, over a year.
 */
final class DemoReport {
  static final int PREVIOUS_DAYS = 30;
  static final double UPFRONT = 2_000;
  static final double DAILY_COST = 15;
  static final double DAILY_BENEFIT = 45;
  static final int RAMP_DAYS = 60;
  static final double DISCOUNT = 0.10;
  static final int HORIZON = 365;

  private DemoReport() {}

  /** The sample's MRR bridge over the 12 months up to its as-of month, as the retention section computes it. */
  static dev.cskit.retention.Bridge revenueBridge(SamplePortfolio p) {
    YearMonth asOf = YearMonth.from(p.asOf());
    dev.cskit.retention.MrrHistory h = dev.cskit.retention.MrrHistory.ofSubscriptions(
        RetentionSection.subscriptions(p),
        dev.cskit.retention.RetentionOptions.defaults().withThrough(YearMonth.from(p.asOf().plusYears(1))));
    YearMonth from = asOf.minusMonths(11).isBefore(h.firstMonth()) ? h.firstMonth() : asOf.minusMonths(11);
    return h.bridge(dev.cskit.retention.ReportPeriod.MONTH, from, asOf);
  }

  static ReportInputs inputs(DemoContext context) {
    SamplePortfolio p = context.portfolio();
    ScoreTable scores = HealthSection.scores(context);
    LocalDate previousAsOf = p.asOf().minusDays(PREVIOUS_DAYS);
    MetricTable previousUsage = UsageAggregator.builder()
        .asOf(previousAsOf)
        .windows(14, 30)
        .eventTypes(List.of("login", "feature_used", "app_built", "support_question", "seminar_attended",
            "email_clicked"))
        .build()
        .aggregate(p.accounts(), p.usageEvents());
    MetricTable crm = p.crm();
    double[] tenure = crm.column("tenure_days");
    double[] toRenewal = crm.column("days_to_renewal");
    for (int i = 0; i < tenure.length; i++) {
      tenure[i] -= PREVIOUS_DAYS;
      toRenewal[i] += PREVIOUS_DAYS;
    }
    MetricTable previousCrm = crm.select(crm.metrics().stream()
            .filter(m -> !m.equals("tenure_days") && !m.equals("days_to_renewal")).toArray(String[]::new))
        .withColumn("tenure_days", tenure).withColumn("days_to_renewal", toRenewal);
    // accounts that had signed by then
    List<Account> signed = p.accounts().stream()
        .filter(a -> a.contractStart().map(d -> !d.isAfter(previousAsOf)).orElse(true)).toList();
    java.util.Set<dev.cskit.core.AccountId> signedIds = new java.util.HashSet<>();
    signed.forEach(a -> signedIds.add(a.id()));
    MetricTable previousMetrics = SurveySection.restrict(previousUsage.join(previousCrm), signedIds);
    previousUsage = SurveySection.restrict(previousUsage, signedIds);
    ScoreTable previous = ScorecardSet.builtIn(HealthSection.SET).compile()
        .score(previousMetrics, ScoringOptions.builder().accounts(signed).build());

    // time to value: all accounts for the incidence and check-in, cohorts by segment
    List<MilestoneEvent> events = TimeToValueSection.events(p);
    Durations all = Durations.fromEvents(events, TimeToValueSection.spec(p));
    AalenJohansen aj = all.cumulativeIncidence(ConfType.LOG_LOG, 0.95);
    Map<String, String> segmentOf = new HashMap<>();
    for (Account a : p.accounts()) {
      segmentOf.put(a.id().value(), a.attribute("segment"));
    }
    Map<String, List<MilestoneEvent>> bySegment = new TreeMap<>();
    for (MilestoneEvent e : events) {
      String segment = segmentOf.get(e.accountId().value());
      if (segment != null) {
        bySegment.computeIfAbsent(segment, k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, KaplanMeier> cohorts = new LinkedHashMap<>();
    for (String segment : List.of("smb", "mid", "enterprise")) {
      if (bySegment.containsKey(segment)) {
        cohorts.put(segment, Durations.fromEvents(bySegment.get(segment), TimeToValueSection.spec(p))
            .kaplanMeier(ConfType.LOG_LOG, 0.95));
      }
    }
    Payback payback = Payback.expected(UPFRONT, DailySeries.constant(DAILY_COST),
        DailySeries.ramp(DAILY_BENEFIT, RAMP_DAYS), DISCOUNT, HORIZON, aj);

    // survey: the e-mail rate updated with the last wave, the next wave's outlook, the escalation plan
    List<SurveyResponse> responses = p.surveyResponses();
    long invited = responses.size();
    long responded = responses.stream().filter(SurveyResponse::responded).count();
    BetaPrior posterior = BenchmarkPrior.FIRST_SURVEY.prior().update(invited, responded);
    Map<YearMonth, List<Integer>> waves = new TreeMap<>();
    for (SurveyResponse r : responses) {
      if (r.responded()) {
        waves.computeIfAbsent(YearMonth.from(r.invitedOn()), k -> new ArrayList<>()).add(r.score());
      }
    }
    List<ReportInputs.NpsWave> nps = new ArrayList<>();
    waves.forEach((month, answers) -> nps.add(new ReportInputs.NpsWave(month.toString(), Nps.ofScores(answers))));

    ReportInputs.Builder b = ReportInputs.builder()
        .title("cskit: the sample portfolio (" + p.size() + " accounts, seed " + p.seed() + ")")
        .asOf(p.asOf())
        .accounts(p.accounts())
        .usageHistory(List.of(new ReportInputs.UsageSnapshot(previousAsOf, previousUsage),
            new ReportInputs.UsageSnapshot(p.asOf(), p.usage())))
        .scores(scores)
        .previousScores(previous, previousAsOf)
        .bandHistory(List.of(ReportInputs.BandSnapshot.of(previousAsOf, previous),
            ReportInputs.BandSnapshot.of(p.asOf(), scores)))
        .validation(ValidationSection.report(context))
        .segmentation(TouchModelSection.segmentation(context))
        .usageGroups(UsageGroups.of(p.usage(), TouchModel.example().usageGroups()))
        .timeToValue(cohorts)
        .incidence(aj)
        .checkIn(new ReportInputs.CheckInView(
            CheckIn.recommend(aj, TimeToValueSection.WINDOW, TimeToValueSection.THRESHOLD),
            CheckIn.chanceCurve(aj, TimeToValueSection.WINDOW)))
        .payback(payback)
        .npsWaves(nps)
        .revenueBridge(revenueBridge(p));
    if (invited > 0) {
      long wanted = Math.min(150, Math.max(1, invited / 10));
      b.surveyOutlook(new ReportInputs.SurveyOutlook(ResponseModel.betaBinomial(posterior), wanted,
          SurveySection.PROBABILITY, invited));
      b.surveyPlan(SurveySection.plan(posterior.mean(), SurveySection.contacts(context)));
    }
    return b.build();
  }
}
