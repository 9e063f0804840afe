package dev.cskit.run.history;

import dev.cskit.core.CskitException;

/** The history store cannot be read or written: it names the store and what went wrong. */
public class HistoryException extends CskitException {
  private static final long serialVersionUID = 1L;

  /** An error at {@code where} (the store), breaking {@code rule}, with what was found. */
  public HistoryException(String where, String rule, String found) {
    super(where, rule, found);
  }

  /** The same, with its cause. */
  public HistoryException(String where, String rule, String found, Throwable cause) {
    super(where, rule, found, cause);
  }
}
