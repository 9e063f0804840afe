package dev.cskit.survey;

import dev.cskit.core.InfeasiblePlanException;
import dev.cskit.core.io.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of planning an escalation: the waves chosen with what each is expected to bring, and whether
 * the target is reached with the probability asked. When it is not ({@link #feasible()} false), the waves are
 * the plan that comes closest and {@link #statement()} says so; {@link #orThrow()} turns that into an
 * {@link InfeasiblePlanException}.
 *
 * @param feasible whether the plan reaches the target with the probability asked
 * @param statement one sentence saying what the plan achieves, or that no plan can
 * @param invitations the contacts invited
 * @param targetResponses the responses needed (for a rate target, {@code ceil(rate x invitations)})
 * @param requiredProbability the probability asked for
 * @param probability the chance this plan reaches the target
 * @param expectedResponses the expected responses
 * @param expectedRate the expected response rate of the invited
 * @param expectedCost the expected cost: the sum over waves of contacts x cost per contact
 * @param waves the waves, in order, with their expected contacts, responses and cost
 */
public record PlanResult(
    boolean feasible,
    String statement,
    long invitations,
    long targetResponses,
    double requiredProbability,
    double probability,
    double expectedResponses,
    double expectedRate,
    double expectedCost,
    List<WaveOutcome> waves) {

  /** Copies the waves. */
  public PlanResult {
    waves = List.copyOf(waves);
  }

  /** This result if feasible. @throws InfeasiblePlanException when no plan reaches the target */
  public PlanResult orThrow() {
    if (!feasible) {
      throw new InfeasiblePlanException("plan", statement, null);
    }
    return this;
  }

  @Override
  public String toString() {
    // one precision per column: expected counts to 1 decimal, the rate as a percentage, costs as money
    TextTable t = TextTable.withHeader("wave", "channel", "contacts", "responses", "cumulative rate", "cost")
        .column(2, TextTable.decimals(1)).column(3, TextTable.decimals(1)).column(4, TextTable::percent)
        .column(5, TextTable::money);
    for (WaveOutcome w : waves) {
      t.row(w.name(), w.channel(), w.contacts(), w.responses(), w.cumulativeRate(), w.cost());
    }
    return statement
        + "\n"
        + String.format(
            Locale.ROOT,
            "invitations %d, target %d responses, P(reach) %.4f, expected %.1f responses (%.1f%%), cost %.2f%n",
            invitations, targetResponses, probability, expectedResponses, 100 * expectedRate, expectedCost)
        + t;
  }

  /**
   * What one wave of a plan is expected to bring.
   *
   * @param name the wave
   * @param channel its channel
   * @param contacts the expected contacts it makes (silent contacts it reaches, within its capacity)
   * @param responses the expected responses it brings
   * @param cumulativeRate the expected response rate of the invited after this wave; without capacity
   *     limits or tiers, {@code 1 - prod(1 - r_k)} over the waves so far
   * @param cost the expected cost of its contacts
   */
  public record WaveOutcome(
      String name, String channel, double contacts, double responses, double cumulativeRate, double cost) {}
}
