package dev.cskit.touchmodel.trial;

import dev.cskit.core.io.TextTable;
import java.util.Locale;

/**
 * How large and how long a trial of a play must be to detect a lift in conversion from {@code baseline} to
 * {@code target} with a power at a two-sided significance level.
 *
 * @param baseline the control's conversion rate (p1)
 * @param target the play's conversion rate worth detecting (p2)
 * @param power the probability of detecting that lift
 * @param alpha the two-sided significance level
 * @param strict whether the power counts both tails (R's {@code strict = TRUE}); false is R's default
 * @param nPerArm accounts per arm as R's {@code power.prop.test} reports it (fractional, found by R's root
 *     finder with its default tolerance)
 * @param accountsPerArm {@code nPerArm} rounded up: the accounts each arm needs
 * @param nPerArmArcsine accounts per arm by the arcsine (Cohen's h) normal approximation of statsmodels'
 *     {@code NormalIndPower} (fractional), a cross-check
 * @param totalAccounts both arms: {@code 2 * accountsPerArm}
 * @param pace accounts entering the trial per month (both arms together), or NaN when none was given
 * @param months months at that pace to enrol {@code totalAccounts} (rounded up), or 0 when no pace was given
 */
public record TrialPlan(
    double baseline,
    double target,
    double power,
    double alpha,
    boolean strict,
    double nPerArm,
    long accountsPerArm,
    double nPerArmArcsine,
    long totalAccounts,
    double pace,
    long months) {

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("baseline", "target", "power", "alpha", "n per arm (R)", "accounts per arm",
        "total accounts", "pace per month", "months");
    t.row(baseline, target, power, alpha, String.format(Locale.ROOT, "%.4f", nPerArm), accountsPerArm,
        totalAccounts, Double.isNaN(pace) ? "-" : TextTable.number(pace), Double.isNaN(pace) ? "-" : months);
    StringBuilder sb = new StringBuilder(t.toString());
    sb.append(String.format(Locale.ROOT,
        "%d accounts per arm (%d in all) detect %.1f%% -> %.1f%% with %.0f%% power at two-sided alpha %s",
        accountsPerArm, totalAccounts, 100 * baseline, 100 * target, 100 * power, TextTable.number(alpha)));
    if (!Double.isNaN(pace)) {
      sb.append(String.format(Locale.ROOT, "; at %s accounts a month that takes %d month%s",
          TextTable.number(pace), months, months == 1 ? "" : "s"));
    }
    sb.append(".\n");
    sb.append(String.format(Locale.ROOT, "(arcsine approximation, statsmodels NormalIndPower: %.1f per arm)%n",
        nPerArmArcsine));
    return sb.toString();
  }
}
