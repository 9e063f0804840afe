package dev.cskit.core;

/**
 * A plan that cannot be met: a tier allocation whose pins overfill a tier or whose tiers cannot take every
 * account (touchmodel), or a survey escalation plan that no combination of waves makes reach its target
 * with the probability asked (survey).
 */
public class InfeasiblePlanException extends CskitException {
  private static final long serialVersionUID = 1L;

  /**
   * @param where what cannot be planned (a tier, {@code plan}), or null
   * @param rule what the plan needs and cannot get, or what the best plan reaches, in words
   * @param found what was found instead, or null
   */
  public InfeasiblePlanException(String where, String rule, String found) {
    super(where, rule, found);
  }
}
