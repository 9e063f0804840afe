package dev.cskit.touchmodel.trial;

import java.util.List;

/**
 * Play against control on one group of accounts (all of them, or one tier or band).
 *
 * @param group what the accounts are: {@code all}, or {@code tier=high}, {@code band=red}
 * @param playConversions accounts that converted in the play arm
 * @param playAccounts accounts in the play arm
 * @param controlConversions accounts that converted in the control arm
 * @param controlAccounts accounts in the control arm
 * @param playRate play conversions / play accounts
 * @param playLower the play rate's Wilson score interval, lower end
 * @param playUpper its upper end
 * @param controlRate control conversions / control accounts
 * @param controlLower the control rate's Wilson score interval, lower end
 * @param controlUpper its upper end
 * @param difference play rate - control rate
 * @param differenceLower the difference's Newcombe hybrid score interval (statsmodels {@code
 *     confint_proportions_2indep(play..., control..., method='newcomb')}), lower end
 * @param differenceUpper its upper end
 * @param fisherP the two-sided p-value of Fisher's exact test (as R's {@code fisher.test})
 * @param oddsRatio the conditional maximum likelihood odds ratio (play odds / control odds), as R's
 *     {@code fisher.test} estimates it (0 or infinite at the edges of the table)
 * @param oddsRatioLower its conditional confidence interval, lower end
 * @param oddsRatioUpper its upper end (may be infinite)
 * @param probabilityPlayBetter the posterior probability that the play's rate exceeds control's under the
 *     Beta priors (exact)
 * @param warnings why the numbers may be weak (few expected conversions), empty when none
 */
public record ArmComparison(
    String group,
    int playConversions,
    int playAccounts,
    int controlConversions,
    int controlAccounts,
    double playRate,
    double playLower,
    double playUpper,
    double controlRate,
    double controlLower,
    double controlUpper,
    double difference,
    double differenceLower,
    double differenceUpper,
    double fisherP,
    double oddsRatio,
    double oddsRatioLower,
    double oddsRatioUpper,
    double probabilityPlayBetter,
    List<String> warnings) {
  /** Copies. */
  public ArmComparison {
    warnings = List.copyOf(warnings);
  }
}
