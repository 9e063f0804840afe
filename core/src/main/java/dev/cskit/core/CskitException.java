package dev.cskit.core;

/**
 * The root of every error cskit reports about its input or its use. Unchecked.
 *
 * <p>Each exception says where the problem is ({@link #where()}: a file, row and column, or a configuration
 * path), which rule was broken ({@link #rule()}) and what was found instead ({@link #found()}). Its message
 * is one line: {@code where: rule; found X}.
 */
public class CskitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String rule;
  private final String found;

  /**
   * @param where the place of the problem, or null when there is none to name
   * @param rule the rule that was broken, in words
   * @param found what was found instead, or null
   */
  public CskitException(String where, String rule, String found) {
    this(where, rule, found, null);
  }

  public CskitException(String where, String rule, String found, Throwable cause) {
    super(message(where, rule, found), cause);
    this.where = where;
    this.rule = rule;
    this.found = found;
  }

  /** The place of the problem (file, row, column or configuration path), or null. */
  public String where() {
    return where;
  }

  /** The rule that was broken. */
  public String rule() {
    return rule;
  }

  /** What was found instead, or null. */
  public String found() {
    return found;
  }

  static String message(String where, String rule, String found) {
    StringBuilder sb = new StringBuilder();
    if (where != null && !where.isEmpty()) {
      sb.append(where).append(": ");
    }
    sb.append(rule);
    if (found != null) {
      // a found value is echoed on one line, and a long one is cut (a list of names stays readable)
      String f = found.replace('\n', ' ').replace('\r', ' ');
      sb.append("; found ").append(f.length() > 4 * MAX_ECHO ? f.substring(0, 4 * MAX_ECHO) + "... (cut)" : f);
    }
    return sb.toString();
  }

  /** The most characters of a found value a message echoes; a longer value is cut (see {@link #quote}). */
  public static final int MAX_ECHO = 80;

  /**
   * Quotes a found value for a message: strings in double quotes, null as {@code nothing}. A value longer
   * than {@link #MAX_ECHO} characters is cut, and the message says how long it was, so that a runaway cell
   * (a 10 MB line, say) still gives a readable one-line message.
   */
  public static String quote(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof CharSequence) {
      return "\"" + cut(value.toString()) + "\"";
    }
    return cut(String.valueOf(value));
  }

  /** A text cut to {@link #MAX_ECHO} characters, with its length when it was longer; line breaks as spaces. */
  public static String cut(String text) {
    if (text == null) {
      return null;
    }
    String oneLine = text.length() > MAX_ECHO * 4 ? text.substring(0, MAX_ECHO * 4) : text;
    oneLine = oneLine.replace('\n', ' ').replace('\r', ' ');
    if (text.length() <= MAX_ECHO) {
      return oneLine;
    }
    return oneLine.substring(0, MAX_ECHO) + "... (" + text.length() + " characters)";
  }
}
