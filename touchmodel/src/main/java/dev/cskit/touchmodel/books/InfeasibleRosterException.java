package dev.cskit.touchmodel.books;

import dev.cskit.core.InfeasiblePlanException;

/**
 * A roster that cannot take its accounts: the message says what is short (hours, accounts, a skill, a
 * region) and in which tier.
 */
public class InfeasibleRosterException extends InfeasiblePlanException {
  private static final long serialVersionUID = 1L;

  public InfeasibleRosterException(String where, String rule, String found) {
    super(where, rule, found);
  }
}
