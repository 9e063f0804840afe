package dev.cskit.run;

import dev.cskit.core.AccountId;
import dev.cskit.core.io.TextTable;
import dev.cskit.run.history.Alert;
import dev.cskit.run.history.Snapshot;
import dev.cskit.scoring.ScoreDiff;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.touchmodel.CapacityPlan;
import dev.cskit.touchmodel.Segmentation;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run as of a date decided: a value later steps (reports, revenue retention) read. {@link #toString()}
 * is the readable summary the command line prints.
 *
 * @param asOf the as-of date
 * @param previousAsOf the previous snapshot's date, or null for the first run
 * @param accounts the accounts that were customers at the date
 * @param scores the scores
 * @param movers accounts whose score moved by at least the threshold, largest move first, with the measures
 *     that moved them
 * @param alerts band changes confirmed by hysteresis, score drops, tier changes
 * @param tiers the touch-model segmentation
 * @param tierChanges accounts whose tier changed, with the reason
 * @param capacity hours and managers per tier
 * @param survey the survey plan
 * @param ttv time to value by cohort and the stalled accounts
 * @param validation validation of the score per scorecard over past snapshots old enough for the horizon
 * @param retention revenue retention (bridge, GRR/NRR, NRR by band), or null when the project names no
 *     subscriptions file
 * @param books the books of business (each high- and low-touch account's manager, per-manager loads), or null
 *     when the project names no roster or the roster could not take the tiers (see the warnings)
 * @param charts the result objects the report draws
 * @param warnings legal but suspicious things noticed
 * @param snapshot the snapshot written to the history
 */
public record RunResult(
    LocalDate asOf,
    LocalDate previousAsOf,
    int accounts,
    ScoreTable scores,
    List<Mover> movers,
    List<Alert> alerts,
    Segmentation tiers,
    List<TierChange> tierChanges,
    CapacityPlan capacity,
    SurveyOutcome survey,
    TtvOutcome ttv,
    List<CardValidation> validation,
    RetentionOutcome retention,
    dev.cskit.touchmodel.books.BookAssignment books,
    Charts charts,
    List<String> warnings,
    Snapshot snapshot) {

  /** Copies the lists. */
  public RunResult {
    movers = List.copyOf(movers);
    alerts = List.copyOf(alerts);
    tierChanges = List.copyOf(tierChanges);
    validation = List.copyOf(validation);
    warnings = List.copyOf(warnings);
  }

  /**
   * Revenue retention as of the run: the monthly MRR bridge of the last 12 complete months up to the as-of
   * month, the rates of its last month (monthly and 12-month GRR/NRR), and NRR, GRR and logo churn by the
   * health band and tier of this run's snapshot where the subscriptions reach far enough.
   *
   * @param from the bridge's first month
   * @param to the bridge's last month (the last month ended on or before the as-of date, or the subscriptions'
   *     last month if earlier)
   * @param bridge the monthly bridge (reconciles to the cent)
   * @param rates the rates of the bridge's last month
   * @param byBand retention by band and tier after this snapshot, or null when it cannot be computed (see notes)
   * @param notes why a part is missing or a horizon is not observed yet
   */
  public record RetentionOutcome(java.time.YearMonth from, java.time.YearMonth to, dev.cskit.retention.Bridge bridge,
      dev.cskit.retention.RateRow rates, dev.cskit.retention.BandRetention byBand, List<String> notes) {
    /** Copies the notes. */
    public RetentionOutcome {
      notes = List.copyOf(notes);
    }
  }

  /**
   * The result objects behind the run's summaries, as the HTML report draws them (each null or empty when the
   * run could not compute it).
   *
   * @param previousScores the previous snapshot's metrics re-scored with today's card (the movers' basis)
   * @param metrics the metrics the run scored
   * @param validation the validation of the card with the most evaluated snapshots
   * @param timeToValue Kaplan-Meier time to value per cohort
   * @param incidence cumulative incidence of value and churn over all accounts
   * @param checkIn the recommended check-in day
   * @param checkInCurve the chance of value in the next window by day
   * @param surveyModel the response model after the past waves
   * @param surveyEligible contacts eligible for the next wave
   * @param surveyPlan the cheapest escalation plan
   */
  public record Charts(dev.cskit.scoring.ScoreTable previousScores, dev.cskit.core.MetricTable metrics,
      dev.cskit.scoring.validation.ValidationReport validation,
      Map<String, dev.cskit.ttv.stats.KaplanMeier> timeToValue, dev.cskit.ttv.stats.AalenJohansen incidence,
      dev.cskit.ttv.CheckInDay checkIn, List<dev.cskit.ttv.CheckIn.Chance> checkInCurve,
      dev.cskit.survey.ResponseModel surveyModel, long surveyEligible, dev.cskit.survey.PlanResult surveyPlan) {
    /** Copies the map. */
    public Charts {
      timeToValue = Map.copyOf(new java.util.TreeMap<>(timeToValue));
    }
  }

  /** An account whose score moved, and the measures that moved it (largest first). */
  public record Mover(AccountId accountId, String card, double before, double after, List<ScoreDiff.Line> lines) {
    /** Copies the lines. */
    public Mover {
      lines = List.copyOf(lines);
    }

    /** The change in points. */
    public double change() {
      return after - before;
    }

    /** The top {@code n} lines as text ({@code measure +3.2; ...}). */
    public String reasons(int n) {
      StringBuilder sb = new StringBuilder();
      for (ScoreDiff.Line l : lines.subList(0, Math.min(n, lines.size()))) {
        sb.append(sb.length() == 0 ? "" : "; ").append(l.label()).append(' ')
            .append(String.format(Locale.ROOT, "%+.1f", l.points()));
      }
      return sb.toString();
    }
  }

  /** A tier change with its reason. */
  public record TierChange(AccountId accountId, String from, String to, String reason, String band) {}

  /**
   * The survey plan.
   *
   * @param contacts contacts of current accounts
   * @param eligible contacts eligible after throttling
   * @param excludedByReason excluded contacts by reason
   * @param pastWaves waves already sent by the date
   * @param priorMean the e-mail response-rate prior's mean after the past waves
   * @param priorAlpha its alpha
   * @param priorBeta its beta
   * @param targetResponses answers wanted
   * @param invitations invitations needed for them with the configured probability (null when not feasible)
   * @param plan the cheapest escalation plan's statement, or null without a plan file
   * @param planCost its expected cost (NaN without a plan)
   * @param silentAtRisk silent accounts of the last wave that are at risk
   */
  public record SurveyOutcome(long contacts, long eligible, Map<String, Long> excludedByReason,
      List<dev.cskit.run.history.SurveyWaveRecord> pastWaves, double priorMean, double priorAlpha, double priorBeta,
      long targetResponses, Long invitations, String plan, double planCost, List<AccountId> silentAtRisk) {}

  /**
   * Time to value.
   *
   * @param cohorts one row per cohort (and {@code all})
   * @param checkInDay the recommended check-in day (NaN when none)
   * @param stalled stalled accounts past the check-in day, lowest chance of value before renewal first
   */
  public record TtvOutcome(List<TtvCohort> cohorts, double checkInDay, List<dev.cskit.ttv.StalledAccount> stalled) {}

  /** Time to value of one cohort. */
  public record TtvCohort(String cohort, int accounts, int reachedValue, int churnedFirst, double medianDays,
      double valueBy30, double churnBy30) {}

  /**
   * Validation of one scorecard over the past snapshots old enough for the horizon.
   *
   * @param card the scorecard
   * @param snapshots the snapshot dates used
   * @param horizonDays the horizon
   * @param evaluated snapshots with a known outcome
   * @param churned of them churned
   * @param leftOut snapshots left out, by reason
   * @param auc the AUC (NaN when it cannot be computed)
   * @param aucLower its lower 95% bound
   * @param aucUpper its upper 95% bound
   * @param fittedWeights suggested weights (measure to weight), empty when the evidence does not allow
   * @param note why there is no AUC or no fitted weights, or null
   */
  public record CardValidation(String card, List<LocalDate> snapshots, int horizonDays, int evaluated, int churned,
      Map<String, Integer> leftOut, double auc, double aucLower, double aucUpper, Map<String, Double> fittedWeights,
      String note) {}

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Run as of %s: %d accounts; previous snapshot %s%n", asOf, accounts,
        previousAsOf == null ? "none (first run)" : previousAsOf.toString()));
    sb.append("Bands: ").append(TextTable.pairs(scores.bandCounts())).append('\n');
    sb.append(String.format(Locale.ROOT, "%nAccounts that moved (%d), largest first:%n", movers.size()));
    TextTable mt = TextTable.withHeader("account", "card", "before", "after", "change", "measures that moved it");
    for (Mover m : movers.subList(0, Math.min(15, movers.size()))) {
      mt.row(m.accountId().value(), m.card(), r1(m.before()), r1(m.after()), r1(m.change()), m.reasons(3));
    }
    sb.append(mt);
    long bandChanges = alerts.stream().filter(a -> a.kind().equals("band_change")).count();
    long drops = alerts.stream().filter(a -> a.kind().equals("score_drop")).count();
    sb.append(String.format(Locale.ROOT, "%nConfirmed band changes: %d; score-drop alerts: %d%n", bandChanges, drops));
    sb.append(String.format(Locale.ROOT, "%nTier changes (%d):%n", tierChanges.size()));
    TextTable tt = TextTable.withHeader("account", "from", "to", "band", "reason");
    for (TierChange t : tierChanges.subList(0, Math.min(15, tierChanges.size()))) {
      tt.row(t.accountId().value(), t.from(), t.to(), t.band(), t.reason());
    }
    sb.append(tt);
    sb.append('\n').append(tiers.summaryTable());
    sb.append("\nCapacity:\n").append(capacity);
    sb.append(String.format(Locale.ROOT,
        "%nSurvey: %d contacts, %d eligible after throttling; e-mail rate prior Beta(%.1f, %.1f), mean %.1f%% after"
            + " %d past waves; %s invitations for %d answers%n",
        survey.contacts(), survey.eligible(), survey.priorAlpha(), survey.priorBeta(), 100 * survey.priorMean(),
        survey.pastWaves().size(), survey.invitations() == null ? "no feasible number of" : survey.invitations(),
        survey.targetResponses()));
    if (survey.plan() != null) {
      sb.append("Plan: ").append(survey.plan()).append('\n');
    }
    sb.append("Silent accounts at risk: ").append(survey.silentAtRisk().size()).append('\n');
    sb.append("\nTime to value by cohort (churn as a competing risk):\n");
    TextTable vt = TextTable.withHeader("cohort", "accounts", "reached value", "churned first", "median days",
        "value by day 30", "churn by day 30");
    for (TtvCohort c : ttv.cohorts()) {
      vt.row(c.cohort(), c.accounts(), c.reachedValue(), c.churnedFirst(), c.medianDays(), c.valueBy30(),
          c.churnBy30());
    }
    sb.append(vt);
    sb.append(String.format(Locale.ROOT, "Check-in day %s; stalled accounts: %d%n",
        TextTable.number(ttv.checkInDay()), ttv.stalled().size()));
    sb.append("\nValidation against outcomes:\n");
    if (validation.isEmpty()) {
      sb.append("no snapshot is old enough for the horizon yet\n");
    }
    for (CardValidation v : validation) {
      sb.append(String.format(Locale.ROOT,
          "%s: %d snapshots (%s..%s), horizon %d days: %d evaluated, %d churned, left out %s; AUC %s (95%% CI %s to %s)%n",
          v.card(), v.snapshots().size(), v.snapshots().get(0), v.snapshots().get(v.snapshots().size() - 1),
          v.horizonDays(), v.evaluated(), v.churned(), TextTable.pairs(v.leftOut()), TextTable.number(v.auc()),
          TextTable.number(v.aucLower()), TextTable.number(v.aucUpper())));
      if (!v.fittedWeights().isEmpty()) {
        sb.append("  suggested weights: ").append(TextTable.pairs(v.fittedWeights())).append('\n');
      }
      if (v.note() != null) {
        sb.append("  ").append(v.note()).append('\n');
      }
    }
    if (books != null) {
      sb.append(String.format(Locale.ROOT, "%nBooks of business (%d managers):%n", books.managers().size()));
      sb.append(books.managerTable()).append(books.balanceText());
    }
    if (retention != null) {
      sb.append(String.format(Locale.ROOT, "%nRevenue retention, MRR bridge %s to %s:%n", retention.from(),
          retention.to()));
      sb.append(retention.bridge());
      var rr = retention.rates();
      sb.append(String.format(Locale.ROOT,
          "%s: GRR %s, NRR %s (monthly, %d accounts); 12-month GRR %s, NRR %s (%d accounts)%n", rr.label(),
          pct(rr.grr()), pct(rr.nrr()), rr.startingAccounts(), pct(rr.grr12()), pct(rr.nrr12()), rr.accounts12()));
      if (retention.byBand() != null) {
        sb.append("By health band and tier of this snapshot:\n").append(retention.byBand());
      }
      for (String n : retention.notes()) {
        sb.append("  ").append(n).append('\n');
      }
    }
    for (String w : warnings) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static double r1(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
