package dev.cskit.ttv;

import dev.cskit.ttv.stats.Quantile;
import dev.cskit.ttv.stats.RestrictedMean;

/**
 * The censoring-aware time spent in one step of an onboarding path.
 *
 * @param from the milestone that enters the step
 * @param to the milestone that completes it
 * @param entered accounts that reached {@code from}
 * @param completed accounts that then reached {@code to}
 * @param censored accounts still in the step at the as-of instant (or that churned in it)
 * @param median the Kaplan-Meier median days in the step with its interval (NaN: not reached)
 * @param restrictedMean the restricted mean days in the step up to the common horizon of all steps
 */
public record StepStats(
    String from,
    String to,
    int entered,
    int completed,
    int censored,
    Quantile median,
    RestrictedMean restrictedMean) {}
