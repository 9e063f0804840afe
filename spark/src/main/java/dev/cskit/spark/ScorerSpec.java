package dev.cskit.spark;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.CskitException;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardSet;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Spark task needs to score: a scorecard or scorecard set as text (its canonical JSON, every card it
 * uses inlined, so a built-in card travels by value) and the set's content hash. Serializable and small; each
 * executor JVM compiles it once ({@link #compile()} keeps the compiled {@link HealthScorer} in a static cache
 * keyed by the hash) and checks that the text it compiled has the hash the driver computed (so a driver and
 * executors with different cskit versions fail loudly instead of scoring differently). Immutable.
 */
public final class ScorerSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The compiled scorers of this JVM, by content hash. */
  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

  private final String json;
  private final String hash;

  private ScorerSpec(String json, String hash) {
    this.json = json;
    this.hash = hash;
  }

  /** The spec of one scorecard (a set of that card alone: the same scores). */
  public static ScorerSpec of(Scorecard card) {
    return of(ScorecardSet.of(card));
  }

  /** The spec of a scorecard set. */
  public static ScorerSpec of(ScorecardSet set) {
    ScorecardSet inlined = new ScorecardSet(set.name(), set.version(), set.usedScorecards(), set.selectors(),
        set.defaultScorecard());
    return new ScorerSpec(Configs.write(inlined, ConfigFormat.JSON), set.ref().hash());
  }

  /**
   * The spec of a card file or set file (JSON or YAML): a file with {@code selectors} or {@code scorecards}
   * at the top is a set, any other a single card.
   */
  public static ScorerSpec read(Path file) {
    try {
      String text = java.nio.file.Files.readString(file);
      ConfigFormat format = ConfigFormat.of(file);
      return parse(text, format, file.toString());
    } catch (java.io.IOException e) {
      throw new ArgumentException(file.toString(), "cannot be read: " + e.getMessage(), null);
    }
  }

  /** As {@link #read(Path)}, from text. */
  public static ScorerSpec parse(String text, ConfigFormat format, String source) {
    // a set by its top-level fields; unreadable text goes to the card reader, which names the problem
    java.util.Set<String> top = Configs.topLevelFields(text, format);
    boolean isSet = top.contains("selectors") || top.contains("scorecards") || top.contains("default");
    return isSet ? of(ScorecardSet.parse(text, format, source)) : of(Scorecard.parse(text, format, source));
  }

  /** A built-in card ({@link Scorecard#BUILT_IN}) or set ({@link ScorecardSet#BUILT_IN}) by name. */
  public static ScorerSpec builtIn(String name) {
    return ScorecardSet.BUILT_IN.contains(name) ? of(ScorecardSet.builtIn(name)) : of(Scorecard.builtIn(name));
  }

  /** The content hash of the set (as {@link ScorecardSet#ref()}). */
  public String hash() {
    return hash;
  }

  /** The set, parsed anew from the spec's text. */
  public ScorecardSet set() {
    return compiled().set;
  }

  /** The compiled scorer: once per JVM and hash. */
  public HealthScorer compile() {
    return compiled().scorer;
  }

  private Compiled compiled() {
    return CACHE.computeIfAbsent(hash, h -> {
      ScorecardSet set = ScorecardSet.parse(json, ConfigFormat.JSON, "scorer spec " + h);
      String found = set.ref().hash();
      if (!found.equals(h)) {
        throw new ArgumentException("scorer spec " + h,
            "the scorecard text hashes differently in this JVM (is cskit the same version on driver and executors?)",
            found);
      }
      return new Compiled(set, set.compile());
    });
  }

  /** The number of specs compiled in this JVM (for tests: once per executor, not per task). */
  static int compiledCount() {
    return CACHE.size();
  }

  private record Compiled(ScorecardSet set, HealthScorer scorer) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof ScorerSpec s && s.hash.equals(hash) && s.json.equals(json);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "ScorerSpec " + hash;
  }
}
