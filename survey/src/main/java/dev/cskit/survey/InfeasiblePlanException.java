package dev.cskit.survey;

import dev.cskit.core.CskitException;

/** No plan from the waves given reaches the target with the probability asked. */
public class InfeasiblePlanException extends CskitException {
  private static final long serialVersionUID = 1L;

  /** @param statement what the best plan reaches, in words */
  public InfeasiblePlanException(String statement) {
    super("plan", statement, null);
  }
}
