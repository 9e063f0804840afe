package dev.cskit.sample;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.io.CsvOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sample portfolio with a history, for {@code cskit init}: the same seeded accounts as
 * {@link SamplePortfolio} (as of the end date), and {@value #MONTHS} months of what happened before it:
 * daily usage events, renewals and churns with their dates (accounts that are likely to leave do, mostly at
 * renewal, and go quiet before), CRM fields that move month to month (open tickets, P1 tickets, executive
 * sponsor; one row per account and month end, with {@code as_of}), onboarding milestones, and two NPS waves
 * with their contacts. Accounts still onboarding at a date are the ones that started recently.
 *
 * <p>Deterministic: the same size, seed and end date write the same files. Immutable and thread-safe.
 */
public final class SampleHistory {
  /** Months of history before the end date. */
  public static final int MONTHS = 13;

  private static final long STREAM_HISTORY = 11;
  private static final long STREAM_EVENTS = 12;
  private static final long STREAM_CRM = 13;
  private static final long STREAM_WAVE = 14;
  private static final long STREAM_LATE_VALUE = 15;

  private final SamplePortfolio portfolio;
  private final LocalDate start;
  private final LocalDate end;
  private final LocalDate[] churn;
  private final List<List<LocalDate>> renewals;

  private SampleHistory(SamplePortfolio portfolio) {
    this.portfolio = portfolio;
    this.end = portfolio.asOf();
    this.start = end.minusMonths(MONTHS).with(TemporalAdjusters.lastDayOfMonth());
    int n = portfolio.size();
    this.churn = new LocalDate[n];
    this.renewals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Account a = portfolio.accounts().get(i);
      Rng r = new Rng(portfolio.seed(), i, STREAM_HISTORY);
      UsagePattern p = portfolio.pattern(a.id());
      double base = switch (p) {
        case THRIVING -> -3.4;
        case STEADY -> -2.6;
        case DECLINING -> -0.6;
        case SHELFWARE -> -0.9;
        default -> -0.4;
      };
      double logit = base - 0.8 * portfolio.health(i) + 0.4 * r.gaussian();
      double pChurn = 1.0 / (1.0 + StrictMath.exp(-logit));
      List<LocalDate> rs = new ArrayList<>();
      LocalDate contract = a.contractStart().orElseThrow();
      for (LocalDate anniversary = contract.plusYears(1); !anniversary.isAfter(end); anniversary = anniversary.plusYears(1)) {
        if (anniversary.isBefore(start.plusDays(1))) {
          continue;
        }
        if (r.bernoulli(pChurn)) {
          churn[i] = r.bernoulli(0.75) ? anniversary : anniversary.minusDays(1 + r.nextInt(60));
          if (!churn[i].isAfter(contract.plusDays(30))) {
            churn[i] = contract.plusDays(31);
          }
          break;
        }
        rs.add(anniversary);
      }
      renewals.add(rs);
    }
  }

  /** The history of the sample portfolio of {@code size} accounts and a seed, ending at its default as-of date. */
  public static SampleHistory generate(int size, long seed) {
    return new SampleHistory(SamplePortfolio.generate(size, seed));
  }

  /** The history of a portfolio, ending at its as-of date. */
  public static SampleHistory of(SamplePortfolio portfolio) {
    return new SampleHistory(portfolio);
  }

  /** The portfolio (every account that was a customer during the history). */
  public SamplePortfolio portfolio() {
    return portfolio;
  }

  /** The first day of the history. */
  public LocalDate start() {
    return start;
  }

  /** The last day of the history. */
  public LocalDate end() {
    return end;
  }

  /** The date account {@code id} churned, or null. */
  public LocalDate churnDate(AccountId id) {
    return churn[index(id)];
  }

  private int index(AccountId id) {
    for (int i = 0; i < portfolio.size(); i++) {
      if (portfolio.accounts().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an account of this history: " + id);
  }

  /** The number of accounts that churned during the history. */
  public int churnedCount() {
    int n = 0;
    for (LocalDate c : churn) {
      n += c == null ? 0 : 1;
    }
    return n;
  }

  /**
   * Writes a working cskit project into {@code dir}: {@code data/} (accounts, events, crm, milestones, status,
   * contacts, survey), {@code survey-plan.yaml} and {@code cskit.yaml}. Returns the project file.
   */
  public Path writeProject(Path dir) {
    try {
      Path data = dir.resolve("data");
      Files.createDirectories(data);
      Accounts.writeCsv(portfolio.accounts(), data.resolve("accounts.csv"));
      write(data.resolve("events.csv"), this::writeEvents);
      write(data.resolve("crm.csv"), this::writeCrm);
      write(data.resolve("milestones.csv"), this::writeMilestones);
      write(data.resolve("status.csv"), this::writeStatus);
      write(data.resolve("contacts.csv"), this::writeContacts);
      write(data.resolve("survey.csv"), this::writeSurvey);
      write(data.resolve("subscriptions.csv"), this::writeSubscriptions);
      write(data.resolve("roster.csv"), SampleRoster::writeCsv);
      try (var in = SampleHistory.class.getResourceAsStream("survey-plan.yaml")) {
        Files.write(dir.resolve("survey-plan.yaml"), in.readAllBytes());
      }
      Path project = dir.resolve("cskit.yaml");
      Files.writeString(project, String.format(Locale.ROOT, """
          # cskit project: the sample portfolio (%d accounts, seed %d) with %d months of history to %s.
          # Paths are relative to this file. Run: cskit run --project cskit.yaml --as-of %s
          formatVersion: 1
          name: sample portfolio
          history: history.duckdb
          output: runs
          data:
            accounts: data/accounts.csv
            events: data/events.csv
            metrics:
              - file: data/crm.csv          # open_tickets, p1_open, exec_sponsor per month end (as_of)
            milestones: data/milestones.csv
            status: data/status.csv          # renewed / churned with dates
            survey:
              contacts: data/contacts.csv
              responses: data/survey.csv
            subscriptions: data/subscriptions.csv   # billing line items: the run's revenue-retention section
            roster: data/roster.csv          # 12 managers: the run assigns books of business after tiering
          configs:
            scorecard: by-stage              # built-in: onboarding card for new accounts, three-axis for the rest
            touchModel: example
            surveyPlan: survey-plan.yaml
            usage:
              windows: [14, 30]
            bands:
              margin: 3
              confirmations: 2
              dropPoints: 15
              dropDays: 35
            ttv:
              start: contract_signed
              value: first_value
              churn: churned
              cohorts: [segment]
            validation:
              horizonDays: 90
            survey:
              targetResponses: 20          # answers wanted from the next wave
              probability: 0.9
              throttleDays: 90
          """, portfolio.size(), portfolio.seed(), MONTHS, end, end), StandardCharsets.UTF_8);
      return project;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static void write(Path file, Body body) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(w);
    }
  }

  private void writeEvents(Writer w) throws IOException {
    w.write("account_id,user_id,event_type,timestamp\n");
    StringBuilder sb = new StringBuilder(1 << 16);
    for (int i = 0; i < portfolio.size(); i++) {
      Account a = portfolio.accounts().get(i);
      UsagePattern p = portfolio.pattern(a.id());
      Rng r = new Rng(portfolio.seed(), i, STREAM_EVENTS);
      String[] users = portfolio.users(i);
      LocalDate from = a.contractStart().orElseThrow().isAfter(start) ? a.contractStart().orElseThrow() : start;
      LocalDate to = churn[i] == null ? end : churn[i].minusDays(1);
      long span = ChronoUnit.DAYS.between(start, end);
      boolean declining = p == UsagePattern.DECLINING;
      boolean thriving = p == UsagePattern.THRIVING;
      double appRate = thriving ? 0.08 : 0.04;
      double supportRate = declining ? 0.05 : 0.02;
      double seminarRate = thriving ? 0.04 : p == UsagePattern.STEADY ? 0.02 : p == UsagePattern.NEVER_ONBOARDED ? 0.002 : 0.006;
      double emailRate = p == UsagePattern.NEVER_ONBOARDED ? 0.01 : 0.05;
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        double progress = ChronoUnit.DAYS.between(start, day) / (double) span;
        double trend = declining ? 1.0 - 0.8 * progress : thriving ? 0.9 + 0.2 * progress : 1.0;
        if (churn[i] != null) {
          long left = ChronoUnit.DAYS.between(day, churn[i]);
          trend *= 0.25 + 0.75 * Math.min(1.0, left / 120.0);
        }
        // a monthly wobble, so scores move from one month to the next
        trend *= 1.0 + 0.12 * StrictMath.sin(2 * Math.PI * (day.getMonthValue() + i % 7) / 5.0);
        double weekday = day.getDayOfWeek().getValue() >= 6 ? 0.25 : 1.0;
        double pr = Math.min(0.98, portfolio.dailyRate(i) * trend * weekday);
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (String user : users) {
          if (!r.bernoulli(pr)) {
            continue;
          }
          event(sb, a, user, "login", dayStart, r);
          int features = r.poisson(1.0);
          for (int f = 0; f < features; f++) {
            event(sb, a, user, "feature_used", dayStart, r);
          }
          if (r.bernoulli(appRate)) {
            event(sb, a, user, "app_built", dayStart, r);
          }
        }
        if (r.bernoulli(supportRate * weekday)) {
          event(sb, a, pick(users, r), "support_question", dayStart, r);
        }
        if (r.bernoulli(seminarRate * weekday)) {
          event(sb, a, pick(users, r), "seminar_attended", dayStart, r);
        }
        if (r.bernoulli(emailRate)) {
          event(sb, a, pick(users, r), "email_clicked", dayStart, r);
        }
        if (sb.length() > (1 << 15)) {
          w.write(sb.toString());
          sb.setLength(0);
        }
      }
    }
    w.write(sb.toString());
  }

  private static String pick(String[] users, Rng r) {
    return users.length == 0 ? "" : users[r.nextInt(users.length)];
  }

  private static void event(StringBuilder sb, Account a, String user, String type, long dayStart, Rng r) {
    long second = 7 * 3600L + (long) (r.uniform() * 11 * 3600);
    sb.append(a.id().value()).append(',').append(user).append(',').append(type).append(',')
        .append(Instant.ofEpochSecond(dayStart + second)).append('\n');
  }

  private void writeCrm(Writer w) throws IOException {
    CsvOutput csv = new CsvOutput(w).row("account_id", "as_of", "open_tickets", "p1_open", "exec_sponsor");
    for (int i = 0; i < portfolio.size(); i++) {
      Account a = portfolio.accounts().get(i);
      UsagePattern p = portfolio.pattern(a.id());
      Rng r = new Rng(portfolio.seed(), i, STREAM_CRM);
      double sponsorP = p == UsagePattern.THRIVING ? 0.8 : p == UsagePattern.STEADY ? 0.6
          : p == UsagePattern.NEVER_ONBOARDED ? 0.2 : 0.3;
      boolean unknownSponsor = r.bernoulli(0.2);
      boolean sponsor = r.bernoulli(sponsorP);
      for (LocalDate m = start; !m.isAfter(end); m = m.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())) {
        if (a.contractStart().orElseThrow().isAfter(m) || (churn[i] != null && !churn[i].isAfter(m))) {
          continue;
        }
        boolean leaving = churn[i] != null && ChronoUnit.DAYS.between(m, churn[i]) < 120;
        double tickets = r.poisson(leaving ? 2.5 : p == UsagePattern.DECLINING ? 1.8 : p == UsagePattern.SHELFWARE ? 1.0
            : p == UsagePattern.NEVER_ONBOARDED ? 0.8 : 0.4);
        double p1 = r.bernoulli(leaving ? 0.2 : p == UsagePattern.DECLINING ? 0.10 : 0.02) ? 1 : 0;
        if (r.bernoulli(leaving ? 0.25 : 0.05)) {
          sponsor = !leaving && r.bernoulli(sponsorP); // a sponsor leaves or a new one is found
        }
        csv.row(a.id().value(), m.toString(), CsvOutput.number(tickets), CsvOutput.number(p1),
            unknownSponsor ? "" : sponsor ? "1" : "0");
      }
    }
    csv.flush();
  }

  private void writeMilestones(Writer w) {
    CsvOutput csv = new CsvOutput(w).row("account_id", "event_type", "timestamp");
    int[] index = new int[1];
    for (Milestone m : portfolio.milestones()) {
      LocalDate c = null;
      String v = m.accountId().value();
      if (v.startsWith("A")) {
        index[0] = Integer.parseInt(v.substring(1)) - 1;
        c = churn[index[0]];
      }
      if (c != null && !m.timestamp().isBefore(c.atStartOfDay(ZoneOffset.UTC).toInstant())) {
        continue;
      }
      csv.row(v, m.type(), m.timestamp().toString());
    }
    // accounts still onboarding are recent ones: an account that stayed more than 120 days without reaching
    // value either churned (above) or reached it late, 60 to 150 days after signing
    java.util.Set<AccountId> reached = new java.util.HashSet<>();
    for (Milestone m : portfolio.milestones()) {
      if (m.type().equals(Milestone.FIRST_VALUE)) {
        reached.add(m.accountId());
      }
    }
    for (int i = 0; i < portfolio.size(); i++) {
      Account a = portfolio.accounts().get(i);
      if (churn[i] != null) {
        csv.row(a.id().value(), Milestone.CHURNED,
            churn[i].atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant().toString());
      } else if (!reached.contains(a.id())) {
        LocalDate start = a.contractStart().orElseThrow();
        Rng r = new Rng(portfolio.seed(), i, STREAM_LATE_VALUE);
        LocalDate late = start.plusDays(60 + r.nextInt(91));
        if (ChronoUnit.DAYS.between(start, end) > 120 && !late.isAfter(end)) {
          csv.row(a.id().value(), Milestone.FIRST_VALUE,
              late.atStartOfDay(ZoneOffset.UTC).plusHours(10).toInstant().toString());
        }
      }
    }
    csv.flush();
  }

  private void writeStatus(Writer w) {
    CsvOutput csv = new CsvOutput(w).row("account_id", "date", "status");
    for (int i = 0; i < portfolio.size(); i++) {
      String id = portfolio.accounts().get(i).id().value();
      for (LocalDate d : renewals.get(i)) {
        csv.row(id, d.toString(), "renewed");
      }
      if (churn[i] != null) {
        csv.row(id, churn[i].toString(), "churned");
      }
    }
    csv.flush();
  }

  private void writeContacts(Writer w) {
    CsvOutput csv = new CsvOutput(w).row("account_id", "contact_id");
    for (Account a : portfolio.accounts()) {
      int contacts = Math.min(3, 1 + a.seats() / 15);
      for (int c = 0; c < contacts; c++) {
        csv.row(a.id().value(), a.id().value() + "-c" + (c + 1));
      }
    }
    csv.flush();
  }

  /** Two NPS waves by e-mail: about seven months and 45 days before the end date. */
  /** The portfolio's subscription line items ({@link SamplePortfolio#subscriptions()}), as billing exports them. */
  private void writeSubscriptions(Writer w) {
    CsvOutput csv = new CsvOutput(w).row("account_id", "subscription_id", "plan", "start_date", "end_date", "amount",
        "billing_period", "currency");
    for (SampleSubscription s : portfolio.subscriptions()) {
      csv.row(s.accountId(), s.subscriptionId(), s.plan(), s.start().toString(),
          s.end() == null ? "" : s.end().toString(), s.amount().toPlainString(), s.billingPeriod(), s.currency());
    }
    csv.flush();
  }

  private void writeSurvey(Writer w) {
    CsvOutput csv = new CsvOutput(w)
        .row("account_id", "contact_id", "invited_on", "channel", "responded", "score", "responded_on");
    for (LocalDate invited : List.of(end.minusDays(45 + 180), end.minusDays(45))) {
      for (int i = 0; i < portfolio.size(); i++) {
        Account a = portfolio.accounts().get(i);
        if (a.contractStart().orElseThrow().isAfter(invited.minusDays(30))
            || (churn[i] != null && !churn[i].isAfter(invited))) {
          continue;
        }
        UsagePattern p = portfolio.pattern(a.id());
        double[] par = switch (p) {
          case THRIVING -> new double[] {0.32, 8.8};
          case STEADY -> new double[] {0.22, 7.6};
          case DECLINING -> new double[] {0.12, 5.5};
          case SHELFWARE -> new double[] {0.10, 6.2};
          default -> new double[] {0.06, 5.0};
        };
        Rng r = new Rng(portfolio.seed() + invited.toEpochDay(), i, STREAM_WAVE);
        double h = portfolio.health(i);
        int contacts = Math.min(3, 1 + a.seats() / 15);
        for (int c = 0; c < contacts; c++) {
          String contact = a.id().value() + "-c" + (c + 1);
          if (r.bernoulli(Math.min(0.9, par[0] * StrictMath.exp(0.2 * h)))) {
            int score = (int) Math.max(0, Math.min(10, StrictMath.rint(par[1] + 0.8 * h + 1.3 * r.gaussian())));
            LocalDate on = invited.plusDays((long) Math.min(14, r.exponential(2)));
            csv.row(a.id().value(), contact, invited.toString(), "email", "1", Integer.toString(score), on.toString());
          } else {
            csv.row(a.id().value(), contact, invited.toString(), "email", "0", "", "");
          }
        }
      }
    }
    csv.flush();
  }
}
