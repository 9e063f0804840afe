package dev.cskit.retention;

import dev.cskit.core.CskitException;

/** Quoting for messages. */
final class CskitQuote {
  private CskitQuote() {}

  static String q(Object v) {
    return CskitException.quote(v);
  }
}
