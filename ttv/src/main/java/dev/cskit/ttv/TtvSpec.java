package dev.cskit.ttv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.ConfigPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Which milestone types start the clock, which mark first value and which mark churn, and the as-of
 * instant at which accounts still onboarding are censored. A configuration type (JSON/YAML through
 * {@link dev.cskit.core.Configs}). The format version is {@code formatVersion}; files of earlier releases that
 * say {@code version: 1} still read (any other {@code version}, or both names, is an error naming the path).
 *
 * @param formatVersion the configuration format version (1)
 * @param start milestone types that start the clock (the earliest one counts), e.g. {@code contract_signed}
 * @param value milestone types that mark first value (the earliest one counts)
 * @param churn milestone types that mark churn, the competing event (may be empty)
 * @param asOf the censoring instant: events after it are ignored
 */
public record TtvSpec(
    int formatVersion, List<String> start, List<String> value, List<String> churn, Instant asOf) {

  /** The specification as a file gives it: {@code formatVersion}, or {@code version} (earlier releases). */
  @JsonCreator
  static TtvSpec fromConfig(
      @JsonProperty("formatVersion") Integer formatVersion,
      @JsonProperty("version") Integer version,
      @JsonProperty("start") List<String> start,
      @JsonProperty("value") List<String> value,
      @JsonProperty("churn") List<String> churn,
      @JsonProperty("asOf") Instant asOf) {
    return new TtvSpec(ConfigPath.root().formatVersion(formatVersion, version, 1), start, value, churn, asOf);
  }

  /** Validates the specification. */
  public TtvSpec(int formatVersion, List<String> start, List<String> value, List<String> churn, Instant asOf) {
    ConfigPath root = ConfigPath.root();
    root.field("formatVersion").check(formatVersion == 1, "must be 1", String.valueOf(formatVersion));
    root.field("start").check(start != null && !start.isEmpty(), "at least one start milestone type is required", "none");
    root.field("value").check(value != null && !value.isEmpty(), "at least one value milestone type is required", "none");
    root.field("asOf").required(asOf);
    List<String> c = churn == null ? List.of() : List.copyOf(churn);
    for (String v : value) {
      root.field("value").check(!start.contains(v), "a type cannot both start the clock and mark value", v);
      root.field("churn").check(!c.contains(v), "a type cannot mark both value and churn", v);
    }
    this.formatVersion = formatVersion;
    this.start = List.copyOf(start);
    this.value = List.copyOf(value);
    this.churn = c;
    this.asOf = asOf;
  }

  /**
   * A specification with one type each; {@code churn} may be null. Accounts still onboarding are censored
   * at the end of the as-of date (midnight UTC starting the next day), so that milestones during the
   * as-of day count.
   */
  public static TtvSpec of(String start, String value, String churn, LocalDate asOf) {
    return new TtvSpec(
        1, List.of(start), List.of(value), churn == null ? List.of() : List.of(churn), endOfDay(asOf));
  }

  /** The end of a UTC day: midnight starting the next day. */
  public static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
