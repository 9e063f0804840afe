package dev.cskit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
final class CliTestSupport {
  final int code;
  final String out;
  final String err;

  private CliTestSupport(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static CliTestSupport run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliTestSupport(code, out.toString(), err.toString());
  }

  JsonNode json() {
    try {
      return Json.mapper().readTree(out);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }
}
