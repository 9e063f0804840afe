package dev.cskit.run;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.LifecycleStage;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageEvent;
import dev.cskit.core.io.CsvInput;
import dev.cskit.scoring.Overrides;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.ttv.MilestoneEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The project's data files, read once and shared by the runs of several dates (a backfill): accounts,
 * extra metric files, milestones, status history, survey contacts and responses, overrides. Usage events are
 * streamed from their file on each run (they are the big one). Every bad cell is a {@link DataException}
 * naming the file, row and column.
 */
public final class ProjectData {
  /** Days an account counts as onboarding after its contract start (for the stage as of a date). */
  public static final int ONBOARDING_DAYS = 60;
  /** Days before renewal an account is in the renewal stage. */
  public static final int RENEWAL_DAYS = 60;

  /** One row of the status history. */
  public record Status(AccountId accountId, LocalDate date, String status) {}

  /** A survey response row: an invitation and, if any, its answer. */
  public record Response(AccountId accountId, String contactId, LocalDate invitedOn, String channel,
      boolean responded, Integer score, LocalDate respondedOn) {}

  /** A survey contact. */
  public record Contact(AccountId accountId, String contactId) {}

  private final Project project;
  private final List<Account> accounts;
  private final Map<AccountId, Account> byId;
  private final List<MetricSource> metricSources;
  private final List<MilestoneEvent> milestones;
  private final Map<AccountId, LocalDate> churnDate;
  private final Map<AccountId, List<LocalDate>> renewals;
  private final Map<AccountId, LocalDate> lastActive;
  private final List<Contact> contacts;
  private final List<Response> responses;
  private final List<ScoreOverride> overrides;

  /** One extra metric file: per account, its rows by as-of date (a single undated row without as_of). */
  private record MetricSource(String file, List<String> metrics, Map<AccountId, TreeMap<LocalDate, double[]>> rows) {}

  private ProjectData(Project project) {
    this.project = project;
    ProjectConfig.Data d = project.config().data();
    Path accountsFile = existing(d.accounts(), "data.accounts");
    this.accounts = Accounts.readCsv(accountsFile);
    this.byId = new HashMap<>();
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    existing(d.events(), "data.events");
    this.metricSources = new ArrayList<>();
    for (int i = 0; i < d.metrics().size(); i++) {
      metricSources.add(readMetrics(existing(d.metrics().get(i).file(), "data.metrics[" + i + "].file")));
    }
    this.milestones = d.milestones() == null ? List.of() : readMilestones(existing(d.milestones(), "data.milestones"));
    this.churnDate = new HashMap<>();
    this.renewals = new HashMap<>();
    this.lastActive = new HashMap<>();
    if (d.status() != null) {
      readStatus(existing(d.status(), "data.status"));
    }
    ProjectConfig.SurveyData s = d.survey();
    this.contacts = s == null || s.contacts() == null ? List.of() : readContacts(existing(s.contacts(), "data.survey.contacts"));
    this.responses = s == null || s.responses() == null ? List.of()
        : readResponses(existing(s.responses(), "data.survey.responses"));
    this.overrides = d.overrides() == null ? List.of()
        : Overrides.read(existing(d.overrides(), "data.overrides")).overrides();
  }

  /** Reads every data file of a project except the events (streamed by each run). */
  public static ProjectData read(Project project) {
    return new ProjectData(project);
  }

  private Path existing(String path, String configPath) {
    Path p = project.resolve(path);
    if (!Files.isRegularFile(p)) {
      throw new DataException(project.file().toString(), -1, null,
          configPath + " must name an existing file (relative to the project file)", p.toString());
    }
    return p;
  }

  /** The project. */
  public Project project() {
    return project;
  }

  /** Every account of the accounts file. */
  public List<Account> allAccounts() {
    return accounts;
  }

