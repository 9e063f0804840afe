package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.Configs;
import dev.cskit.core.HealthBand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned health scorecard: measures (each a metric, a rule, a weight and a missing-value policy),
 * optional categories, bands, a minimum coverage and caps. Read from JSON or YAML with {@link #read(Path)};
 * validated on construction (every error names its path, e.g. {@code measures[2].rule.points[1][0]});
 * {@link #compile()} turns it into a thread-safe {@link HealthScorer}. A card's {@code revision} is its own
 * number, free to bump with every change (the score output names it {@code scorecard_version}). Files of
 * earlier releases that call it {@code version} still read; giving both {@code version} and {@code revision}
 * is an error.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.read(Path.of("adoption.yaml"));
 * ScoreTable scores = card.compile().score(metrics);
 * }</pre>
 *
 * @param name the card's name
 * @param revision the card's own number, a whole number &gt;= 1
 * @param minCoverage the least share of weight with data for a score (default 0)
 * @param bands the bands, in increasing order of {@code min} (default red 0, yellow 40, green 70)
 * @param categories optional categories that group the measures
 * @param measures the measures
 * @param caps optional caps on the score
 */
public record Scorecard(
    String name,
    Integer revision,
    Double minCoverage,
    List<Band> bands,
    List<Category> categories,
    List<Measure> measures,
    List<Cap> caps) {

  /** The bands used when a card names none: red from 0, yellow from 40, green from 70. */
  public static final List<Band> DEFAULT_BANDS =
      List.of(Band.of("red", 0), Band.of("yellow", 40), Band.of("green", 70));

  /** The names of the scorecards shipped with cskit (see {@link #builtIn(String)}). */
  public static final List<String> BUILT_IN = List.of("three-axis", "onboarding");

  /**
   * The card as a configuration file gives it: {@code revision}, or {@code version}, its name in earlier
   * releases (not both).
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  static Scorecard fromConfig(
      @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
      @com.fasterxml.jackson.annotation.JsonProperty("revision") Integer revision,
      @com.fasterxml.jackson.annotation.JsonProperty("version") Integer version,
      @com.fasterxml.jackson.annotation.JsonProperty("minCoverage") Double minCoverage,
      @com.fasterxml.jackson.annotation.JsonProperty("bands") List<Band> bands,
      @com.fasterxml.jackson.annotation.JsonProperty("categories") List<Category> categories,
      @com.fasterxml.jackson.annotation.JsonProperty("measures") List<Measure> measures,
      @com.fasterxml.jackson.annotation.JsonProperty("caps") List<Cap> caps) {
    return new Scorecard(name, ConfigPath.root().renamed("revision", revision, "version", version), minCoverage,
        bands, categories, measures, caps);
  }

  public Scorecard {
    ConfigPath r = ConfigPath.root();
    r.field("name").check(name != null && !name.isBlank(), "is required", name);
    r.field("revision").check(revision != null && revision >= 1, "is required (a whole number >= 1)", revision);
    minCoverage = minCoverage == null ? 0.0 : minCoverage;
    r.field("minCoverage").check(minCoverage >= 0 && minCoverage <= 1, "must be between 0 and 1", minCoverage);
    bands = bands == null ? DEFAULT_BANDS : copy(r.field("bands"), bands);
    categories = categories == null ? List.of() : copy(r.field("categories"), categories);
    r.field("measures").check(measures != null && !measures.isEmpty(), "at least one measure is required", null);
    measures = copy(r.field("measures"), measures);
    caps = caps == null ? List.of() : copy(r.field("caps"), caps);
    r.field("caps").check(caps.size() <= 31, "at most 31 caps are allowed", caps.size());

    r.field("bands").check(!bands.isEmpty(), "at least one band is required", null);
    Set<String> bandNames = new HashSet<>();
    for (int i = 0; i < bands.size(); i++) {
      Band b = bands.get(i);
      ConfigPath at = r.field("bands").index(i);
      at.field("name").check(bandNames.add(HealthBand.of(b.name()).name()), "band names must be unique", b.name());
      if (i == 0) {
        at.field("min").check(b.min() <= 0, "the first band must start at 0 or below so that every score has a band",
            b.min());
      } else {
        at.field("min").check(b.min() > bands.get(i - 1).min(),
            "bands must be in increasing order of min", b.min());
        at.field("min").check(b.min() <= 100, "a band's min must be at most 100, the highest score (no score could"
            + " reach the band)", b.min());
      }
    }

    Set<String> categoryIds = new HashSet<>();
    for (int i = 0; i < categories.size(); i++) {
      r.field("categories").index(i).field("id").check(categoryIds.add(categories.get(i).id()),
          "category ids must be unique", categories.get(i).id());
    }
    Set<String> measureIds = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < measures.size(); i++) {
      Measure m = measures.get(i);
      ConfigPath at = r.field("measures").index(i);
      at.required(m);
      at.field("id").check(measureIds.add(m.id()), "measure ids must be unique", m.id());
      if (categories.isEmpty()) {
        at.field("category").check(m.category() == null,
            "names a category but the scorecard defines no categories", m.category());
      } else {
        at.field("category").check(m.category() != null,
            "is required when the scorecard defines categories", null);
        at.field("category").check(categoryIds.contains(m.category()), "names no category of this scorecard",
            m.category());
        used.add(m.category());
      }
    }
    for (int i = 0; i < categories.size(); i++) {
      r.field("categories").index(i).check(used.contains(categories.get(i).id()),
          "a category must be used by at least one measure", categories.get(i).id());
    }
  }

  /** An immutable copy of a list whose elements must not be null (an empty list item in YAML, say). */
  static <T> List<T> copy(ConfigPath path, List<T> list) {
    for (int i = 0; i < list.size(); i++) {
      path.index(i).required(list.get(i));
    }
    return List.copyOf(list);
  }

  /** Reads a scorecard from a JSON or YAML file. */
  public static Scorecard read(Path file) {
    return Configs.read(file, Scorecard.class);
  }

  /** Parses a scorecard from text, naming it {@code source} in errors. */
  public static Scorecard parse(String text, ConfigFormat format, String source) {
    return Configs.parse(text, format, source, Scorecard.class);
  }

  /**
   * A scorecard shipped with cskit: {@code three-axis} (utilization, engagement, penetration; for adopted
   * accounts) or {@code onboarding} (the first weeks). Both read the sample portfolio's metric columns.
   */
  public static Scorecard builtIn(String name) {
    return readBuiltIn("scorecard", BUILT_IN, name, Scorecard.class);
  }

  /** Reads the YAML resource {@code <name>.yaml} shipped beside this class, one of {@code names}. */
  static <T> T readBuiltIn(String what, List<String> names, String name, Class<T> type) {
    if (!names.contains(name)) {
      throw ConfigException.at("", "no built-in " + what + " of this name (built in: " + String.join(", ", names)
          + ")", dev.cskit.core.CskitException.quote(name));
    }
    String resource = name + ".yaml";
    try (InputStream in = Scorecard.class.getResourceAsStream(resource)) {
      return Configs.read(in, ConfigFormat.YAML, "built-in " + resource, type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The card as text in the given format (reads back to an equal card). */
  public String write(ConfigFormat format) {
    return Configs.write(this, format);
  }

  /** The card's revision under the name of earlier releases: the same as {@link #revision()}. */
  @JsonIgnore
  public Integer version() {
    return revision;
  }

  /** The name, revision and content hash of this card. */
  @JsonIgnore
  public ScorecardRef ref() {
    return new ScorecardRef(name, revision, hash());
  }

  /** The first 16 hex digits of the SHA-256 of this card's canonical JSON form. */
  @JsonIgnore
  public String hash() {
    return contentHash(write(ConfigFormat.JSON));
  }

  static String contentHash(String canonical) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The measure with this id, or null. */
  public Measure measure(String id) {
    for (Measure m : measures) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** This card with other measures (categories no longer used are dropped). */
  public Scorecard withMeasures(List<Measure> newMeasures) {
    Set<String> used = new HashSet<>();
    newMeasures.forEach(m -> used.add(m.category()));
    List<Category> cats = new ArrayList<>();
    for (Category c : categories) {
      if (used.contains(c.id())) {
        cats.add(c);
      }
    }
    return new Scorecard(name, revision, minCoverage, bands, cats, newMeasures, caps);
  }

  /** This card with other caps. */
  public Scorecard withCaps(List<Cap> newCaps) {
    return new Scorecard(name, revision, minCoverage, bands, categories, measures, newCaps);
  }

  /** Compiles the card into an immutable, thread-safe scorer. */
  public HealthScorer compile() {
    return HealthScorer.of(CardCompiler.compile(this));
  }
}
