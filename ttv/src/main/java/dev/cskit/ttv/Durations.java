package dev.cskit.ttv;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.TextTable;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.KaplanMeier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times to value built from milestone events: for each account, the duration in (fractional) days from
 * its start milestone to its first value, or to churn (the competing event), or to the as-of instant
 * (still onboarding, censored). This is the honest alternative to funnel tools' "time to convert", which
 * silently drops the accounts still onboarding and those that left.
 *
 * <p>Rules: events after the as-of instant are ignored; the earliest start, value and churn milestones
 * count; value and churn at the same instant count as value; an account with value or churn milestones
 * but no start milestone by the as-of instant is reported in {@link #missingStart()}, never silently
 * dropped; a value (or churn) milestone before the start is a {@link DataException} naming the account.
 * Accounts are listed in ascending id order. Immutable.
 */
public final class Durations {
  private final TtvSpec spec;
  private final List<AccountDuration> accounts;
  private final List<AccountId> missingStart;

  private Durations(TtvSpec spec, List<AccountDuration> accounts, List<AccountId> missingStart) {
    this.spec = spec;
    this.accounts = List.copyOf(accounts);
    this.missingStart = List.copyOf(missingStart);
  }

  /**
   * The longest duration cskit accepts, in days: 36,500 (100 years). A longer one is a unit error (seconds or
   * milliseconds read as days), and one such row would dominate the tie tolerance of the survival estimators
   * and move their quantiles, so readers of durations refuse it, naming the row.
   */
  public static final double MAX_DAYS = 36_500;

  /** Builds the durations from events (any order) under a specification. */
  public static Durations fromEvents(Iterable<MilestoneEvent> events, TtvSpec spec) {
    Instant asOf = spec.asOf();
    Map<AccountId, Instant[]> firsts = new TreeMap<>(); // start, value, churn
    for (MilestoneEvent e : events) {
      if (e.timestamp().isAfter(asOf)) {
        continue;
      }
      int kind = spec.start().contains(e.type()) ? 0
          : spec.value().contains(e.type()) ? 1
          : spec.churn().contains(e.type()) ? 2 : -1;
      if (kind < 0) {
        continue;
      }
      Instant[] f = firsts.computeIfAbsent(e.accountId(), k -> new Instant[3]);
      if (f[kind] == null || e.timestamp().isBefore(f[kind])) {
        f[kind] = e.timestamp();
      }
    }
    List<AccountDuration> out = new ArrayList<>();
    List<AccountId> missing = new ArrayList<>();
    for (var entry : firsts.entrySet()) {
      AccountId id = entry.getKey();
      Instant[] f = entry.getValue();
      Instant start = f[0];
      if (start == null) {
        missing.add(id);
        continue;
      }
      if (f[1] != null && f[1].isBefore(start)) {
        throw DataException.of(
            "events of account " + CskitException.quote(id.value()),
            "the first-value milestone must not come before the start milestone",
            "value at " + f[1] + ", start at " + start);
      }
      if (f[2] != null && f[2].isBefore(start)) {
        throw DataException.of(
            "events of account " + CskitException.quote(id.value()),
            "the churn milestone must not come before the start milestone",
            "churn at " + f[2] + ", start at " + start);
      }
      Instant end;
      TtvStatus status;
      if (f[1] != null && (f[2] == null || !f[2].isBefore(f[1]))) {
        end = f[1];
        status = TtvStatus.VALUE;
      } else if (f[2] != null) {
        end = f[2];
        status = TtvStatus.CHURNED;
      } else {
        end = asOf;
        status = TtvStatus.ONBOARDING;
      }
      out.add(new AccountDuration(id, start, end, days(start, end), status));
    }
    return new Durations(spec, out, missing);
  }

  /** Fractional days between two instants ({@code seconds / 86400}, nanosecond precision). */
  static double days(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return (d.getSeconds() + d.getNano() / 1e9) / 86400.0;
  }

  /** The specification used. */
  public TtvSpec spec() {
    return spec;
  }

  /** One duration per account with a start milestone, ascending by id. */
  public List<AccountDuration> accounts() {
    return accounts;
  }

  /** Accounts with milestones but no start milestone by the as-of instant: reported, not used. */
  public List<AccountId> missingStart() {
    return missingStart;
  }

  /** The durations in days (a new array, in {@link #accounts()} order). */
  public double[] times() {
    double[] t = new double[accounts.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = accounts.get(i).days();
    }
    return t;
  }

  /** Status codes for Kaplan-Meier: 1 reached value, 0 otherwise (churn treated as censoring). */
  public int[] valueStatus() {
    int[] s = new int[accounts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = accounts.get(i).status() == TtvStatus.VALUE ? 1 : 0;
    }
    return s;
  }

  /** Status codes for competing risks: 0 onboarding (censored), 1 value, 2 churn. */
  public int[] competingStatus() {
    int[] s = new int[accounts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = accounts.get(i).status().code();
    }
    return s;
  }

  private void requireSome() {
    if (accounts.isEmpty()) {
      throw DataException.of(
          "events", "no account has a start milestone " + spec.start() + " by the as-of instant", "none");
    }
  }

  /** Kaplan-Meier of time to value with churn censored and 95% log-log intervals. */
  public KaplanMeier kaplanMeier() {
    return kaplanMeier(ConfType.LOG_LOG, 0.95);
  }

  /** Kaplan-Meier of time to value with churn censored. */
  public KaplanMeier kaplanMeier(ConfType confType, double confidence) {
    requireSome();
    return KaplanMeier.fit("durations", times(), valueStatus(), confType, confidence);
  }

  /** Aalen-Johansen cumulative incidence of value (type 1) and churn (type 2). */
  public AalenJohansen cumulativeIncidence(ConfType confType, double confidence) {
    requireSome();
    return AalenJohansen.fit(times(), competingStatus(), 2, confType, confidence);
  }

  /** The count of accounts per status. */
  public Map<TtvStatus, Integer> counts() {
    Map<TtvStatus, Integer> m = new TreeMap<>();
    for (TtvStatus s : TtvStatus.values()) {
      m.put(s, 0);
    }
    for (AccountDuration a : accounts) {
      m.merge(a.status(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("account", "start", "end", "days", "status").column(3, TextTable.decimals(1));
    for (AccountDuration a : accounts) {
      t.row(a.accountId().value(), a.start().toString(), a.end().toString(), a.days(),
          a.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    return "Time to value, " + accounts.size() + " accounts (" + TextTable.pairs(counts()).toLowerCase(java.util.Locale.ROOT)
        + "), " + missingStart.size()
        + " without a start milestone\n" + t;
  }
}