  /**
   * The accounts customers at a date: started on or before it and not churned on or before it, each with its
   * lifecycle stage as of that date (onboarding for the first {@value #ONBOARDING_DAYS} days, renewal within
   * {@value #RENEWAL_DAYS} days of the next renewal, expansion when the file says so, adoption otherwise).
   */
  public List<Account> accountsAt(LocalDate asOf) {
    List<Account> out = new ArrayList<>();
    for (Account a : accounts) {
      LocalDate start = a.contractStart().orElse(null);
      if (start != null && start.isAfter(asOf)) {
        continue;
      }
      LocalDate churn = churnDate.get(a.id());
      if (churn != null && !churn.isAfter(asOf)) {
        continue;
      }
      out.add(Account.builder().from(a).stage(stageAt(a, asOf)).build());
    }
    return out;
  }

  /** The next renewal strictly after a date: the file's renewal date moved by whole years. */
  public static LocalDate nextRenewal(Account a, LocalDate asOf) {
    LocalDate r = a.renewalDate().orElse(null);
    if (r == null) {
      LocalDate start = a.contractStart().orElse(null);
      if (start == null) {
        return null;
      }
      r = start.plusYears(1);
    }
    while (!r.isAfter(asOf)) {
      r = r.plusYears(1);
    }
    while (r.minusYears(1).isAfter(asOf)) {
      r = r.minusYears(1);
    }
    return r;
  }

  private static LifecycleStage stageAt(Account a, LocalDate asOf) {
    LocalDate start = a.contractStart().orElse(null);
    if (start != null && ChronoUnit.DAYS.between(start, asOf) < ONBOARDING_DAYS) {
      return LifecycleStage.ONBOARDING;
    }
    LocalDate renewal = nextRenewal(a, asOf);
    if (renewal != null && ChronoUnit.DAYS.between(asOf, renewal) <= RENEWAL_DAYS) {
      return LifecycleStage.RENEWAL;
    }
    return a.stage() == LifecycleStage.EXPANSION ? LifecycleStage.EXPANSION : LifecycleStage.ADOPTION;
  }

  /**
   * Account facts as of a date, as metrics: {@code arr}, {@code seats}, {@code tenure_days},
   * {@code days_to_renewal}.
   */
  public MetricTable accountFacts(List<Account> active, LocalDate asOf) {
    MetricTable.Builder b = MetricTable.builder("arr", "seats", "tenure_days", "days_to_renewal");
    for (Account a : active) {
      LocalDate start = a.contractStart().orElse(null);
      LocalDate renewal = nextRenewal(a, asOf);
      b.addRow(a.id(), a.arr(), a.seats(), start == null ? Double.NaN : ChronoUnit.DAYS.between(start, asOf),
          renewal == null ? Double.NaN : ChronoUnit.DAYS.between(asOf, renewal));
    }
    return b.build();
  }

