package dev.cskit.core;

/**
 * A bad argument to a cskit method: a value out of range, a missing or blank name, arrays that differ in
 * length. Names the argument ({@link #argument()}: the parameter's name, such as {@code margin},
 * {@code confidence} or {@code windows}, or a path into it such as {@code scores[3]}), the rule broken and
 * the value found; the message is {@code argument: rule; found X}.
 *
 * <p>Every module throws this (or a subclass) for bad arguments, never {@link IllegalArgumentException}, so
 * a caller such as a command line can tell a bad value it passed on (and name the option it came from)
 * from bad data or configuration ({@link DataException}, {@link ConfigException}).
 */
public class ArgumentException extends CskitException {
  private static final long serialVersionUID = 1L;

  private final String argument;

  /**
   * @param argument the name of the argument (also the place in the message)
   * @param rule the rule the value breaks, in words
   * @param found the value found, or null
   */
  public ArgumentException(String argument, String rule, String found) {
    super(argument, rule, found);
    this.argument = argument;
  }

  /** The name of the argument: a parameter name, or a path into one such as {@code weights[1]}. */
  public String argument() {
    return argument;
  }
}
