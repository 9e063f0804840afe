package dev.cskit.report;

import dev.cskit.core.Account;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.validation.ValidationReport;
import dev.cskit.survey.Nps;
import dev.cskit.survey.PlanResult;
import dev.cskit.survey.ResponseModel;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.UsageGroups;
import dev.cskit.ttv.CheckIn;
import dev.cskit.ttv.CheckInDay;
import dev.cskit.ttv.Payback;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.KaplanMeier;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report draws: the library's results, each part optional. A part left out is not guessed: its
 * charts are replaced by a sentence saying what is missing and how to get it. Immutable; build it with
 * {@link #builder()}.
 */
public final class ReportInputs {
  /**
   * The health bands of one snapshot, for band shares over time.
   *
   * @param date the snapshot's as-of date
   * @param counts accounts per band
   */
  public record BandSnapshot(LocalDate date, Map<HealthBand, Integer> counts) {
    /** Copies the counts. */
    public BandSnapshot {
      Objects.requireNonNull(date, "date");
      counts = Map.copyOf(counts);
    }

    /** The band counts of a scoring. */
    public static BandSnapshot of(LocalDate date, ScoreTable scores) {
      return new BandSnapshot(date, scores.bandCounts());
    }
  }

  /**
   * The aggregated usage of one snapshot, for the usage trend (the report sums {@code events_30d} and
   * counts the accounts with any event in 30 days).
   *
   * @param date the snapshot's as-of date
   * @param usage the metrics {@code UsageAggregator} produced on that date
   */
  public record UsageSnapshot(LocalDate date, MetricTable usage) {
    /** Checks the parts. */
    public UsageSnapshot {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(usage, "usage");
    }
  }

  /**
   * One NPS wave.
   *
   * @param label the wave's label (e.g. its month)
   * @param nps its answers
   */
  public record NpsWave(String label, Nps nps) {
    /** Checks the parts. */
    public NpsWave {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(nps, "nps");
    }
  }

  /**
   * The next survey wave's outlook: the chance of at least {@code targetResponses} answers against the
   * number invited, under a response model.
   *
   * @param model the response model (e.g. beta-binomial on the updated rate)
   * @param targetResponses the answers wanted
   * @param probability the probability wanted (marked on the curve)
   * @param maxInvitations the contacts available (the curve's right end)
   */
  public record SurveyOutlook(ResponseModel model, long targetResponses, double probability, long maxInvitations) {
    /** Checks the parts. */
    public SurveyOutlook {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * The check-in day and the curve it is read from.
   *
   * @param day the recommended day ({@link CheckIn#recommend})
   * @param curve the conditional chance of value within the window ({@link CheckIn#chanceCurve})
   */
  public record CheckInView(CheckInDay day, List<CheckIn.Chance> curve) {
    /** Copies the curve. */
    public CheckInView {
      Objects.requireNonNull(day, "day");
      curve = List.copyOf(curve);
    }
  }

  private final String title;
  private final LocalDate asOf;
  private final List<Account> accounts;
  private final List<UsageSnapshot> usageHistory;
  private final ScoreTable scores;
  private final ScoreTable previousScores;
  private final LocalDate previousAsOf;
  private final List<BandSnapshot> bandHistory;
  private final ValidationReport validation;
  private final Segmentation segmentation;
  private final UsageGroups usageGroups;
  private final Map<String, KaplanMeier> timeToValue;
  private final AalenJohansen incidence;
  private final CheckInView checkIn;
  private final Payback payback;
  private final SurveyOutlook surveyOutlook;
  private final PlanResult surveyPlan;
  private final List<NpsWave> npsWaves;
  private final dev.cskit.retention.Bridge revenueBridge;

  private ReportInputs(Builder b) {
    this.title = b.title;
    this.asOf = b.asOf;
    this.accounts = b.accounts == null ? null : List.copyOf(b.accounts);
    this.usageHistory = List.copyOf(b.usageHistory);
    this.scores = b.scores;
    this.previousScores = b.previousScores;
    this.previousAsOf = b.previousAsOf;
    this.bandHistory = List.copyOf(b.bandHistory);
    this.validation = b.validation;
    this.segmentation = b.segmentation;
    this.usageGroups = b.usageGroups;
    this.timeToValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.timeToValue));
    this.incidence = b.incidence;
    this.checkIn = b.checkIn;
    this.payback = b.payback;
    this.surveyOutlook = b.surveyOutlook;
    this.surveyPlan = b.surveyPlan;
    this.npsWaves = List.copyOf(b.npsWaves);
    this.revenueBridge = b.revenueBridge;
  }

  /** The MRR bridge of the revenue section, if given. */
  public Optional<dev.cskit.retention.Bridge> revenueBridge() {
    return Optional.ofNullable(revenueBridge);
  }

  /** A builder with every part absent. */
  public static Builder builder() {
    return new Builder();
  }

  /** The page's title. */
  public String title() {
    return title;
  }

  /** The as-of date of the current snapshot. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** The accounts (portfolio by segment and stage). */
  public Optional<List<Account>> accounts() {
    return Optional.ofNullable(accounts);
  }

  /** The usage of each snapshot, oldest first (the usage trend needs two or more). */
  public List<UsageSnapshot> usageHistory() {
    return usageHistory;
  }

  /** The current scores. */
  public Optional<ScoreTable> scores() {
    return Optional.ofNullable(scores);
  }

  /** The previous snapshot's scores (movers and band transitions). */
  public Optional<ScoreTable> previousScores() {
    return Optional.ofNullable(previousScores);
  }

  /** The previous snapshot's as-of date. */
  public Optional<LocalDate> previousAsOf() {
    return Optional.ofNullable(previousAsOf);
  }

  /** The band counts of each snapshot, oldest first (band shares over time need two or more). */
  public List<BandSnapshot> bandHistory() {
    return bandHistory;
  }

  /** The validation of the score against churn. */
  public Optional<ValidationReport> validation() {
    return Optional.ofNullable(validation);
  }

  /** The touch-model segmentation. */
  public Optional<Segmentation> segmentation() {
    return Optional.ofNullable(segmentation);
  }

  /** The usage groups. */
  public Optional<UsageGroups> usageGroups() {
    return Optional.ofNullable(usageGroups);
  }

  /** Time-to-value curves per cohort, in drawing order. */
  public Map<String, KaplanMeier> timeToValue() {
    return timeToValue;
  }

  /** The cumulative incidence of value (type 1) and churn (type 2). */
  public Optional<AalenJohansen> incidence() {
    return Optional.ofNullable(incidence);
  }

  /** The check-in day on its curve. */
  public Optional<CheckInView> checkIn() {
    return Optional.ofNullable(checkIn);
  }

  /** The payback curve. */
  public Optional<Payback> payback() {
    return Optional.ofNullable(payback);
  }

  /** The next survey wave's outlook. */
  public Optional<SurveyOutlook> surveyOutlook() {
    return Optional.ofNullable(surveyOutlook);
  }

  /** The survey escalation plan. */
  public Optional<PlanResult> surveyPlan() {
    return Optional.ofNullable(surveyPlan);
  }

  /** NPS waves, oldest first. */
  public List<NpsWave> npsWaves() {
    return npsWaves;
  }

  /** Builds {@link ReportInputs}; every part is optional. */
  public static final class Builder {
    private String title = "cskit report";
    private LocalDate asOf;
    private List<Account> accounts;
    private List<UsageSnapshot> usageHistory = List.of();
    private ScoreTable scores;
    private ScoreTable previousScores;
    private LocalDate previousAsOf;
    private List<BandSnapshot> bandHistory = List.of();
    private ValidationReport validation;
    private Segmentation segmentation;
    private UsageGroups usageGroups;
    private Map<String, KaplanMeier> timeToValue = Map.of();
    private AalenJohansen incidence;
    private CheckInView checkIn;
    private Payback payback;
    private SurveyOutlook surveyOutlook;
    private PlanResult surveyPlan;
    private List<NpsWave> npsWaves = List.of();
    private dev.cskit.retention.Bridge revenueBridge;

    private Builder() {}

    /** The MRR bridge ({@code MrrHistory.bridge}) drawn as a waterfall in the revenue section. */
    public Builder revenueBridge(dev.cskit.retention.Bridge bridge) {
      this.revenueBridge = bridge;
      return this;
    }

    /** The page's title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** The as-of date of the current snapshot. */
    public Builder asOf(LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /** The accounts. */
    public Builder accounts(List<Account> accounts) {
      this.accounts = accounts;
      return this;
    }

    /** The usage of each snapshot, oldest first. */
    public Builder usageHistory(List<UsageSnapshot> history) {
      this.usageHistory = history;
      return this;
    }

    /** The current scores. */
    public Builder scores(ScoreTable scores) {
      this.scores = scores;
      return this;
    }

    /** The previous snapshot's scores and its as-of date. */
    public Builder previousScores(ScoreTable scores, LocalDate asOf) {
      this.previousScores = scores;
      this.previousAsOf = asOf;
      return this;
    }

    /** The band counts of each snapshot, oldest first. */
    public Builder bandHistory(List<BandSnapshot> history) {
      this.bandHistory = history;
      return this;
    }

    /** The validation report. */
    public Builder validation(ValidationReport validation) {
      this.validation = validation;
      return this;
    }

    /** The touch-model segmentation. */
    public Builder segmentation(Segmentation segmentation) {
      this.segmentation = segmentation;
      return this;
    }

    /** The usage groups. */
    public Builder usageGroups(UsageGroups groups) {
      this.usageGroups = groups;
      return this;
    }

    /** Time-to-value curves per cohort, in drawing order. */
    public Builder timeToValue(Map<String, KaplanMeier> cohorts) {
      this.timeToValue = cohorts;
      return this;
    }

    /** The cumulative incidence of value (type 1) and churn (type 2). */
    public Builder incidence(AalenJohansen incidence) {
      this.incidence = incidence;
      return this;
    }

    /** The check-in day on its curve. */
    public Builder checkIn(CheckInView checkIn) {
      this.checkIn = checkIn;
      return this;
    }

    /** The payback curve. */
    public Builder payback(Payback payback) {
      this.payback = payback;
      return this;
    }

    /** The next survey wave's outlook. */
    public Builder surveyOutlook(SurveyOutlook outlook) {
      this.surveyOutlook = outlook;
      return this;
    }

    /** The survey escalation plan. */
    public Builder surveyPlan(PlanResult plan) {
      this.surveyPlan = plan;
      return this;
    }

    /** NPS waves, oldest first. */
    public Builder npsWaves(List<NpsWave> waves) {
      this.npsWaves = waves;
      return this;
    }

    /** The inputs. */
    public ReportInputs build() {
      return new ReportInputs(this);
    }
  }
}
