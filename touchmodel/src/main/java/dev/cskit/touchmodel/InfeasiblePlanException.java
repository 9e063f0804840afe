package dev.cskit.touchmodel;

import dev.cskit.core.CskitException;

/** A plan that cannot be met: pins that overfill a tier, or more accounts than all tiers can take. */
public class InfeasiblePlanException extends CskitException {
  private static final long serialVersionUID = 1L;

  public InfeasiblePlanException(String where, String rule, String found) {
    super(where, rule, found);
  }
}
