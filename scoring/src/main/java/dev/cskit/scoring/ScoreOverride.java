package dev.cskit.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cskit.core.ConfigPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A manual override of one account's score: the overall score, a category's or a measure's, replaced by
 * {@code value} while the as-of instant is in [{@code from}, {@code until}) ({@code until} may be left out
 * for an open end). A measure or category override flows through the aggregation; an overall override
 * replaces the final score (after caps). Overrides replace scores, not observations: coverage is unchanged.
 * {@code from} and {@code until} are instants ({@code 2026-06-01T00:00:00Z}) or dates (midnight UTC).
 */
public record ScoreOverride(
    String accountId, Scope scope, String target, Double value, String reason, String author, String from,
    String until) {

  /** What an override replaces. */
  public enum Scope {
    OVERALL, CATEGORY, MEASURE;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Scope parse(String text) {
      for (Scope s : values()) {
        if (s.id().equalsIgnoreCase(text)) {
          return s;
        }
      }
      throw ConfigPath.root().error("must be one of overall, category, measure", text);
    }
  }

  public ScoreOverride {
    ConfigPath r = ConfigPath.root();
    r.field("accountId").check(accountId != null && !accountId.isBlank(), "is required", accountId);
    scope = scope == null ? Scope.OVERALL : scope;
    if (scope == Scope.OVERALL) {
      r.field("target").check(target == null, "an overall override has no target", target);
    } else {
      r.field("target").check(target != null && !target.isBlank(),
          "is required (the " + scope.id() + " id)", target);
    }
    r.field("value").check(value != null && value >= 0 && value <= 100, "a score must be between 0 and 100", value);
    r.field("from").required(from);
    Instant start = instant(r.field("from"), from);
    if (until != null) {
      Instant end = instant(r.field("until"), until);
      r.field("until").check(end.isAfter(start), "must be after from", until);
    }
  }

  /** An override from {@code from} (inclusive) to {@code until} (exclusive, null for open). */
  public static ScoreOverride of(String accountId, Scope scope, String target, double value, String reason,
      String author, Instant from, Instant until) {
    return new ScoreOverride(accountId, scope, target, value, reason, author, from.toString(),
        until == null ? null : until.toString());
  }

  /** The start, inclusive. */
  @JsonIgnore
  public Instant start() {
    return instant(ConfigPath.root().field("from"), from);
  }

  /** The end, exclusive; null when open. */
  @JsonIgnore
  public Instant end() {
    return until == null ? null : instant(ConfigPath.root().field("until"), until);
  }

  /** Whether the override applies at this instant: {@code from <= asOf < until}. */
  public boolean activeAt(Instant asOf) {
    return !asOf.isBefore(start()) && (until == null || asOf.isBefore(end()));
  }

  /** Whether the override has ended by this instant ({@code until <= asOf}). */
  public boolean expiredAt(Instant asOf) {
    return until != null && !asOf.isBefore(end());
  }

  static Instant instant(ConfigPath path, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw path.error("must be a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM:SSZ)", text);
    }
  }

  @Override
  public String toString() {
    return (scope == Scope.OVERALL ? "overall" : scope.id() + " " + target) + " = "
        + dev.cskit.core.io.TextTable.number(value) + (reason == null ? "" : " (" + reason + ")")
        + (author == null ? "" : " by " + author) + " [" + from + ", " + (until == null ? "open" : until) + ")";
  }
}
