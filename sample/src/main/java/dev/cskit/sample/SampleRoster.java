package dev.cskit.sample;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.io.CsvOutput;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's team and trial: a roster of 12 customer-success managers sized for the example touch model on
 * the sample portfolio (5 high-touch managers, 120 hours and at most 15 accounts each, covering regions; 7
 * low-touch managers, 60 hours and at most 40 accounts each), and a finished trial of a play (an upsell call
 * when onboarding completes) on 200 mid-market accounts: half play, half control, the play converting about
 * 15% against about 8% without it. Fixed (the roster) or seeded (the trial): always the same.
 */
public final class SampleRoster {
  /** The stream of the trial's draws (apart from the portfolio's streams 1-7). */
  private static final long STREAM_TRIAL = 17;

  private SampleRoster() {}

  /**
   * One manager of the roster.
   *
   * @param id the manager's id
   * @param tier the tier they serve
   * @param hours hours a month
   * @param maxAccounts the most accounts they may own
   * @param regions the regions they cover, separated by {@code ;} (empty: any)
   * @param segments the segments they cover, separated by {@code ;} (empty: any)
   */
  public record Manager(String id, String tier, double hours, int maxAccounts, String regions, String segments) {}

  /**
   * One account of the trial.
   *
   * @param accountId the account
   * @param arm {@code play} or {@code control}
   * @param converted whether it bought the option within the trial's month
   */
  public record TrialRow(AccountId accountId, String arm, boolean converted) {}

  /** The 12 managers. */
  public static List<Manager> managers() {
    return List.of(
        new Manager("M01", "high", 120, 15, "amer", ""),
        new Manager("M02", "high", 120, 15, "amer", ""),
        new Manager("M03", "high", 120, 15, "emea", ""),
        new Manager("M04", "high", 120, 15, "apac", ""),
        new Manager("M05", "high", 120, 15, "", "enterprise;mid"),
        new Manager("M06", "low", 60, 40, "amer", ""),
        new Manager("M07", "low", 60, 40, "amer", ""),
        new Manager("M08", "low", 60, 40, "emea", ""),
        new Manager("M09", "low", 60, 40, "apac", ""),
        new Manager("M10", "low", 60, 40, "", ""),
        new Manager("M11", "low", 60, 40, "", ""),
        new Manager("M12", "low", 60, 40, "", "mid;enterprise"));
  }

  /** Writes the roster as CSV: manager_id, tier, hours, max_accounts, regions, languages, segments. */
  public static void writeCsv(Writer out) {
    CsvOutput csv = new CsvOutput(out).row("manager_id", "tier", "hours", "max_accounts", "regions", "languages",
        "segments");
    for (Manager m : managers()) {
      csv.row(m.id(), m.tier(), CsvOutput.number(m.hours()), Integer.toString(m.maxAccounts()), m.regions(), "",
          m.segments());
    }
    csv.flush();
  }

  /**
   * The trial: the first 200 mid-market accounts of the portfolio (by id), each in the play or the control arm
   * by a fair coin, converting with probability 0.15 in the play and 0.08 in control (seeded by the
   * portfolio's seed).
   */
  public static List<TrialRow> trial(SamplePortfolio portfolio) {
    List<TrialRow> out = new ArrayList<>();
    int index = 0;
    for (Account a : portfolio.accounts()) {
      if (!"mid".equals(a.attribute("segment"))) {
        continue;
      }
      Rng r = new Rng(portfolio.seed(), index++, STREAM_TRIAL);
      boolean play = r.bernoulli(0.5);
      boolean converted = r.bernoulli(play ? 0.15 : 0.08);
      out.add(new TrialRow(a.id(), play ? "play" : "control", converted));
      if (out.size() == 200) {
        break;
      }
    }
    return out;
  }

  /** Writes the trial as CSV: account_id, arm, converted (1 or 0). */
  public static void writeTrialCsv(SamplePortfolio portfolio, Writer out) {
    CsvOutput csv = new CsvOutput(out).row("account_id", "arm", "converted");
    for (TrialRow t : trial(portfolio)) {
      csv.row(t.accountId().value(), t.arm(), t.converted() ? "1" : "0");
    }
    csv.flush();
  }
}
