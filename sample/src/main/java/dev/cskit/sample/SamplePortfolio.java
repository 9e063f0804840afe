package dev.cskit.sample;

import dev.cskit.core.ArgumentException;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.core.UsageEvent;
import dev.cskit.core.io.TextTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The built-in sample portfolio: a deterministic, seeded generator of a SaaS customer base, the embedded
 * default for the demo, the examples, the tests and the benchmarks. Same seed, same portfolio, on any
 * machine (SplitMix64 streams per account and {@link StrictMath}).
 *
 * <p>What it holds, as of {@link #asOf()}:
 * <ul>
 *   <li>{@link #accounts()}: log-normal ARR by segment (smb, mid, enterprise), seats from ARR, lifecycle
 *       stages from tenure and renewal, attributes {@code segment} and {@code region};
 *   <li>{@link #usageEvents()}: 90 days of usage (login, feature_used, app_built, support_question,
 *       seminar_attended, email_clicked) following a hidden {@link UsagePattern} (thriving, steady,
 *       declining, never onboarded, seats bought but few users) and a hidden per-account health;
 *       {@link #usage()} aggregates them (windows 14 and 30 days);
 *   <li>{@link #crm()}: open tickets, open P1 tickets, executive sponsor (some unknown), ARR, seats, tenure
 *       and days to renewal;
 *   <li>{@link #milestones()}: onboarding milestones of every account and of former accounts that churned
 *       before reaching value (ids {@code F...});
 *   <li>{@link #surveyResponses()}: one NPS wave 45 days before the as-of date;
 *   <li>{@link #outcomes()}: the year after the as-of date: who churned, driven by the same hidden health
 *       plus noise, so a good health score predicts it well but not perfectly.
 * </ul>
 * Immutable and thread-safe; derived tables are computed once, on first use.
 */
public final class SamplePortfolio {
  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  /** The largest portfolio {@link #generate} makes: 10 million accounts. */
  public static final int MAX_SIZE = 10_000_000;

  /** The default as-of date. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);
  /** Days of usage history up to and including the as-of date. */
  public static final int HISTORY_DAYS = 90;

  private static final String[] SEGMENTS = {"smb", "mid", "enterprise"};
  private static final String[] REGIONS = {"amer", "emea", "apac"};
  private static final String[] NAME_A = {
    "Blue", "North", "Silver", "Bright", "Green", "Rapid", "Quiet", "Bold", "Clear", "Golden", "Red", "Open",
    "True", "Swift", "Prime", "Urban"
  };
  private static final String[] NAME_B = {
    "Harbor", "Peak", "River", "Forge", "Field", "Stone", "Cloud", "Bridge", "Oak", "Lake", "Pine", "Mesa",
    "Wave", "Crest", "Vale", "Grove"
  };
  private static final String[] NAME_C = {
    "Logistics", "Foods", "Labs", "Retail", "Health", "Studio", "Works", "Systems", "Partners", "Clinic",
    "Bistro", "Travel", "Energy", "Media", "Finance", "Builders"
  };

  private static final long STREAM_ACCOUNT = 1;
  private static final long STREAM_USAGE = 2;
  private static final long STREAM_CRM = 3;
  private static final long STREAM_MILESTONES = 4;
  private static final long STREAM_SURVEY = 5;
  private static final long STREAM_OUTCOME = 6;
  private static final long STREAM_FORMER = 7;

  private final long seed;
  private final LocalDate asOf;
  private final List<Account> accounts;
  private final Traits[] traits;

  private final Supplier<MetricTable> usage = Suppliers.memoize(this::buildUsage);
  private final Supplier<MetricTable> crm = Suppliers.memoize(this::buildCrm);
  private final Supplier<MetricTable> metrics = Suppliers.memoize(() -> usage().join(crm()));
  private final Supplier<List<Milestone>> milestones =
      Suppliers.memoize(() -> Collections.unmodifiableList(buildMilestones()));
  private final Supplier<List<SurveyResponse>> survey =
      Suppliers.memoize(() -> Collections.unmodifiableList(buildSurvey()));
  private final Supplier<List<ChurnOutcome>> outcomes = Suppliers.memoize(this::buildOutcomes);
  private final Supplier<List<SampleSubscription>> subscriptions =
      Suppliers.memoize(() -> SampleSubscriptions.generate(this));

  /** What the generator knows of an account and the analytics must find out. */
  private static final class Traits {
    UsagePattern pattern;
    double health; // hidden latent, standard normal
    int tenureDays;
    int activeUsers;
    double dailyRate;
    String[] users;
  }

  private SamplePortfolio(long seed, LocalDate asOf, List<Account> accounts, Traits[] traits) {
    this.seed = seed;
    this.asOf = asOf;
    this.accounts = accounts;
    this.traits = traits;
  }

  /** A portfolio of {@code size} accounts as of {@link #DEFAULT_AS_OF}. */
  public static SamplePortfolio generate(int size, long seed) {
    return generate(size, seed, DEFAULT_AS_OF);
  }

  /**
   * A portfolio of {@code size} accounts as of a date.
   *
   * @throws ArgumentException ({@code size}) when {@code size} is not 1 to {@link #MAX_SIZE}
   */
  public static SamplePortfolio generate(int size, long seed, LocalDate asOf) {
    if (size < 1 || size > MAX_SIZE) {
      throw new ArgumentException("size", "must be between 1 and " + MAX_SIZE, Integer.toString(size));
    }
    int width = Math.max(5, Integer.toString(size).length());
    List<Account> accounts = new ArrayList<>(size);
    Traits[] traits = new Traits[size];
    for (int i = 0; i < size; i++) {
      Traits t = new Traits();
      accounts.add(account(seed, i, width, asOf, t));
      traits[i] = t;
    }
    return new SamplePortfolio(seed, asOf, Collections.unmodifiableList(accounts), traits);
  }

  private static Account account(long seed, int i, int width, LocalDate asOf, Traits t) {
    Rng r = new Rng(seed, i, STREAM_ACCOUNT);
    String id = String.format(Locale.ROOT, "A%0" + width + "d", i + 1);
    int segment = r.pick(0.70, 0.22, 0.08);
    double median = segment == 0 ? 6_000 : segment == 1 ? 30_000 : 150_000;
    double arr = StrictMath.rint(r.logNormal(median, 0.6));
    int seats = (int) Math.max(1, StrictMath.rint(arr / r.uniform(2_500, 4_500)));
    boolean recent = r.bernoulli(0.12);
    t.tenureDays = recent ? r.nextInt(60) : 60 + r.nextInt(1_440);
    t.pattern =
        recent
            ? new UsagePattern[] {UsagePattern.NEVER_ONBOARDED, UsagePattern.STEADY, UsagePattern.THRIVING}[
                r.pick(0.25, 0.40, 0.35)]
            : UsagePattern.values()[r.pick(0.25, 0.38, 0.17, 0.08, 0.12)];
    t.health = r.gaussian();
    if (t.pattern == UsagePattern.SHELFWARE && seats < 8) {
      seats = 8 + r.nextInt(25); // shelfware: a bulk of seats bought, few users
    }
    LocalDate start = asOf.minusDays(t.tenureDays);
    LocalDate renewal = start;
    while (!renewal.isAfter(asOf)) {
      renewal = renewal.plusYears(1);
    }
    long toRenewal = ChronoUnit.DAYS.between(asOf, renewal);
    LifecycleStage stage;
    if (t.tenureDays < 60) {
      stage = LifecycleStage.ONBOARDING;
    } else if (toRenewal <= 60) {
      stage = LifecycleStage.RENEWAL;
    } else if (t.pattern == UsagePattern.THRIVING && t.tenureDays > 365) {
      stage = LifecycleStage.EXPANSION;
    } else {
      stage = LifecycleStage.ADOPTION;
    }
    double adoption;
    double rate;
    switch (t.pattern) {
      case THRIVING:
        adoption = 0.85;
        rate = 0.50;
        break;
      case STEADY:
        adoption = 0.60;
        rate = 0.30;
        break;
      case DECLINING:
        adoption = 0.55;
        rate = 0.40;
        break;
      case SHELFWARE:
        adoption = 0.15;
        rate = 0.35;
        break;
      default:
        adoption = 0.05;
        rate = 0.03;
    }
    adoption = Math.min(1.0, adoption * StrictMath.exp(0.15 * t.health));
    t.activeUsers = (int) StrictMath.rint(seats * adoption);
    if (t.activeUsers == 0 && t.pattern != UsagePattern.NEVER_ONBOARDED) {
      t.activeUsers = 1;
    }
    t.dailyRate = Math.min(0.95, rate * StrictMath.exp(0.2 * t.health));
    t.users = new String[t.activeUsers];
    for (int u = 0; u < t.activeUsers; u++) {
      t.users[u] = id + "-u" + (u + 1);
    }
    String name =
        NAME_A[r.nextInt(NAME_A.length)] + " " + NAME_B[r.nextInt(NAME_B.length)] + " "
            + NAME_C[r.nextInt(NAME_C.length)];
    return Account.builder()
        .id(id)
        .name(name)
        .arr(arr)
        .currency("USD")
        .seats(seats)
        .contractStart(start)
        .renewalDate(renewal)
        .stage(stage)
        .putAttributes("segment", SEGMENTS[segment])
        .putAttributes("region", REGIONS[r.pick(0.5, 0.3, 0.2)])
        .build();
  }

  public long seed() {
    return seed;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** The number of (current) accounts. */
  public int size() {
    return accounts.size();
  }

  /** The current accounts. */
  public List<Account> accounts() {
    return accounts;
  }

  /** The hidden usage pattern of an account. */
  public UsagePattern pattern(AccountId id) {
    return traits[indexOf(id)].pattern;
  }

  /** The hidden health of account {@code i} (for {@link SampleHistory}). */
  double health(int i) {
    return traits[i].health;
  }

  /** The users of account {@code i} (for {@link SampleHistory}). */
  String[] users(int i) {
    return traits[i].users;
  }

  /** The daily chance a user of account {@code i} is active (for {@link SampleHistory}). */
  double dailyRate(int i) {
    return traits[i].dailyRate;
  }

  private int indexOf(AccountId id) {
    String v = id.value();
    if (v.length() > 1 && v.charAt(0) == 'A') {
      try {
        int i = Integer.parseInt(v.substring(1)) - 1;
        if (i >= 0 && i < accounts.size() && accounts.get(i).id().equals(id)) {
          return i;
        }
      } catch (NumberFormatException ignored) {
        // not one of ours
      }
    }
    throw new ArgumentException("id", "must be an account of this portfolio", String.valueOf(id));
  }

  /**
   * The usage events of the {@value #HISTORY_DAYS} days up to and including the as-of date, account by
   * account and day by day. Generated anew on each call (nothing is kept), always the same.
   */
  public Stream<UsageEvent> usageEvents() {
    return IntStream.range(0, accounts.size()).mapToObj(this::eventsOf).flatMap(List::stream);
  }

  private List<UsageEvent> eventsOf(int i) {
    Account a = accounts.get(i);
    Traits t = traits[i];
    Rng r = new Rng(seed, i, STREAM_USAGE);
    List<UsageEvent> out = new ArrayList<>();
    LocalDate first = asOf.minusDays(HISTORY_DAYS - 1L);
    LocalDate start = a.contractStart().orElse(first);
    boolean declining = t.pattern == UsagePattern.DECLINING;
    boolean thriving = t.pattern == UsagePattern.THRIVING;
    double appRate = thriving ? 0.08 : 0.04;
    double supportRate = declining ? 0.05 : 0.02;
    double seminarRate =
        thriving ? 0.04 : t.pattern == UsagePattern.STEADY ? 0.02 : t.pattern == UsagePattern.NEVER_ONBOARDED ? 0.002 : 0.006;
    double emailRate = t.pattern == UsagePattern.NEVER_ONBOARDED ? 0.01 : 0.05;
    for (int d = 0; d < HISTORY_DAYS; d++) {
      LocalDate day = first.plusDays(d);
      if (day.isBefore(start)) {
        continue;
      }
      double progress = d / (double) (HISTORY_DAYS - 1);
      double trend = declining ? 1.0 - 0.8 * progress : thriving ? 0.9 + 0.2 * progress : 1.0;
      int dow = day.getDayOfWeek().getValue();
      double weekday = dow >= 6 ? 0.25 : 1.0;
      double p = Math.min(0.98, t.dailyRate * trend * weekday);
      long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      for (String user : t.users) {
        if (!r.bernoulli(p)) {
          continue;
        }
        out.add(event(a, user, "login", dayStart, r));
        int features = r.poisson(1.0);
        for (int f = 0; f < features; f++) {
          out.add(event(a, user, "feature_used", dayStart, r));
        }
        if (r.bernoulli(appRate)) {
          out.add(event(a, user, "app_built", dayStart, r));
        }
      }
      if (r.bernoulli(supportRate * weekday)) {
        out.add(event(a, pickUser(t, r), "support_question", dayStart, r));
      }
      if (r.bernoulli(seminarRate * weekday)) {
        out.add(event(a, pickUser(t, r), "seminar_attended", dayStart, r));
      }
      if (r.bernoulli(emailRate)) {
        out.add(event(a, pickUser(t, r), "email_clicked", dayStart, r));
      }
    }
    return out;
  }

  private static String pickUser(Traits t, Rng r) {
    return t.users.length == 0 ? "" : t.users[r.nextInt(t.users.length)];
  }

  private static UsageEvent event(Account a, String user, String type, long dayStart, Rng r) {
    long second = 7 * 3600L + (long) (r.uniform() * 11 * 3600);
    return UsageEvent.of(a.id(), user, type, Instant.ofEpochSecond(dayStart + second));
  }

  /** The usage events aggregated as of {@link #asOf()} over 14- and 30-day windows. */
  public MetricTable usage() {
    return usage.get();
  }

  private MetricTable buildUsage() {
    return UsageAggregator.builder()
        .asOf(asOf)
        .windows(14, 30)
        .eventTypes(
            List.of("login", "feature_used", "app_built", "support_question", "seminar_attended",
                "email_clicked"))
        .build()
        .aggregate(accounts, usageEvents());
  }

  /** Account facts from the CRM: tickets, sponsor, ARR, seats, tenure, days to renewal. */
  public MetricTable crm() {
    return crm.get();
  }

  private MetricTable buildCrm() {
    MetricTable.Builder b =
        MetricTable.builder(
            "open_tickets", "p1_open", "exec_sponsor", "arr", "seats", "tenure_days", "days_to_renewal");
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Traits t = traits[i];
      Rng r = new Rng(seed, i, STREAM_CRM);
      UsagePattern p = t.pattern;
      double tickets =
          r.poisson(p == UsagePattern.DECLINING ? 2.0 : p == UsagePattern.SHELFWARE ? 1.0
              : p == UsagePattern.NEVER_ONBOARDED ? 0.8 : 0.4);
      double p1 = r.bernoulli(p == UsagePattern.DECLINING ? 0.10 : 0.02) ? 1 : 0;
      double sponsorP =
          p == UsagePattern.THRIVING ? 0.8 : p == UsagePattern.STEADY ? 0.6 : p == UsagePattern.NEVER_ONBOARDED ? 0.2 : 0.3;
      double sponsor = r.bernoulli(0.2) ? Double.NaN : r.bernoulli(sponsorP) ? 1 : 0;
      double toRenewal = ChronoUnit.DAYS.between(asOf, a.renewalDate().orElseThrow());
      b.addRow(a.id(), tickets, p1, sponsor, a.arr(), a.seats(), t.tenureDays, toRenewal);
    }
    return b.build();
  }

  /** {@link #usage()} joined with {@link #crm()}: the metrics scorecards read. */
  public MetricTable metrics() {
    return metrics.get();
  }

  /**
   * Onboarding milestones that happened up to the as-of date: {@code contract_signed},
   * {@code users_invited}, {@code first_app_built}, {@code first_value} of the current accounts, and of
   * former accounts (ids {@code F...}, about one for every twenty current ones, signed within the last
   * year) that {@code churned} before reaching value. Accounts still onboarding have no first value yet.
   */
  public List<Milestone> milestones() {
    return milestones.get();
  }

  private List<Milestone> buildMilestones() {
    List<Milestone> out = new ArrayList<>();
    Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Traits t = traits[i];
      Rng r = new Rng(seed, i, STREAM_MILESTONES);
      Instant signed =
          a.contractStart().orElseThrow().atStartOfDay(ZoneOffset.UTC).toInstant()
              .plusSeconds((long) (r.uniform(9, 17) * 3600));
      out.add(new Milestone(a.id(), Milestone.CONTRACT_SIGNED, signed));
      double pace =
          t.pattern == UsagePattern.THRIVING ? 0.7 : t.pattern == UsagePattern.STEADY ? 1.0
              : t.pattern == UsagePattern.DECLINING ? 1.3 : 1.6;
      pace *= StrictMath.exp(-0.2 * t.health);
      if (t.pattern == UsagePattern.NEVER_ONBOARDED) {
        if (r.bernoulli(0.5)) {
          addIfBefore(out, a.id(), Milestone.USERS_INVITED, signed.plusSeconds(days(r.exponential(6))), end);
        }
        continue;
      }
      Instant invited = signed.plusSeconds(days(r.exponential(2 * pace)));
      Instant app = invited.plusSeconds(days(r.exponential(5 * pace)));
      Instant value = app.plusSeconds(days(r.exponential(6 * pace)));
      addIfBefore(out, a.id(), Milestone.USERS_INVITED, invited, end);
      addIfBefore(out, a.id(), Milestone.FIRST_APP_BUILT, app, end);
      addIfBefore(out, a.id(), Milestone.FIRST_VALUE, value, end);
    }
    int former = Math.max(1, accounts.size() / 20);
    int width = Math.max(5, Integer.toString(former).length());
    for (int k = 0; k < former; k++) {
      Rng r = new Rng(seed, k, STREAM_FORMER);
      AccountId id = AccountId.of(String.format(Locale.ROOT, "F%0" + width + "d", k + 1));
      Instant signed =
          asOf.minusDays(30 + r.nextInt(335)).atStartOfDay(ZoneOffset.UTC).toInstant()
              .plusSeconds((long) (r.uniform(9, 17) * 3600));
      out.add(new Milestone(id, Milestone.CONTRACT_SIGNED, signed));
      Instant churned = signed.plusSeconds(days(r.exponential(45)));
      if (r.bernoulli(0.6)) {
        Instant invited = signed.plusSeconds(days(r.exponential(4)));
        if (invited.isBefore(churned)) {
          addIfBefore(out, id, Milestone.USERS_INVITED, invited, end);
        }
      }
      addIfBefore(out, id, Milestone.CHURNED, churned, end);
    }
    return out;
  }

  private static long days(double d) {
    return (long) (d * 86_400);
  }

  private static void addIfBefore(List<Milestone> out, AccountId id, String type, Instant t, Instant end) {
    if (t.isBefore(end)) {
      out.add(new Milestone(id, type, t));
    }
  }

  /**
   * One NPS wave by e-mail, 45 days before the as-of date, to up to three contacts of every account older
   * than that. Healthier accounts answer more often and score higher; silent ones include accounts about
   * to leave.
   */
  public List<SurveyResponse> surveyResponses() {
    return survey.get();
  }

  private List<SurveyResponse> buildSurvey() {
    List<SurveyResponse> out = new ArrayList<>();
    LocalDate invited = asOf.minusDays(45);
    Map<UsagePattern, double[]> params = new EnumMap<>(UsagePattern.class);
    params.put(UsagePattern.THRIVING, new double[] {0.32, 8.8});
    params.put(UsagePattern.STEADY, new double[] {0.22, 7.6});
    params.put(UsagePattern.DECLINING, new double[] {0.12, 5.5});
    params.put(UsagePattern.SHELFWARE, new double[] {0.10, 6.2});
    params.put(UsagePattern.NEVER_ONBOARDED, new double[] {0.06, 5.0});
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Traits t = traits[i];
      if (t.tenureDays <= 45) {
        continue;
      }
      Rng r = new Rng(seed, i, STREAM_SURVEY);
      double[] p = params.get(t.pattern);
      int contacts = Math.min(3, 1 + a.seats() / 15);
      for (int c = 0; c < contacts; c++) {
        String contact = a.id().value() + "-c" + (c + 1);
        double rate = Math.min(0.9, p[0] * StrictMath.exp(0.2 * t.health));
        if (r.bernoulli(rate)) {
          double raw = p[1] + 0.8 * t.health + 1.3 * r.gaussian();
          int score = (int) Math.max(0, Math.min(10, StrictMath.rint(raw)));
          out.add(new SurveyResponse(a.id(), contact, invited, "email", true, score,
              invited.plusDays((long) Math.min(14, r.exponential(2)))));
        } else {
          out.add(new SurveyResponse(a.id(), contact, invited, "email", false, null, null));
        }
      }
    }
    return out;
  }

  /**
   * The year after the as-of date: each account either renews at its renewal date or churns, most often at
   * renewal and sometimes before. The chance of churning follows the hidden usage pattern and health, plus
   * noise.
   */
  public List<ChurnOutcome> outcomes() {
    return outcomes.get();
  }

  private List<ChurnOutcome> buildOutcomes() {
    List<ChurnOutcome> out = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      Traits t = traits[i];
      Rng r = new Rng(seed, i, STREAM_OUTCOME);
      double base;
      switch (t.pattern) {
        case THRIVING:
          base = -3.2;
          break;
        case STEADY:
          base = -2.4;
          break;
        case DECLINING:
          base = -0.7;
          break;
        case SHELFWARE:
          base = -0.9;
          break;
        default:
          base = -0.3;
      }
      double logit = base - 0.8 * t.health + 0.5 * r.gaussian();
      double p = 1.0 / (1.0 + StrictMath.exp(-logit));
      LocalDate renewal = a.renewalDate().orElseThrow();
      LocalDate churn = null;
      if (r.bernoulli(p)) {
        long until = ChronoUnit.DAYS.between(asOf, renewal);
        churn = r.bernoulli(0.7) || until <= 1 ? renewal : asOf.plusDays(1 + r.nextInt((int) until));
      }
      out.add(new ChurnOutcome(a.id(), churn, renewal));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The subscription history (see {@link SampleSubscriptions}): from each account's first contract to a
   * year after the as-of date, consistent with the usage patterns and churn outcomes.
   */
  public List<SampleSubscription> subscriptions() {
    return subscriptions.get();
  }

  /** A summary: accounts, ARR and seats by segment. */
  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("segment", "accounts", "arr", "seats");
    for (String segment : SEGMENTS) {
      int n = 0;
      double arr = 0;
      long seats = 0;
      for (Account a : accounts) {
        if (segment.equals(a.attribute("segment"))) {
          n++;
          arr += a.arr();
          seats += a.seats();
        }
      }
      t.row(segment, n, arr, seats);
    }
    return String.format(Locale.ROOT, "SamplePortfolio seed=%d asOf=%s accounts=%d%n%s", seed, asOf,
        accounts.size(), t);
  }
}