  /** The names of the extra metric files, with the metrics each provides (for messages). */
  public Map<String, List<String>> metricFiles() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (MetricSource s : metricSources) {
      out.put(s.file(), s.metrics());
    }
    return out;
  }

  /** The extra metrics as of a date: each account's latest row at or before it, NaN when none. */
  public List<MetricTable> extraMetrics(List<Account> active, LocalDate asOf) {
    List<MetricTable> out = new ArrayList<>();
    for (MetricSource s : metricSources) {
      MetricTable.Builder b = MetricTable.builder(s.metrics());
      double[] none = new double[s.metrics().size()];
      java.util.Arrays.fill(none, Double.NaN);
      for (Account a : active) {
        TreeMap<LocalDate, double[]> rows = s.rows().get(a.id());
        Map.Entry<LocalDate, double[]> e = rows == null ? null : rows.floorEntry(asOf);
        b.addRow(a.id(), e == null ? none : e.getValue());
      }
      out.add(b.build());
    }
    return out;
  }

  private static final LocalDate UNDATED = LocalDate.MIN;

  private MetricSource readMetrics(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id");
      List<String> metrics = new ArrayList<>();
      for (String h : in.header()) {
        if (!h.equals("account_id") && !h.equals("as_of")) {
          metrics.add(h);
        }
      }
      boolean dated = in.has("as_of");
      Map<AccountId, TreeMap<LocalDate, double[]>> rows = new HashMap<>();
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        LocalDate date = UNDATED;
        if (dated) {
          date = row.date("as_of");
          if (date == null) {
            throw row.error("as_of", "must be a date (YYYY-MM-DD)", "nothing");
          }
        }
        double[] v = new double[metrics.size()];
        for (int m = 0; m < v.length; m++) {
          v[m] = row.number(metrics.get(m));
        }
        if (rows.computeIfAbsent(id, k -> new TreeMap<>()).put(date, v) != null) {
          throw row.error(dated ? "as_of" : "account_id", dated ? "an account may have one row per as_of date"
              : "an account may have one row (add an as_of column for several)", CskitException.quote(id.value()));
        }
      }
      return new MetricSource(file.getFileName().toString(), List.copyOf(metrics), rows);
    }
  }

  private static List<MilestoneEvent> readMilestones(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "event_type", "timestamp");
      List<MilestoneEvent> out = new ArrayList<>();
      for (CsvInput.Row row : in) {
        Instant t = row.instant("timestamp");
        if (t == null) {
          throw row.error("timestamp", "must not be empty", null);
        }
        out.add(new MilestoneEvent(AccountId.of(row.required("account_id")), row.required("event_type"), t));
      }
      return out;
    }
  }

  private void readStatus(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "date", "status");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        LocalDate date = row.date("date");
        if (date == null) {
          throw row.error("date", "must be a date (YYYY-MM-DD)", "nothing");
        }
        String status = row.required("status").toLowerCase(java.util.Locale.ROOT);
        switch (status) {
          case "churned" -> churnDate.merge(id, date, (a, b) -> a.isBefore(b) ? a : b);
          case "renewed" -> {
            renewals.computeIfAbsent(id, k -> new ArrayList<>()).add(date);
            lastActive.merge(id, date, (a, b) -> a.isAfter(b) ? a : b);
          }
          case "active" -> lastActive.merge(id, date, (a, b) -> a.isAfter(b) ? a : b);
          default -> throw row.error("status", "must be active, renewed or churned", CskitException.quote(status));
        }
      }
    }
  }

  private static List<Contact> readContacts(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "contact_id");
      List<Contact> out = new ArrayList<>();
      for (CsvInput.Row row : in) {
        out.add(new Contact(AccountId.of(row.required("account_id")), row.required("contact_id")));
      }
      return out;
    }
  }

  private static List<Response> readResponses(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "contact_id", "invited_on", "channel", "responded");
      List<Response> out = new ArrayList<>();
      for (CsvInput.Row row : in) {
        LocalDate invited = row.date("invited_on");
        if (invited == null) {
          throw row.error("invited_on", "must be a date (YYYY-MM-DD)", "nothing");
        }
        String r = row.required("responded");
        if (!r.equals("0") && !r.equals("1")) {
          throw row.error("responded", "must be 0 or 1", CskitException.quote(r));
        }
        boolean responded = r.equals("1");
        Integer score = null;
        double s = in.has("score") ? row.number("score") : Double.NaN;
        if (!Double.isNaN(s)) {
          if (s < 0 || s > 10 || s != Math.rint(s)) {
            throw row.error("score", "must be a whole number from 0 to 10", CskitException.quote(s));
          }
          score = (int) s;
        }
        LocalDate respondedOn = in.has("responded_on") ? row.date("responded_on") : null;
        if (responded && respondedOn == null) {
          respondedOn = invited;
        }
        out.add(new Response(AccountId.of(row.required("account_id")), row.required("contact_id"), invited,
            row.required("channel"), responded, score, respondedOn));
      }
      return out;
    }
  }

  /** The milestones that happened by the end of a date. */
  public List<MilestoneEvent> milestonesAt(LocalDate asOf) {
    Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<MilestoneEvent> out = new ArrayList<>();
    for (MilestoneEvent m : milestones) {
      if (m.timestamp().isBefore(end)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Each account's churn date (from the status history), if it churned. */
  public Map<AccountId, LocalDate> churnDates() {
    return churnDate;
  }

  /** Each account's renewal dates (from the status history). */
  public Map<AccountId, List<LocalDate>> renewals() {
    return renewals;
  }

  /** The latest date each account was recorded active or renewed (from the status history). */
  public Map<AccountId, LocalDate> lastActive() {
    return lastActive;
  }

  /** The survey contacts. */
  public List<Contact> contacts() {
    return contacts;
  }

  /** The survey responses (invitations and answers). */
  public List<Response> responses() {
    return responses;
  }

  /** The score overrides. */
  public List<ScoreOverride> overrides() {
    return overrides;
  }

  /** The account of an id in the accounts file, or null. */
  public Account account(AccountId id) {
    return byId.get(id);
  }

  /**
   * Streams the usage events of the events file that fall on or before {@code asOf} and on or after
   * {@code from}, for the accounts {@code keep} accepts; an event of an account missing from the accounts file
   * is a {@link DataException} naming its row.
   */
  public Events events(LocalDate from, LocalDate asOf, Predicate<AccountId> keep) {
    Path file = project.resolve(project.config().data().events());
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
      return new ParquetEvents(file, from, asOf, keep, byId.keySet());
    }
    return new EventStream(CsvInput.open(file), from, asOf, keep, byId.keySet());
  }

  /** The usage events of a date range, streamed; close it when done. */
  public interface Events extends Iterator<UsageEvent>, AutoCloseable {
    @Override
    void close();
  }

  /**
   * Events from a Parquet file, read through DuckDB (columns {@code account_id}, {@code user_id} (optional),
   * {@code event_type}, {@code timestamp}: a TIMESTAMP, taken as UTC, or TIMESTAMPTZ); DuckDB filters the date
   * range. An empty account, type or timestamp, or an account missing from the accounts file, is a
   * {@link DataException} naming the file and column.
   */
  static final class ParquetEvents implements Events {
    private final java.sql.Connection connection;
    private final java.sql.ResultSet rs;
    private final Predicate<AccountId> keep;
    private final Map<String, AccountId> ids = new HashMap<>();
    private UsageEvent next;

    ParquetEvents(Path file, LocalDate from, LocalDate asOf, Predicate<AccountId> keep, Set<AccountId> known) {
      this.keep = keep;
      String src = "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
      boolean hasUser;
      try {
        Class.forName("org.duckdb.DuckDBDriver");
        connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        try (java.sql.Statement st = connection.createStatement()) {
          st.execute("SET TimeZone = 'UTC'");
          java.util.Set<String> columns = new java.util.HashSet<>();
          try (java.sql.ResultSet c = st.executeQuery("DESCRIBE SELECT * FROM " + src)) {
            while (c.next()) {
              columns.add(c.getString(1));
            }
          }
          hasUser = columns.contains("user_id");
          for (String required : List.of("account_id", "event_type", "timestamp")) {
            if (!columns.contains(required)) {
              throw DataException.of(file.toString(), "must have a column " + required, "columns " + columns);
            }
          }
          for (String column : List.of("account_id", "event_type", "timestamp")) {
            try (java.sql.ResultSet c = st.executeQuery(
                "SELECT COUNT(*) FROM " + src + " WHERE \"" + column + "\" IS NULL")) {
              c.next();
              if (c.getLong(1) > 0) {
                throw new DataException(file.toString(), -1, column, "must not be empty", c.getLong(1) + " empty cells");
              }
            }
          }
          try (java.sql.ResultSet c = st.executeQuery("SELECT DISTINCT CAST(account_id AS VARCHAR) FROM " + src)) {
            while (c.next()) {
              String raw = c.getString(1);
              AccountId id = AccountId.of(raw);
              if (!known.contains(id)) {
                throw new DataException(file.toString(), -1, "account_id", "must name an account of the accounts file",
                    CskitException.quote(raw));
              }
              ids.put(raw, id);
            }
          }
        }
        String user = hasUser ? "user_id" : "NULL";
        java.sql.PreparedStatement ps = connection.prepareStatement("SELECT CAST(account_id AS VARCHAR),"
            + " COALESCE(CAST(" + user + " AS VARCHAR), ''), CAST(event_type AS VARCHAR),"
            + " epoch_ms(CAST(\"timestamp\" AS TIMESTAMP)) FROM " + src
            + " WHERE CAST(\"timestamp\" AS TIMESTAMP) >= CAST(? AS TIMESTAMP)"
            + " AND CAST(\"timestamp\" AS TIMESTAMP) < CAST(? AS TIMESTAMP)");
        ps.setString(1, from.toString());
        ps.setString(2, asOf.plusDays(1).toString());
        rs = ps.executeQuery();
      } catch (java.sql.SQLException | ClassNotFoundException e) {
        throw DataException.of(file.toString(), "must be a readable Parquet file of usage events",
            String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null && rs.next()) {
          AccountId id = ids.get(rs.getString(1));
          if (!keep.test(id)) {
            continue;
          }
          next = UsageEvent.of(id, rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
        }
        return next != null;
      } catch (java.sql.SQLException e) {
        throw DataException.of("parquet events", "must be readable", e.getMessage());
      }
    }

    @Override
    public UsageEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      UsageEvent e = next;
      next = null;
      return e;
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (java.sql.SQLException e) {
        // closing an in-memory database
      }
    }
  }

  /** A closeable iterator over the events of a CSV file within dates. */
  public static final class EventStream implements Events {
    private final CsvInput in;
    private final Iterator<CsvInput.Row> rows;
    private final long fromSecond;
    private final long endSecond;
    private final Predicate<AccountId> keep;
    private final Set<AccountId> known;
    private final Map<String, AccountId> ids = new HashMap<>();
    private final int accountCol;
    private final int typeCol;
    private final int timeCol;
    private final int userCol;
    private UsageEvent next;
    private long read;

    EventStream(CsvInput in, LocalDate from, LocalDate asOf, Predicate<AccountId> keep, Set<AccountId> known) {
      this.in = in;
      in.require("account_id", "event_type", "timestamp");
      this.accountCol = in.indexOf("account_id");
      this.typeCol = in.indexOf("event_type");
      this.timeCol = in.indexOf("timestamp");
      this.userCol = in.has("user_id") ? in.indexOf("user_id") : -1;
      this.rows = in.iterator();
      this.fromSecond = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      this.endSecond = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      this.keep = keep;
      this.known = known;
    }

    /** Rows read so far. */
    public long rowsRead() {
      return read;
    }

    @Override
    public boolean hasNext() {
      while (next == null && rows.hasNext()) {
        CsvInput.Row row = rows.next();
        read++;
        String raw = row.text(accountCol);
        if (raw.isEmpty()) {
          throw row.error("account_id", "must not be empty", null);
        }
        AccountId id = ids.get(raw);
        if (id == null) {
          id = AccountId.of(raw);
          if (!known.contains(id)) {
            throw row.error("account_id", "must name an account of the accounts file", CskitException.quote(raw));
          }
          ids.put(raw, id);
        }
        long s = row.epochSecond(timeCol, "timestamp");
        String type = row.text(typeCol);
        if (type.isEmpty()) {
          throw row.error("event_type", "must not be empty", null);
        }
        if (s < fromSecond || s >= endSecond || !keep.test(id)) {
          continue;
        }
        next = UsageEvent.of(id, userCol < 0 ? "" : row.text(userCol), type, Instant.ofEpochSecond(s));
      }
      return next != null;
    }

    @Override
    public UsageEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      UsageEvent e = next;
      next = null;
      return e;
    }

    @Override
    public void close() {
      in.close();
    }
  }
}
