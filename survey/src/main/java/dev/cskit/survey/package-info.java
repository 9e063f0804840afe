/**
 * Survey response-rate planning: how many customers to invite, through which channels, with what chance of
 * hearing enough of them, and what their answers (and their silence) say.
 *
 * <ul>
 *   <li><b>Sample size and margin of error</b>: {@link dev.cskit.survey.SampleSize} (Cochran's {@code n0 = z^2
 *       p (1 - p) / e^2}, or the NPS trinomial variance {@code p + d - (p - d)^2}; the finite-population
 *       correction {@link dev.cskit.survey.Fpc}; {@link dev.cskit.survey.Rounding}).
 *   <li><b>NPS</b>: {@link dev.cskit.survey.Nps} from counts or raw 0-10 answers, with adjusted-Wald (default),
 *       Wald and seeded percentile-bootstrap intervals ({@link dev.cskit.survey.NpsMethod}), the comparison of
 *       two scores and the sample size to detect a difference. Yes/no rates such as CSAT:
 *       {@link dev.cskit.survey.Rate} with Wilson (default), Clopper-Pearson, Jeffreys, Agresti-Coull and Wald
 *       intervals ({@link dev.cskit.survey.RateMethod}) computed by Apache Commons Statistics.
 *   <li><b>Invitations</b>: {@link dev.cskit.survey.ResponseModel}, binomial for a known rate or beta-binomial
 *       for an uncertain one ({@link dev.cskit.survey.BetaPrior}, with published
 *       {@link dev.cskit.survey.BenchmarkPrior benchmarks} and the update after a wave): the fewest invitations
 *       that give the target number of responses with probability q.
 *   <li><b>Channel escalation</b>: {@link dev.cskit.survey.EscalationPlan} (a versioned YAML/JSON plan of
 *       {@link dev.cskit.survey.Wave waves} with rates among the still silent, costs, capacities and touch
 *       tiers) and {@link dev.cskit.survey.Escalation}: the cumulative rate {@code 1 - prod(1 - r_k)} and the
 *       cheapest plan that reaches a response count or rate with probability q ({@link
 *       dev.cskit.survey.PlanResult}), or the statement that none can.
 *   <li><b>Stratified allocation</b>: {@link dev.cskit.survey.StratifiedAllocation} (proportional, Neyman, cost-optimal,
 *       with a minimum per {@link dev.cskit.survey.Stratum}), the design effect {@code 1 + (m - 1) rho} and
 *       Kish's effective sample size.
 *   <li><b>Contact throttling</b>: {@link dev.cskit.survey.Throttle}, who may be surveyed today and why not.
 *   <li><b>The silent-customer check</b>: {@link dev.cskit.survey.SilentCheck}, respondents against the
 *       silent on any metrics (standardized mean differences), and the silent accounts at risk first.
 *   <li><b>Length budget</b>: {@link dev.cskit.survey.LengthBudget} with {@link dev.cskit.survey.QuestionKind}.
 * </ul>
 *
 * <p>Every type is immutable and thread-safe. Invalid arguments (a margin outside (0, 1), a rate outside
 * [0, 1], a negative count) throw {@link dev.cskit.core.ArgumentException} naming the argument and the rule;
 * plan files report {@link dev.cskit.core.ConfigException} with the path and line.
 */
package dev.cskit.survey;
