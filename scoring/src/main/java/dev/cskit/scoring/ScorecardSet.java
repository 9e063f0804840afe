package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.Account;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import dev.cskit.core.LifecycleStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several scorecards and the rule that picks one per account: an ordered list of selectors (lifecycle stage,
 * an attribute's value, an ARR range), each naming a scorecard, and a default. Every account is scored by
 * the first scorecard whose selector matches, so onboarding accounts get an onboarding card.
 *
 * <pre>{@code
 * name: by-stage
 * revision: 1
 * scorecards: [ {name: onboarding, ...}, {name: adoption, ...} ]
 * selectors: [ {stage: onboarding, scorecard: onboarding} ]
 * default: adoption
 * }</pre>
 * A selector or the default may also name a built-in card ({@link Scorecard#BUILT_IN}) not listed inline.
 * The set's {@code revision} is its own number, as a card's (files of earlier releases call it {@code version},
 * which still reads; not both).
 *
 * @param name the set's name
 * @param revision the set's own number, a whole number &gt;= 1
 * @param scorecards cards defined inline
 * @param selectors the rules that pick a card per account, first match wins
 * @param defaultScorecard the card of accounts no selector matches
 */
public record ScorecardSet(
    String name,
    Integer revision,
    List<Scorecard> scorecards,
    List<Selector> selectors,
    @JsonProperty("default") String defaultScorecard) {

  /**
   * Matches accounts by every condition it gives: {@code stage}, {@code attribute} = {@code equals},
   * {@code arrMin <= ARR < arrMax}.
   */
  public record Selector(String scorecard, String stage, String attribute, String equals, Double arrMin,
      Double arrMax) {
    public Selector {
      ConfigPath r = ConfigPath.root();
      r.field("scorecard").check(scorecard != null && !scorecard.isBlank(), "is required", scorecard);
      r.check(stage != null || attribute != null || arrMin != null || arrMax != null,
          "a selector needs a condition (stage, attribute, arrMin or arrMax)", null);
      if (stage != null) {
        try {
          LifecycleStage.parse(stage);
        } catch (dev.cskit.core.ArgumentException e) {
          throw r.field("stage").error(e.rule(), stage);
        }
      }
      r.field("equals").check((attribute == null) == (equals == null), "attribute and equals go together", equals);
      r.field("arrMax").check(arrMin == null || arrMax == null || arrMax > arrMin, "must be above arrMin", arrMax);
    }

    /** Whether this selector picks the account (never for an unknown account). */
    public boolean matches(Account a) {
      if (a == null) {
        return false;
      }
      if (stage != null && a.stage() != LifecycleStage.parse(stage)) {
        return false;
      }
      if (attribute != null && !equals.equals(a.attribute(attribute))) {
        return false;
      }
      if (arrMin != null && !(a.arr() >= arrMin)) {
        return false;
      }
      return arrMax == null || a.arr() < arrMax;
    }
  }

  /** The set as a configuration file gives it: {@code revision}, or {@code version} (earlier releases), not both. */
  @com.fasterxml.jackson.annotation.JsonCreator
  static ScorecardSet fromConfig(
      @JsonProperty("name") String name,
      @JsonProperty("revision") Integer revision,
      @JsonProperty("version") Integer version,
      @JsonProperty("scorecards") List<Scorecard> scorecards,
      @JsonProperty("selectors") List<Selector> selectors,
      @JsonProperty("default") String defaultScorecard) {
    return new ScorecardSet(name, ConfigPath.root().renamed("revision", revision, "version", version), scorecards,
        selectors, defaultScorecard);
  }

  public ScorecardSet {
    ConfigPath r = ConfigPath.root();
    r.field("name").check(name != null && !name.isBlank(), "is required", name);
    r.field("revision").check(revision != null && revision >= 1, "is required (a whole number >= 1)", revision);
    scorecards = scorecards == null ? List.of() : Scorecard.copy(r.field("scorecards"), scorecards);
    selectors = selectors == null ? List.of() : Scorecard.copy(r.field("selectors"), selectors);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < scorecards.size(); i++) {
      r.field("scorecards").index(i).field("name").check(names.add(scorecards.get(i).name()),
          "scorecard names must be unique in a set", scorecards.get(i).name());
    }
    for (int i = 0; i < selectors.size(); i++) {
      String s = selectors.get(i).scorecard();
      r.field("selectors").index(i).field("scorecard").check(names.contains(s) || Scorecard.BUILT_IN.contains(s),
          "names no scorecard of this set", s);
    }
    r.field("default").check(defaultScorecard != null, "is required (the scorecard of unmatched accounts)", null);
    r.field("default").check(names.contains(defaultScorecard) || Scorecard.BUILT_IN.contains(defaultScorecard),
        "names no scorecard of this set", defaultScorecard);
  }

  /** Reads a set from a JSON or YAML file. */
  public static ScorecardSet read(Path file) {
    return Configs.read(file, ScorecardSet.class);
  }

  /** The names of the sets shipped with cskit. */
  public static final List<String> BUILT_IN = List.of("by-stage");

  /**
   * A set shipped with cskit: {@code by-stage} scores onboarding accounts with the {@code onboarding} card
   * and every other account with {@code three-axis}.
   */
  public static ScorecardSet builtIn(String setName) {
    return Scorecard.readBuiltIn("scorecard set", BUILT_IN, setName, ScorecardSet.class);
  }

  /** Parses a set from text, naming it {@code source} in errors. */
  public static ScorecardSet parse(String text, dev.cskit.core.ConfigFormat format, String source) {
    return Configs.parse(text, format, source, ScorecardSet.class);
  }

  /** A set holding one card, used for every account. */
  public static ScorecardSet of(Scorecard card) {
    return new ScorecardSet(card.name(), card.revision(), List.of(card), List.of(), card.name());
  }

  /** The set's revision under the name of earlier releases: the same as {@link #revision()}. */
  @JsonIgnore
  public Integer version() {
    return revision;
  }

  /**
   * The set's name, revision and content hash (of its canonical JSON with every card it uses inlined, so a
   * change to a built-in card changes the hash too).
   */
  @JsonIgnore
  public ScorecardRef ref() {
    ScorecardSet inlined = new ScorecardSet(name, revision, usedScorecards(), selectors, defaultScorecard);
    return new ScorecardRef(name, revision, Scorecard.contentHash(Configs.write(inlined,
        dev.cskit.core.ConfigFormat.JSON)));
  }

  /** The card of this name (inline first, then built in). */
  public Scorecard scorecard(String cardName) {
    for (Scorecard c : scorecards) {
      if (c.name().equals(cardName)) {
        return c;
      }
    }
    return Scorecard.builtIn(cardName);
  }

  /** The cards used, in order: the default first, then those of the selectors. */
  @JsonIgnore
  public List<Scorecard> usedScorecards() {
    Map<String, Scorecard> used = new LinkedHashMap<>();
    used.put(defaultScorecard, scorecard(defaultScorecard));
    for (Selector s : selectors) {
      used.computeIfAbsent(s.scorecard(), this::scorecard);
    }
    return new ArrayList<>(used.values());
  }

  /** Compiles every card into one thread-safe scorer that picks a card per account. */
  public HealthScorer compile() {
    List<Scorecard> used = usedScorecards();
    List<CompiledScorecard> compiled = new ArrayList<>();
    for (Scorecard c : used) {
      compiled.add(CardCompiler.compile(c));
    }
    int[] selectorCard = new int[selectors.size()];
    for (int i = 0; i < selectors.size(); i++) {
      for (int k = 0; k < used.size(); k++) {
        if (used.get(k).name().equals(selectors.get(i).scorecard())) {
          selectorCard[i] = k;
        }
      }
    }
    return HealthScorer.of(this, compiled, selectorCard);
  }
}
