package dev.cskit.cli;

import dev.cskit.core.Warnings;
import java.io.PrintWriter;

/** Prints a computation's warnings on stderr, one line each: {@code cskit: warning: ...}. */
final class Warn {
  private Warn() {}

  static void print(Warnings warnings, PrintWriter err) {
    for (String w : warnings.list()) {
      err.println("cskit: warning: " + w);
    }
    err.flush();
  }
}
