package dev.cskit.ttv.stats;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.util.Locale;

/**
 * The scale on which a pointwise confidence interval for a survival (or state) probability is built, as
 * {@code conf.type} in R's {@code survfit}.
 */
public enum ConfType {
  /** On the probability itself: {@code S +- z se(S)}, clipped to [0, 1]. */
  PLAIN("plain"),
  /** On log S: {@code S exp(+- z se(log S))}, the upper limit capped at 1. */
  LOG("log"),
  /** On log(-log S) (R's {@code log-log}); undefined (NaN) where S is 0 or 1. The default of cskit. */
  LOG_LOG("log-log");

  private final String label;

  ConfType(String label) {
    this.label = label;
  }

  /** The name used by R and the CLI: {@code plain}, {@code log} or {@code log-log}. */
  public String label() {
    return label;
  }

  /**
   * Parses {@code plain}, {@code log} or {@code log-log} (case-insensitive; {@code log_log} and
   * {@code loglog} are accepted too).
   *
   * @throws CskitException for any other text
   */
  public static ConfType parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    switch (t) {
      case "plain":
        return PLAIN;
      case "log":
        return LOG;
      case "log-log":
      case "loglog":
        return LOG_LOG;
      default:
        throw new ArgumentException(
            "conf-type", "must be one of plain, log, log-log", CskitException.quote(text));
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
