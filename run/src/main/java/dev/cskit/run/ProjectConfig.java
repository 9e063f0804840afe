package dev.cskit.run;

import dev.cskit.core.ConfigPath;
import java.util.List;

/**
 * The project file ({@code cskit.yaml}) as written: where a team's data lives and which configs the run uses.
 * Paths are relative to the project file. Read strictly by {@link dev.cskit.core.Configs}: an unknown field is
 * an error naming its path and line.
 *
 * <p>The format version is {@code formatVersion}; files of earlier releases that say {@code version: 1} still
 * read (any other {@code version}, or both names, is an error naming the path).
 *
 * @param formatVersion the file format version, {@value #VERSION}
 * @param name the project's name (free text)
 * @param history the history store: a DuckDB file (default {@code history.duckdb}), or a
 *     {@code jdbc:postgresql://...} URL
 * @param output the folder that receives one sub-folder per as-of date (default {@code runs})
 * @param data the data files
 * @param configs the configs
 */
public record ProjectConfig(Integer formatVersion, String name, String history, String output, Data data,
    Settings configs) {
  /** The format version this code reads. */
  public static final int VERSION = 1;

  /** The project file as written: {@code formatVersion}, or {@code version} (earlier releases), not both. */
  @com.fasterxml.jackson.annotation.JsonCreator
  static ProjectConfig fromConfig(
      @com.fasterxml.jackson.annotation.JsonProperty("formatVersion") Integer formatVersion,
      @com.fasterxml.jackson.annotation.JsonProperty("version") Integer version,
      @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
      @com.fasterxml.jackson.annotation.JsonProperty("history") String history,
      @com.fasterxml.jackson.annotation.JsonProperty("output") String output,
      @com.fasterxml.jackson.annotation.JsonProperty("data") Data data,
      @com.fasterxml.jackson.annotation.JsonProperty("configs") Settings configs) {
    return new ProjectConfig(ConfigPath.root().formatVersion(formatVersion, version, VERSION), name, history, output,
        data, configs);
  }

  /** Validates required fields and fills defaults. */
  public ProjectConfig {
    ConfigPath root = ConfigPath.root();
    root.field("formatVersion").required(formatVersion);
    root.field("formatVersion").check(formatVersion == VERSION, "must be " + VERSION, formatVersion);
    name = name == null ? "cskit project" : name;
    history = history == null ? "history.duckdb" : history;
    output = output == null ? "runs" : output;
    root.field("data").required(data);
    configs = configs == null ? new Settings(null, null, null, null, null, null, null, null) : configs;
  }

  /**
   * The data files.
   *
   * @param accounts accounts CSV ({@code account_id, name, arr, currency, seats, contract_start, renewal_date,
   *     stage}, attributes in other columns); required
   * @param events usage events CSV ({@code account_id, user_id, event_type, timestamp}); required
   * @param metrics extra per-account metric files joined by {@code account_id}
   * @param milestones onboarding milestones CSV ({@code account_id, event_type, timestamp})
   * @param status account status history CSV ({@code account_id, date, status}: active, renewed, churned)
   * @param survey survey contacts and responses
   * @param overrides score overrides file (YAML or JSON)
   * @param subscriptions subscription line items CSV ({@code account_id, subscription_id, plan, start_date,
   *     end_date, amount, billing_period, currency}); when named, the run adds a revenue-retention section
   * @param roster the managers CSV ({@code manager_id, tier, hours, max_accounts, regions, languages,
   *     segments}); when named, the run assigns books of business after tiering
   */
  public record Data(String accounts, String events, List<MetricFile> metrics, String milestones, String status,
      SurveyData survey, String overrides, String subscriptions, String roster) {
    /** Validates required files. */
    public Data {
      ConfigPath d = ConfigPath.root();
      d.field("accounts").required(accounts);
      d.field("events").required(events);
      metrics = metrics == null ? List.of() : List.copyOf(metrics);
      for (int i = 0; i < metrics.size(); i++) {
        d.field("metrics").index(i).required(metrics.get(i));
      }
    }
  }

  /**
   * An extra metric file: {@code account_id}, optionally {@code as_of} (the run takes each account's latest
   * row at or before its date), and one numeric column per metric.
   *
   * @param file the CSV file
   */
  public record MetricFile(String file) {
    /** Validates the file name. */
    public MetricFile {
      ConfigPath.root().field("file").required(file);
    }
  }

  /**
   * Survey data.
   *
   * @param contacts contacts CSV ({@code account_id, contact_id})
   * @param responses past invitations and answers CSV ({@code account_id, contact_id, invited_on, channel,
   *     responded, score, responded_on})
   */
  public record SurveyData(String contacts, String responses) {}

  /**
   * The configs of the run.
   *
   * @param scorecard a built-in scorecard or set name ({@code by-stage}, {@code three-axis}, ...) or a file
   * @param touchModel a touch-model file, or {@code example}
   * @param surveyPlan an escalation-plan file (its population is replaced by the eligible contacts)
   * @param usage usage aggregation settings
   * @param bands band hysteresis and drop alerts across runs
   * @param ttv time-to-value settings
   * @param validation validation settings
   * @param survey survey targets
   */
  public record Settings(String scorecard, String touchModel, String surveyPlan, Usage usage, Bands bands, Ttv ttv,
      Validation validation, Survey survey) {
    /** Fills defaults. */
    public Settings {
      scorecard = scorecard == null ? "by-stage" : scorecard;
      touchModel = touchModel == null ? "example" : touchModel;
      usage = usage == null ? new Usage(null) : usage;
      bands = bands == null ? new Bands(null, null, null, null) : bands;
      ttv = ttv == null ? new Ttv(null, null, null, null) : ttv;
      validation = validation == null ? new Validation(null, null) : validation;
      survey = survey == null ? new Survey(null, null, null) : survey;
    }
  }

  /**
   * Usage aggregation.
   *
   * @param windows window lengths in days (default 14 and 30)
   */
  public record Usage(List<Integer> windows) {
    /** Fills defaults. */
    public Usage {
      windows = windows == null ? List.of(14, 30) : List.copyOf(windows);
      for (int i = 0; i < windows.size(); i++) {
        Integer w = windows.get(i);
        ConfigPath.root().field("windows").index(i).check(w != null && w >= 1 && w <= 366, "must be 1 to 366 days", w);
      }
    }
  }

  /**
   * Band hysteresis across runs, and drop alerts.
   *
   * @param margin points a score must pass a boundary by to change band (default 3)
   * @param confirmations consecutive snapshots past a boundary to change band (default 2; 1 = no wait)
   * @param dropPoints a fall of at least this many points raises a drop alert (default 15)
   * @param dropDays within this many days (default 35)
   */
  public record Bands(Double margin, Integer confirmations, Double dropPoints, Integer dropDays) {
    /** Fills defaults and checks ranges. */
    public Bands {
      ConfigPath b = ConfigPath.root();
      margin = margin == null ? 3.0 : margin;
      confirmations = confirmations == null ? 2 : confirmations;
      dropPoints = dropPoints == null ? 15.0 : dropPoints;
      dropDays = dropDays == null ? 35 : dropDays;
      b.field("margin").check(margin >= 0, "must be >= 0", margin);
      b.field("confirmations").check(confirmations >= 1, "must be >= 1", confirmations);
      b.field("dropPoints").check(dropPoints > 0, "must be > 0", dropPoints);
      b.field("dropDays").check(dropDays >= 1, "must be >= 1", dropDays);
    }
  }

  /**
   * Time to value.
   *
   * @param start the start milestone (default {@code contract_signed})
   * @param value the value milestone (default {@code first_value})
   * @param churn the churn milestone (default {@code churned})
   * @param cohorts account columns to split cohorts by (default {@code segment})
   */
  public record Ttv(String start, String value, String churn, List<String> cohorts) {
    /** Fills defaults. */
    public Ttv {
      start = start == null ? "contract_signed" : start;
      value = value == null ? "first_value" : value;
      churn = churn == null ? "churned" : churn;
      cohorts = cohorts == null ? List.of("segment") : List.copyOf(cohorts);
    }
  }

  /**
   * Validation of the score against outcomes.
   *
   * @param horizonDays the outcome horizon (default 90)
   * @param minChurned the fewest churned and the fewest retained accounts before fitted weights are suggested
   *     (default 20)
   */
  public record Validation(Integer horizonDays, Integer minChurned) {
    /** Fills defaults. */
    public Validation {
      horizonDays = horizonDays == null ? 90 : horizonDays;
      minChurned = minChurned == null ? 20 : minChurned;
      ConfigPath.root().field("horizonDays").check(horizonDays >= 1, "must be >= 1", horizonDays);
    }
  }

  /**
   * Survey targets for the next wave.
   *
   * @param targetResponses the answers wanted (default 150)
   * @param probability the chance of getting them (default 0.9)
   * @param throttleDays do not invite a contact invited within this many days (default 90)
   */
  public record Survey(Long targetResponses, Double probability, Integer throttleDays) {
    /** Fills defaults. */
    public Survey {
      targetResponses = targetResponses == null ? 150L : targetResponses;
      probability = probability == null ? 0.9 : probability;
      throttleDays = throttleDays == null ? 90 : throttleDays;
      ConfigPath.root().field("probability").check(probability > 0 && probability < 1, "must be in (0, 1)",
          probability);
    }
  }
}
