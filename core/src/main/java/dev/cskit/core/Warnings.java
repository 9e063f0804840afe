package dev.cskit.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about input that is legal but suspicious (an override for an account that is not in the data, a
 * pin for an unknown account, an account no selector picks): a computation adds them here and goes on; the
 * caller shows them (the command line prints each on stderr and lists them under {@code warnings} in JSON).
 *
 * <p>A collector is the one mutable thing passed into a computation; it is thread-safe. {@link #ignore()} is
 * the shared collector that drops what it is given, for callers that do not want warnings.
 */
public final class Warnings {
  private static final Warnings IGNORE = new Warnings(false);

  private final boolean keep;
  private final List<String> messages = new ArrayList<>();

  private Warnings(boolean keep) {
    this.keep = keep;
  }

  /** A new, empty collector. */
  public static Warnings collector() {
    return new Warnings(true);
  }

  /** The collector that drops every warning. */
  public static Warnings ignore() {
    return IGNORE;
  }

  /**
   * Adds a warning: where (a file, row, column or configuration path; null when none), what is suspicious,
   * and what was found (null when nothing to show), worded as a {@link CskitException}'s message.
   */
  public void add(String where, String rule, String found) {
    if (keep) {
      String m = CskitException.message(where, rule, found);
      synchronized (messages) {
        messages.add(m);
      }
    }
  }

  /** The warnings added so far, in order. */
  public List<String> list() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** Whether no warning was added. */
  public boolean isEmpty() {
    synchronized (messages) {
      return messages.isEmpty();
    }
  }

  @Override
  public String toString() {
    return String.join("\n", list());
  }
}
