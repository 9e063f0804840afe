package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.InfeasiblePlanException;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import dev.cskit.core.HealthBand;
import dev.cskit.core.TouchTier;
import dev.cskit.touchmodel.LtvSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A touch model: a versioned configuration (JSON or YAML, read strictly by {@link Configs}) of tiers, how
 * lifetime value is computed, tiering rules, pins, the retention uplift each tier brings per health band, the
 * hysteresis that keeps tiers stable, the playbook and the usage-group axes. Immutable and thread-safe:
 * one model segments any number of portfolios concurrently.
 *
 * <p>Two numbers, two names: {@code formatVersion} is the configuration format this code reads (must be
 * {@value #VERSION}); {@code revision} is the model's own number, free to bump with every change. Files of
 * earlier releases that say {@code version: 1} still read (as {@code formatVersion: 1}); any other
 * {@code version} is refused with a message saying what to rename it to.
 *
 * <pre>{@code
 * formatVersion: 1
 * revision: 3
 * method: rules            # or allocation
 * tiers:                   # least touch first
 *   - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}
 *   - {name: low, hoursPerAccountMonth: 1, capacity: {managers: 2, hoursPerManager: 100}}
 *   - {name: high, hoursPerAccountMonth: 6, costPerAccountMonth: 600, capacity: {managers: 3, hoursPerManager: 100}}
 * ltv: {method: capped, grossMargin: 0.8, churn: 0.12, churnByTier: {high: 0.06}, horizonYears: 5}
 * rules:
 *   - {name: strategic, tier: high, when: [{field: arr, min: 100000, exitMin: 90000}]}
 *   - {name: top-ltv, tier: high, when: [{field: ltv, topPercent: 5}]}
 *   - {name: pooled, tier: low, when: [{field: arr, min: 20000, exitMin: 18000}]}
 *   - {name: default, tier: tech}
 * pins: [{account: A-0007, tier: high, until: 2026-12-31, reason: reference customer}]
 * uplift: {high: {red: 0.25, yellow: 0.15, green: 0.05}, low: {red: 0.1, yellow: 0.06, green: 0.02}}
 * hysteresis: {minDaysInTier: 90, maxChangesPerCycle: 50, renewalFreezeDays: 60}
 * }</pre>
 *
 * @param formatVersion the configuration format version; {@value #VERSION}
 * @param revision the model's own revision, any whole number &gt;= 1 (optional)
 * @param version the format version as files of earlier releases name it: only {@code 1}, and only without
 *     {@code formatVersion}
 * @param name an optional name
 * @param method {@code rules} (first-match rules, then capacity spills) or {@code allocation}
 *     (capacity-constrained maximisation of LTV x uplift)
 * @param tiers the tiers, least touch first
 * @param ltv how LTV is computed
 * @param rules the tiering rules (first match wins; the rules method needs at least one)
 * @param pins accounts held in a tier until an expiry
 * @param uplift the retention uplift per tier and health band (band {@code "*"}: any other band); a missing
 *     tier or band is 0
 * @param hysteresis minimum time in tier, change limit and renewal freeze
 * @param playbook the playbook matrix; the built-in one when absent (its entries for tiers the model does not
 *     have never match)
 * @param usageGroups the usage-group axes; defaults when absent
 */
public record TouchModel(
    Integer formatVersion,
    Integer revision,
    Integer version,
    String name,
    Method method,
    List<Tier> tiers,
    LtvSettings ltv,
    List<TierRule> rules,
    List<Pin> pins,
    Map<String, Map<String, Double>> uplift,
    Hysteresis hysteresis,
    Playbook playbook,
    UsageGroupSettings usageGroups) {

  /** The configuration version this code reads. */
  public static final int VERSION = 1;

  /** How accounts are assigned. */
  public enum Method {
    /** First-match rules, pins, hysteresis, then spills where a tier is over capacity. */
    RULES,
    /** Maximise the total LTV x uplift within every tier's capacity. */
    ALLOCATION
  }

  /** Validates the model and every cross-reference to a tier. */
  public TouchModel {
    ConfigPath root = ConfigPath.root();
    if (version != null) {
      root.field("version").check(formatVersion == null,
          "is the old name of formatVersion: give formatVersion (and revision for the model's own number), not "
              + "both", version);
      root.field("version").check(version == VERSION,
          "is ambiguous: rename it formatVersion (the configuration format, must be " + VERSION
              + ") and put the model's own number in revision", version);
      formatVersion = version;
      version = null;
    }
    root.field("formatVersion").required(formatVersion);
    root.field("formatVersion").check(formatVersion == VERSION, "must be " + VERSION, formatVersion);
    root.field("revision").check(revision == null || revision >= 1, "must be a whole number >= 1", revision);
    method = method == null ? Method.RULES : method;
    root.field("tiers").check(tiers != null && !tiers.isEmpty(), "must list at least one tier", null);
    tiers = List.copyOf(tiers);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = root.field("tiers").index(i).required(tiers.get(i));
      root.field("tiers").index(i).field("name").check(names.add(t.name()), "tier names must be unique",
          t.name());
    }
    ltv = ltv == null ? LtvSettings.defaults() : ltv;
    for (String t : ltv.churnByTier().keySet()) {
      root.field("ltv").field("churnByTier").field(t).check(names.contains(t),
          "must name a tier of the model " + names(tiers), t);
    }
    rules = rules == null ? List.of() : List.copyOf(rules);
    for (int i = 0; i < rules.size(); i++) {
      TierRule r = root.field("rules").index(i).required(rules.get(i));
      root.field("rules").index(i).field("tier").check(names.contains(r.tier()),
          "must name a tier of the model " + names(tiers), r.tier());
    }
    if (method == Method.RULES) {
      root.field("rules").check(!rules.isEmpty(), "the rules method needs at least one rule", "none");
    }
    pins = pins == null ? List.of() : List.copyOf(pins);
    Set<String> pinned = new HashSet<>();
    for (int i = 0; i < pins.size(); i++) {
      Pin p = root.field("pins").index(i).required(pins.get(i));
      root.field("pins").index(i).field("tier").check(names.contains(p.tier()),
          "a pin must name a tier of the model " + names(tiers), p.tier());
      root.field("pins").index(i).field("account").check(pinned.add(p.account()),
          "an account may be pinned once", p.account());
    }
    Map<String, Map<String, Double>> up = new LinkedHashMap<>();
    if (uplift != null) {
      for (Map.Entry<String, Map<String, Double>> e : uplift.entrySet()) {
        ConfigPath tp = root.field("uplift").field(e.getKey());
        String tier;
        try {
          tier = TouchTier.of(e.getKey()).name();
        } catch (ArgumentException ex) {
          throw tp.error("must name a tier", e.getKey());
        }
        tp.check(names.contains(tier), "must name a tier of the model " + names(tiers), e.getKey());
        Map<String, Double> bands = new LinkedHashMap<>();
        for (Map.Entry<String, Double> b : tp.required(e.getValue()).entrySet()) {
          ConfigPath bp = tp.field(b.getKey());
          Double v = bp.required(b.getValue());
          bp.check(v >= -1 && v <= 1, "a retention uplift must be in [-1, 1]", v);
          String band = b.getKey().trim().equals("*") ? "*" : HealthBand.of(b.getKey()).name();
          bands.put(band, v);
        }
        up.put(tier, Map.copyOf(bands));
      }
    } else {
      root.field("uplift").check(method != Method.ALLOCATION,
          "the allocation method needs an uplift table (tier -> band -> retention uplift)", null);
    }
    uplift = Map.copyOf(up);
    hysteresis = hysteresis == null ? Hysteresis.none() : hysteresis;
    boolean defaultPlaybook = playbook == null;
    playbook = defaultPlaybook ? Playbook.defaults() : playbook;
    for (int i = 0; i < (defaultPlaybook ? 0 : playbook.entries().size()); i++) {
      String t = playbook.entries().get(i).tier();
      root.field("playbook").field("entries").index(i).field("tier")
          .check(t.equals("*") || names.contains(t), "must name a tier of the model " + names(tiers), t);
    }
    usageGroups = usageGroups == null ? UsageGroupSettings.defaults() : usageGroups;
  }

  private static List<String> names(List<Tier> tiers) {
    return tiers.stream().map(Tier::name).toList();
  }

  /** Reads a model from a JSON or YAML file. */
  public static TouchModel read(Path file) {
    return Configs.read(file, TouchModel.class);
  }

  /** Parses a model from text. */
  public static TouchModel parse(String text, ConfigFormat format, String source) {
    return Configs.parse(text, format, source, TouchModel.class);
  }

  /**
   * The example model shipped with cskit (resource {@code dev/cskit/touchmodel/example-touch-model.yaml}):
   * tech, low and high touch sized for the sample portfolio of 500 accounts.
   */
  public static TouchModel example() {
    String res = "example-touch-model.yaml";
    try (InputStream in = TouchModel.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + res);
      }
      return Configs.read(in, ConfigFormat.YAML, res, TouchModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tier names, least touch first. */
  public List<String> tierNames() {
    return names(tiers);
  }

  /** The position of a tier (0 = least touch), or -1. */
  public int indexOf(String tier) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).name().equals(tier)) {
        return i;
      }
    }
    return -1;
  }

  /** The retention uplift of a tier for a band (the tier's {@code "*"} entry, else 0). */
  public double upliftFor(String tier, HealthBand band) {
    Map<String, Double> byBand = uplift.get(tier);
    if (byBand == null) {
      return 0;
    }
    Double v = byBand.get(band == null ? HealthBand.INSUFFICIENT_DATA.name() : band.name());
    if (v == null) {
      v = byBand.get("*");
    }
    return v == null ? 0 : v;
  }

  /** Segments accounts with no health data and no previous tiers. */
  public Segmentation segment(List<Account> accounts, LocalDate asOf) {
    return segment(accounts, Map.of(), Map.of(), asOf);
  }

  /**
   * Assigns every account a tier: pins, then rules or allocation, then hysteresis against the previous tiers,
   * within capacity; says why for each account.
   *
   * @param accounts the portfolio
   * @param health health per account (missing: no score, band INSUFFICIENT_DATA)
   * @param previous the tiers of the last run (missing: a new account)
   * @param asOf the date of the run (pins expire, tenure and renewal are counted from it)
   * @throws InfeasiblePlanException when pins overfill a tier or the tiers cannot take every account
   */
  public Segmentation segment(
      List<Account> accounts,
      Map<AccountId, AccountHealth> health,
      Map<AccountId, PreviousTier> previous,
      LocalDate asOf) {
    return new Segmenter(this, accounts, health == null ? new HashMap<>() : health,
        previous == null ? new HashMap<>() : previous, asOf).run();
  }

  /**
   * Adds warnings about what in this model cannot apply to these inputs: a pin for an account that is not among
   * them, and a health band named by a rule or the uplift table that is neither a standard band (red, yellow,
   * green, INSUFFICIENT_DATA) nor a band any account has (a misspelt band never matches).
   *
   * @param accounts the accounts the model runs on
   * @param health health per account (the bands present)
   * @param warnings where the warnings go
   */
  public void lint(List<dev.cskit.core.Account> accounts, Map<dev.cskit.core.AccountId, AccountHealth> health,
      dev.cskit.core.Warnings warnings) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (dev.cskit.core.Account a : accounts) {
      ids.add(a.id().value());
    }
    for (int i = 0; i < pins.size(); i++) {
      if (!ids.contains(pins.get(i).account())) {
        warnings.add("pins[" + i + "].account", "names an account that is not among the accounts: the pin applies to"
            + " nothing", dev.cskit.core.CskitException.quote(pins.get(i).account()));
      }
    }
    java.util.Set<String> known = new java.util.HashSet<>(java.util.List.of("red", "yellow", "green",
        "insufficient_data", "*"));
    for (AccountHealth h : health.values()) {
      if (h.band() != null) {
        known.add(h.band().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      List<Condition> when = rules.get(r).when();
      for (int c = 0; when != null && c < when.size(); c++) {
        Condition k = when.get(c);
        if ("band".equals(k.field()) && k.in() != null) {
          for (String b : k.in()) {
            if (!known.contains(b.toLowerCase(java.util.Locale.ROOT))) {
              warnings.add("rules[" + r + "].when[" + c + "].in", "names a band no account has and no scorecard"
                  + " band by default: the condition never matches", dev.cskit.core.CskitException.quote(b));
            }
          }
        }
      }
    }
    for (Map.Entry<String, Map<String, Double>> t : uplift.entrySet()) {
      for (String b : t.getValue().keySet()) {
        if (!known.contains(b.toLowerCase(java.util.Locale.ROOT))) {
          warnings.add("uplift." + t.getKey() + "." + b, "names a band no account has and no scorecard band by"
              + " default: the entry is never used", dev.cskit.core.CskitException.quote(b));
        }
      }
    }
  }
}
