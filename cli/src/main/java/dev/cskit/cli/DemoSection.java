package dev.cskit.cli;

/**
 * One section of {@code cskit demo}: what one capability of the library says about the sample portfolio.
 * Each capability adds its section to {@link DemoCommand#SECTIONS}.
 */
public interface DemoSection {
  /** The section's key in the demo's JSON, camelCase (e.g. {@code health}). */
  String key();

  /** The section's heading in the text output. */
  String title();

  /** Computes the section on the portfolio of the context. */
  Result run(DemoContext context);

  /** A section's text (for people) and JSON value (maps, lists, records, numbers). */
  final class Result {
    private final String text;
    private final Object json;

    public Result(String text, Object json) {
      this.text = text;
      this.json = json;
    }

    public String text() {
      return text;
    }

    public Object json() {
      return json;
    }
  }
}
