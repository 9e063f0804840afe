package dev.cskit.core;

import dev.cskit.core.io.CsvInput;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns a stream of {@link UsageEvent}s into a {@link MetricTable} as of a date, in one pass.
 *
 * <p>A window of {@code w} days ends at and includes the as-of date: it covers the calendar days
 * {@code asOf - w + 1} through {@code asOf} in the aggregator's time zone (UTC by default), so an event at
 * 00:00 on day {@code asOf - w + 1} is in it and one at 23:59:59 on day {@code asOf - w} falls into the
 * previous window, which covers the {@code w} days before. Events after the as-of date are ignored.
 *
 * <p>For each window {@code w}, the table has, per account (one row per account, in the order given):
 * <ul>
 *   <li>{@code active_days_{w}d}, {@code active_days_prev_{w}d}: distinct days with any event;
 *   <li>{@code events_{w}d}, {@code events_prev_{w}d}: events of every type;
 *   <li>{@code events_change_{w}d}: the relative change {@code (events - prev) / prev}, NaN when prev is 0;
 *   <li>{@code active_users_{w}d}, {@code active_users_prev_{w}d}: distinct users with an event (events
 *       with an empty user id count for no user);
 *   <li>{@code penetration_{w}d}: active users / licensed seats (NaN when the account has no seats; may
 *       exceed 1 when more users are active than seats were bought);
 *   <li>{@code {type}_{w}d}, {@code {type}_prev_{w}d} for each event type (types lower-cased, any character
 *       other than a letter, digit or underscore replaced by an underscore), in alphabetical order.
 * </ul>
 * Event types may be fixed up front with {@link Builder#eventTypes}; otherwise every type seen gets its
 * columns. An event for an account that is not in the list is a {@link DataException}.
 *
 * <p>Streaming: {@link #aggregateCsv(List, Path)} reads an events file row by row straight into a
 * {@link Pass} (no event objects; timestamps by {@link dev.cskit.core.io.Cells#epochSecond}), and any other
 * source can feed a pass itself ({@link #start}, {@link Pass#add}). A pass keeps, per account, a day bitset,
 * counters per window and type, and a day bitset per active user: memory grows with accounts and users,
 * never with events. Events need not be in time order.
 *
 * <p>Immutable and thread-safe; each call to {@code aggregate} or {@code start} keeps its own state.
 */
public final class UsageAggregator {
  private static final int[] NONE = new int[0];
  private final int[] windows;
  private final LocalDate asOf;
  private final ZoneId zone;
  private final List<String> fixedTypes;

  private UsageAggregator(Builder b) {
    this.windows = b.windows.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    this.asOf = b.asOf;
    this.zone = b.zone;
    this.fixedTypes = b.types == null ? null : List.copyOf(b.types);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The windows in days, ascending. */
  public int[] windows() {
    return windows.clone();
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Aggregates a stream of events for these accounts. */
  public MetricTable aggregate(List<Account> accounts, Stream<UsageEvent> events) {
    try (Stream<UsageEvent> s = events) {
      return aggregate(accounts, s.iterator());
    }
  }

  /** Aggregates events for these accounts. */
  public MetricTable aggregate(List<Account> accounts, Iterable<UsageEvent> events) {
    return aggregate(accounts, events.iterator());
  }

  /** Aggregates events for these accounts. */
  public MetricTable aggregate(List<Account> accounts, Iterator<UsageEvent> events) {
    Pass pass = start(accounts);
    long n = 0;
    while (events.hasNext()) {
      n++;
      UsageEvent e = events.next();
      int row = pass.accountIndex(e.accountId().value());
      if (row < 0) {
        throw new DataException("usage events", 0, "account_id",
            "every event must belong to a known account",
            CskitException.quote(e.accountId().value()) + " in event #" + n);
      }
      Instant t = e.timestamp();
      pass.add(row, e.userId(), e.type(), t.getEpochSecond());
    }
    return pass.table();
  }

  /**
   * Aggregates a CSV file of events ({@link UsageEvents} layout) as it is read: no event is kept, so memory
   * grows with the accounts (and their users), not with the events.
   */
  public MetricTable aggregateCsv(List<Account> accounts, Path events) {
    return aggregateCsv(accounts, events, Warnings.ignore());
  }

  /**
   * Aggregates a CSV file of events as it is read (see {@link #aggregateCsv(List, Path)}), adding a warning
   * when the file has no events at all (every count is then 0). An event whose type would take the name of a
   * built-in metric ({@link #BUILT_IN_METRICS}) is an error naming the file and row, in or out of the windows.
   */
  public MetricTable aggregateCsv(List<Account> accounts, Path events, Warnings warnings) {
    try (CsvInput in = CsvInput.open(events)) {
      return UsageEvents.stream(in, start(accounts), warnings);
    }
  }

  /** Aggregates CSV text of events as it is read, naming it {@code source} in errors. */
  public MetricTable aggregateCsv(List<Account> accounts, Reader events, String source) {
    try (CsvInput in = CsvInput.of(events, source)) {
      return UsageEvents.stream(in, start(accounts), Warnings.ignore());
    }
  }

  /**
   * Base names of the built-in metrics ({@code active_days_14d} is {@code active_days} for the 14-day
   * window): an event type whose {@link #columnName} is one of them would collide with them.
   */
  public static final Set<String> BUILT_IN_METRICS = Set.of("active_days", "active_days_prev", "events",
      "events_prev", "events_change", "active_users", "active_users_prev", "penetration");

  /**
   * Starts a pass over events for these accounts: add events one at a time with {@link Pass#add}, then take
   * the table. The pass keeps primitive counters and day bitsets per account, nothing per event.
   */
  public Pass start(List<Account> accounts) {
    return new Pass(accounts);
  }

  /** The type name as it appears in column names. */
  public static String columnName(String type) {
    String lower = type.trim().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      sb.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
    }
    return sb.toString();
  }

  /**
   * One pass of an aggregation: events are added one at a time ({@link #add}), then {@link #table()} builds
   * the table. Keeps per account a day bitset, counters per window and type, and a day bitset per user;
   * nothing per event. Not thread-safe: one pass belongs to one caller.
   */
  public final class Pass {
    private final List<Account> accounts;
    private final Map<String, Integer> index = new HashMap<>();
    private final int span; // days tracked: twice the largest window
    private final int words;
    private final long[] activeDays; // per account: bitset of day offsets
    private final List<Map<String, long[]>> users; // per account: user -> bitset of day offsets
    private final int[] totals; // per account, per window: [cur, prev]
    private final Map<String, int[]> byType = new TreeMap<>();
    private final Map<String, int[]> typeArrays = new HashMap<>(); // raw type -> its counters (NONE: none)
    private final long asOfDay = asOf.toEpochDay();
    private final boolean fixedOffset = zone instanceof ZoneOffset;
    private final long offsetSeconds;
    private final ZoneRules rules;
    private long zoneFrom = Long.MAX_VALUE; // [zoneFrom, zoneTo): epoch seconds with offset zoneOffset
    private long zoneTo = Long.MIN_VALUE;
    private long zoneOffset;

    Pass(List<Account> accounts) {
      this.accounts = accounts;
      for (int i = 0; i < accounts.size(); i++) {
        if (index.put(accounts.get(i).id().value(), i) != null) {
          throw DataException.of("accounts", "each account may appear once",
              CskitException.quote(accounts.get(i).id().value()) + " twice");
        }
      }
      int max = windows[windows.length - 1];
      this.span = 2 * max;
      this.words = (span + 63) / 64;
      this.activeDays = new long[accounts.size() * words];
      this.users = new ArrayList<>(accounts.size());
      for (int i = 0; i < accounts.size(); i++) {
        users.add(null);
      }
      this.totals = new int[accounts.size() * windows.length * 2];
      this.offsetSeconds = fixedOffset ? ((ZoneOffset) zone).getTotalSeconds() : 0;
      this.rules = fixedOffset ? null : zone.getRules();
      if (fixedTypes != null) {
        for (String t : fixedTypes) {
          byType.put(columnName(t), new int[accounts.size() * windows.length * 2]);
        }
      }
    }

    /** The row of an account in the table (its position in the list), or -1 when it is not in the list. */
    public int accountIndex(String accountId) {
      Integer row = index.get(accountId);
      return row == null ? -1 : row;
    }

    /**
     * Adds one event.
     *
     * @param account the account's row ({@link #accountIndex})
     * @param user the user id; null or empty for an account-level event
     * @param type the event type as written (its column name is {@link #columnName})
     * @param epochSecond the time of the event, in whole seconds since 1970-01-01T00:00Z (the floor)
     */
    public void add(int account, String user, String type, long epochSecond) {
      if (account < 0 || account >= accounts.size()) {
        throw new ArgumentException("account", "must be a row of the account list", Integer.toString(account));
      }
      long offset = asOfDay - epochDay(epochSecond);
      if (offset < 0 || offset >= span) {
        return;
      }
      int d = (int) offset;
      int r = account;
      activeDays[r * words + (d >>> 6)] |= 1L << (d & 63);
      if (user != null && !user.isEmpty()) {
        Map<String, long[]> u = users.get(r);
        if (u == null) {
          u = new HashMap<>();
          users.set(r, u);
        }
        long[] bits = u.get(user);
        if (bits == null) {
          bits = new long[words];
          u.put(user, bits);
        }
        bits[d >>> 6] |= 1L << (d & 63);
      }
      int[] typed = typeArrays.get(type);
      if (typed == null) {
        typed = typeCounters(type);
      }
      int base = r * windows.length * 2;
      for (int k = 0; k < windows.length; k++) {
        int w = windows[k];
        int slot = d < w ? 0 : d < 2 * w ? 1 : -1;
        if (slot >= 0) {
          totals[base + 2 * k + slot]++;
          if (typed != NONE) {
            typed[base + 2 * k + slot]++;
          }
        }
      }
    }

    /** The counters of a type not seen before in this pass (NONE when its type has no columns). */
    private int[] typeCounters(String type) {
      String name = columnName(type);
      int[] typed = byType.get(name);
      if (typed == null) {
        if (fixedTypes == null) {
          typed = new int[accounts.size() * windows.length * 2];
          byType.put(name, typed);
        } else {
          typed = NONE;
        }
      }
      typeArrays.put(type, typed);
      return typed;
    }

    /** Fails, naming the event type, when a type's columns take the name of another column. */
    private void requireDistinct(List<String> names) {
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        if (!seen.add(name)) {
          String type = byType.keySet().stream()
              .filter(t -> name.startsWith(t + "_"))
              .reduce((a, b) -> b)
              .orElse(name);
          throw new DataException("usage events", 0, "event_type",
              "an event type must not give a column name that another column has",
              CskitException.quote(type) + " (column " + CskitException.quote(name) + ")");
        }
      }
    }

    private long epochDay(long epochSecond) {
      if (fixedOffset) {
        return Math.floorDiv(epochSecond + offsetSeconds, 86_400L);
      }
      if (epochSecond < zoneFrom || epochSecond >= zoneTo) {
        // the offset between the transitions around this instant, reused until an event leaves them
        Instant t = Instant.ofEpochSecond(epochSecond);
        zoneOffset = rules.getOffset(t).getTotalSeconds();
        ZoneOffsetTransition before = rules.previousTransition(t.plusSeconds(1));
        ZoneOffsetTransition after = rules.nextTransition(t);
        zoneFrom = before == null ? Long.MIN_VALUE : before.toEpochSecond();
        zoneTo = after == null ? Long.MAX_VALUE : after.toEpochSecond();
      }
      return Math.floorDiv(epochSecond + zoneOffset, 86_400L);
    }

    /** The table of the events added so far. */
    public MetricTable table() {
      List<String> names = new ArrayList<>();
      for (int w : windows) {
        names.add("active_days_" + w + "d");
        names.add("active_days_prev_" + w + "d");
        names.add("events_" + w + "d");
        names.add("events_prev_" + w + "d");
        names.add("events_change_" + w + "d");
        names.add("active_users_" + w + "d");
        names.add("active_users_prev_" + w + "d");
        names.add("penetration_" + w + "d");
        for (String t : byType.keySet()) {
          names.add(t + "_" + w + "d");
          names.add(t + "_prev_" + w + "d");
        }
      }
      requireDistinct(names);
      MetricTable.Builder b = MetricTable.builder(names).source("usage events");
      double[] row = new double[names.size()];
      long[] scratch = new long[words];
      for (int r = 0; r < accounts.size(); r++) {
        int c = 0;
        int base = r * windows.length * 2;
        System.arraycopy(activeDays, r * words, scratch, 0, words);
        for (int k = 0; k < windows.length; k++) {
          int w = windows[k];
          row[c++] = countBits(scratch, 0, w);
          row[c++] = countBits(scratch, w, 2 * w);
          double cur = totals[base + 2 * k];
          double prev = totals[base + 2 * k + 1];
          row[c++] = cur;
          row[c++] = prev;
          row[c++] = prev == 0 ? Double.NaN : (cur - prev) / prev;
          int activeNow = 0;
          int activeBefore = 0;
          Map<String, long[]> u = users.get(r);
          if (u != null) {
            for (long[] bits : u.values()) {
              if (countBits(bits, 0, w) > 0) {
                activeNow++;
              }
              if (countBits(bits, w, 2 * w) > 0) {
                activeBefore++;
              }
            }
          }
          row[c++] = activeNow;
          row[c++] = activeBefore;
          int seats = accounts.get(r).seats();
          row[c++] = seats == 0 ? Double.NaN : (double) activeNow / seats;
          for (int[] typed : byType.values()) {
            row[c++] = typed[base + 2 * k];
            row[c++] = typed[base + 2 * k + 1];
          }
        }
        b.addRow(accounts.get(r).id(), row);
      }
      return b.build();
    }
  }

  /** The number of set bits in [from, to). */
  static int countBits(long[] bits, int from, int to) {
    int count = 0;
    for (int i = from; i < to; ) {
      int word = i >>> 6;
      int start = i & 63;
      int end = Math.min(64, start + (to - i));
      long mask = end == 64 ? -1L << start : ((1L << end) - 1) & (-1L << start);
      count += Long.bitCount(bits[word] & mask);
      i += end - start;
    }
    return count;
  }

  /** Configures a {@link UsageAggregator}. */
  public static final class Builder {
    private final List<Integer> windows = new ArrayList<>();
    private LocalDate asOf;
    private ZoneId zone = ZoneOffset.UTC;
    private List<String> types;

    /** The windows in days (default 14 and 30). */
    public Builder windows(int... days) {
      windows.clear();
      for (int d : days) {
        if (d < 1 || d > 366) {
          throw new ArgumentException("windows", "must be 1 to 366 days", Integer.toString(d));
        }
        windows.add(d);
      }
      return this;
    }

    /** The as-of date: the last day of every window. */
    public Builder asOf(LocalDate date) {
      this.asOf = date;
      return this;
    }

    /** The time zone in which events fall on days (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** Fixes the event types that get columns; other types count only in the totals. */
    public Builder eventTypes(List<String> types) {
      this.types = new ArrayList<>(types);
      return this;
    }

    public UsageAggregator build() {
      if (asOf == null) {
        throw new IllegalStateException("an as-of date is required");
      }
      if (windows.isEmpty()) {
        windows(14, 30);
      }
      return new UsageAggregator(this);
    }
  }

  @Override
  public String toString() {
    return "UsageAggregator[windows=" + Arrays.toString(windows) + ", asOf=" + asOf + ", zone=" + zone + "]";
  }
}
