package dev.cskit.survey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import dev.cskit.core.TouchTier;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A survey escalation plan: who is to be surveyed, the target, and the candidate waves in escalation order.
 * A versioned configuration, read with {@link #read(Path)} (YAML or JSON, strict: unknown fields are errors)
 * or built in Java; {@link #cheapest()} finds the cheapest plan from these waves that reaches the target.
 *
 * <h2>File format, formatVersion 1</h2>
 *
 * <pre>{@code
 * formatVersion: 1           # required, must be 1 (files of earlier releases say version: 1, still read)
 * population:                # the contacts that can be surveyed: either
 *   total: 1200              #   a number of contacts, or
 *   tiers:                   #   contacts per touch tier (then waves may be limited to tiers)
 *     tech: 900
 *     low: 250
 *     high: 50
 * target:
 *   rate: 0.35               # a response rate to reach (of the whole population), or
 *   # responses: 300         # a number of responses (then fewer contacts may be invited)
 *   probability: 0.9         # the chance of reaching it, in (0, 1)
 * waves:                     # candidate waves, in the order they are sent; at least one
 *   - name: email            # unique
 *     channel: email         # optional, defaults to the name
 *     rate: 0.15             # response rate among the still-silent contacts it reaches, in [0, 1]
 *     costPerContact: 0.05   # optional, default 0
 *     required: true         # optional: every plan includes this wave (default false)
 *   - name: phone
 *     rate: 0.30
 *     costPerContact: 6
 *     capacity: 200          # optional: the most contacts this wave can make; 1 or more
 *     tiers: [low, high]     # optional: only these tiers (needs population.tiers)
 * }</pre>
 *
 * <p>Errors name the path, e.g. {@code plan.yaml, waves[2].capacity (line 14): must be 1 or more contacts}.
 *
 * @param formatVersion the configuration format version, 1
 * @param population the contacts to survey
 * @param target what to reach
 * @param waves the candidate waves, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscalationPlan(int formatVersion, Population population, Target target, List<Wave> waves) {
  /** The only format version so far. */
  public static final int VERSION = 1;

  /**
   * @throws ConfigException when the plan breaks a rule
   */
  public EscalationPlan {
    ConfigPath root = ConfigPath.root();
    root.field("formatVersion").check(formatVersion == VERSION, "must be " + VERSION, formatVersion);
    root.field("population").required(population);
    root.field("target").required(target);
    root.field("waves").required(waves);
    root.field("waves").check(!waves.isEmpty(), "must list at least one wave", "none");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < waves.size(); i++) {
      Wave w = waves.get(i);
      ConfigPath p = root.field("waves").index(i);
      p.required(w);
      p.field("name").check(names.add(w.name()), "must be unique among the waves", w.name());
      if (w.tiers() != null && !w.tiers().isEmpty()) {
        if (population.tiers() == null) {
          throw p.field("tiers").error(
              "needs the population given per tier (population.tiers)", String.join(", ", w.tiers()));
        }
        for (int j = 0; j < w.tiers().size(); j++) {
          String t = TouchTier.of(w.tiers().get(j)).name();
          p.field("tiers").index(j).check(
              population.tierMap().containsKey(TouchTier.of(t)),
              "must be one of the population's tiers " + population.tierMap().keySet(), t);
        }
      }
    }
    waves = List.copyOf(waves);
  }

  /**
   * Binds a plan from configuration; {@code formatVersion} is required ({@code version}, its name in earlier
   * releases, still reads as 1; not both).
   */
  @JsonCreator
  static EscalationPlan fromConfig(
      @JsonProperty("formatVersion") Integer formatVersion,
      @JsonProperty("version") Integer version,
      @JsonProperty("population") Population population,
      @JsonProperty("target") Target target,
      @JsonProperty("waves") List<Wave> waves) {
    return new EscalationPlan(ConfigPath.root().formatVersion(formatVersion, version, VERSION), population, target,
        waves);
  }

  /** A plan (format version 1) built in Java. */
  public static EscalationPlan of(Population population, Target target, List<Wave> waves) {
    return new EscalationPlan(VERSION, population, target, waves);
  }

  /** Reads a plan from a YAML or JSON file (by its extension). */
  public static EscalationPlan read(Path file) {
    return Configs.read(file, EscalationPlan.class);
  }

  /** Reads a plan from text. */
  public static EscalationPlan parse(String text, ConfigFormat format, String source) {
    return Configs.parse(text, format, source, EscalationPlan.class);
  }

  /** The cheapest plan from these waves that reaches the target, or the statement that none can. */
  public PlanResult cheapest() {
    return Escalation.cheapest(this);
  }

  /**
   * The contacts to survey: a total, or counts per touch tier (exactly one of the two).
   *
   * @param total a number of contacts, 1 or more
   * @param tiers contacts per tier name, each 0 or more, at least 1 in all
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Population(Long total, Map<String, Long> tiers) {
    /** The tier used for a population given as a total. */
    public static final TouchTier ALL = TouchTier.of("all");

    /**
     * @throws ConfigException when neither or both are given, or a count is invalid
     */
    public Population {
      ConfigPath root = ConfigPath.root();
      if ((total == null) == (tiers == null)) {
        throw root.error("must give exactly one of total or tiers", total == null ? "neither" : "both");
      }
      if (total != null) {
        root.field("total").check(total >= 1, "must be 1 or more contacts", total);
      } else {
        root.field("tiers").check(!tiers.isEmpty(), "must list at least one tier", "none");
        long sum = 0;
        Map<String, Long> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : tiers.entrySet()) {
          ConfigPath p = root.field("tiers").field(e.getKey());
          p.check(e.getValue() != null && e.getValue() >= 0, "must be 0 or more contacts", e.getValue());
          p.check(!e.getKey().isBlank(), "must be a tier name", e.getKey());
          sum += e.getValue();
          copy.put(e.getKey(), e.getValue());
        }
        root.field("tiers").check(sum >= 1, "must hold 1 or more contacts in all", sum);
        tiers = java.util.Collections.unmodifiableMap(copy);
      }
    }

    /** A population of {@code n} contacts. */
    public static Population ofTotal(long n) {
      return new Population(n, null);
    }

    /** A population per touch tier. */
    public static Population ofTiers(Map<TouchTier, Long> counts) {
      Map<String, Long> m = new LinkedHashMap<>();
      counts.forEach((k, v) -> m.put(k.name(), v));
      return new Population(null, m);
    }

    /** Contacts per tier ({@link #ALL} for a total). */
    public Map<TouchTier, Long> tierMap() {
      Map<TouchTier, Long> m = new LinkedHashMap<>();
      if (total != null) {
        m.put(ALL, total);
      } else {
        tiers.forEach((k, v) -> m.merge(TouchTier.of(k), v, Long::sum));
      }
      return m;
    }

    /** All contacts. */
    public long size() {
      return tierMap().values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * What a plan must reach: a response rate of the whole population or a number of responses (exactly one),
   * with a probability.
   *
   * @param rate a response rate in (0, 1]
   * @param responses a number of responses, 1 or more
   * @param probability the chance of reaching it, in (0, 1)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Target(Double rate, Long responses, double probability) {
    /**
     * @throws ConfigException when neither or both are given, or a value is out of range
     */
    public Target {
      ConfigPath root = ConfigPath.root();
      if ((rate == null) == (responses == null)) {
        throw root.error("must give exactly one of rate or responses", rate == null ? "neither" : "both");
      }
      if (rate != null) {
        root.field("rate").check(rate > 0 && rate <= 1, "must be a response rate above 0 and at most 1", rate);
      } else {
        root.field("responses").check(responses >= 1, "must be 1 or more", responses);
      }
      root.field("probability").check(probability > 0 && probability < 1, "must be between 0 and 1, exclusive", probability);
    }

    /** Binds a target from configuration; {@code probability} is required. */
    @JsonCreator
    static Target fromConfig(
        @JsonProperty("rate") Double rate,
        @JsonProperty("responses") Long responses,
        @JsonProperty("probability") Double probability) {
      ConfigPath.root().field("probability").required(probability);
      return new Target(rate, responses, probability);
    }

    /** Reach a response rate with a probability. */
    public static Target rate(double rate, double probability) {
      return new Target(rate, null, probability);
    }

    /** Reach a number of responses with a probability. */
    public static Target responses(long responses, double probability) {
      return new Target(null, responses, probability);
    }
  }
}
