package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every account's MRR month by month: the basis of every bridge, rate, cohort and band table of this package.
 * Immutable and thread-safe.
 *
 * <p><b>Conventions.</b>
 *
 * <ul>
 *   <li>A line item's MRR is {@code amount x rate / months of its billing period}, rounded half-to-even to a
 *       whole cent, once per line item (a yearly 1000.00 is 83.33 a month; a monthly input's MRR is rounded
 *       the same way). Every figure after that is an exact sum of cents, so every bridge reconciles exactly.
 *   <li>An account's MRR in a month is the sum of the MRR of its subscriptions active at the end of the
 *       month's last day. A subscription is active from its start date up to the day before its end date
 *       (end dates are exclusive; see {@link ChurnRecognition} for when a cancellation ends MRR). So a plan
 *       change that ends one subscription and starts another on the same day is one change of MRR
 *       (expansion or contraction), never churn plus new; a subscription that starts and ends inside one
 *       month never counts.
 *   <li>Movements compare each account's MRR with the month before: from 0 to more is new (the account's
 *       first MRR) or reactivation (a return; new instead when it was away longer than the reactivation
 *       window); from more to 0 is churn (so cancelling one of two subscriptions is contraction); up is
 *       expansion, down is contraction.
 *   <li>The history runs from the first month any subscription starts to {@link RetentionOptions#through()}
 *       (by default the latest month any start or end date falls in). Months before the history have no MRR.
 * </ul>
 */
public final class MrrHistory {
  private final YearMonth first;
  private final int n;
  private final String currency;
  private final String[] accounts;
  private final Map<String, Integer> index;
  private final int[] offset;
  private final int[] cpMonth;
  private final long[] cpValue;
  private final Integer window;

  private MrrHistory(YearMonth first, int n, String currency, String[] accounts, int[] offset, int[] cpMonth,
      long[] cpValue, Integer window) {
    this.first = first;
    this.n = n;
    this.currency = currency;
    this.accounts = accounts;
    this.offset = offset;
    this.cpMonth = cpMonth;
    this.cpValue = cpValue;
    this.window = window;
    Map<String, Integer> idx = new HashMap<>(accounts.length * 2);
    for (int i = 0; i < accounts.length; i++) {
      idx.put(accounts[i], i);
    }
    this.index = idx;
  }

  // ------------------------------------------------------------------------------------------------ input

  /**
   * Reads subscription line items from a CSV: columns {@code account_id}, {@code start_date}, {@code amount},
   * {@code billing_period} (month, quarter or year), and optionally {@code subscription_id}, {@code plan},
   * {@code end_date} (empty while active) and {@code currency}.
   *
   * @throws DataException naming file, row and column for a bad cell, or the rows of each currency when the
   *     file mixes currencies without a conversion table
   */
  public static MrrHistory readSubscriptions(Path file, RetentionOptions options) {
    Builder b = new Builder(file.toString(), options, false);
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "start_date", "amount", "billing_period");
      int acc = in.indexOf("account_id");
      int cur = in.indexOf("currency");
      int startCol = in.indexOf("start_date");
      int endCol = in.indexOf("end_date");
      int amountCol = in.indexOf("amount");
      int periodCol = in.indexOf("billing_period");
      for (CsvInput.Row row : in) {
        String id = row.text(acc);
        if (id.isEmpty()) {
          throw row.error("account_id", "must not be empty", null);
        }
        int start = day(row, startCol, "start_date");
        if (start == NO_DATE) {
          throw row.error("start_date", "must not be empty", null);
        }
        int end = day(row, endCol, "end_date");
        if (end != NO_DATE && end < start) {
          throw row.error("end_date", "must not be before start_date (" + LocalDate.ofEpochDay(start) + ")",
              CskitQuote.q(row.text(endCol)));
        }
        String amount = row.text(amountCol);
        BillingPeriod period = period(row, row.text(periodCol));
        b.addSubscription(id, start, end == NO_DATE ? Integer.MAX_VALUE : end, amount, row, period,
            cur < 0 ? "" : row.text(cur), row.number());
      }
    }
    return b.build();
  }

  /**
   * Reads monthly MRR per account from a CSV: columns {@code account_id}, {@code month} ({@code 2026-03} or
   * a date in the month) and {@code mrr}, optionally {@code currency}. Months missing for an account have no
   * MRR; each account and month may appear once.
   */
  public static MrrHistory readMonthlyMrr(Path file, RetentionOptions options) {
    Builder b = new Builder(file.toString(), options, true);
    try (CsvInput in = CsvInput.open(file)) {
      in.require("account_id", "month", "mrr");
      int cur = in.indexOf("currency");
      for (CsvInput.Row row : in) {
        String id = row.required("account_id");
        String m = row.required("month");
        YearMonth month;
        try {
          month = m.length() == 7 ? YearMonth.parse(m) : YearMonth.from(LocalDate.parse(m));
        } catch (DateTimeParseException e) {
          throw row.error("month", "must be a month (YYYY-MM) or a date (YYYY-MM-DD)", CskitQuote.q(m));
        }
        b.addMonth(id, month, decimal(row, "mrr"), cur < 0 ? "" : row.text(cur), row.number());
      }
    }
    return b.build();
  }

  private static final int NO_DATE = Integer.MIN_VALUE;

  /** A date cell as an epoch day ({@link CsvInput.Row#epochDay}), or {@link #NO_DATE} when it is empty. */
  private static int day(CsvInput.Row row, int col, String column) {
    return row.text(col).isEmpty() ? NO_DATE : (int) row.epochDay(col, column);
  }

  private static BillingPeriod period(CsvInput.Row row, String t) {
    switch (t) {
      case "month":
        return BillingPeriod.MONTH;
      case "year":
        return BillingPeriod.YEAR;
      case "quarter":
        return BillingPeriod.QUARTER;
      default:
        if (t.isEmpty()) {
          throw row.error("billing_period", "must not be empty", null);
        }
        try {
          return BillingPeriod.parse(t);
        } catch (CskitException e) {
          throw row.error("billing_period", e.rule(), e.found());
        }
    }
  }

  /** Cents of a plain decimal with at most two decimals (e.g. {@code 12}, {@code 12.5}, {@code 12.50}), or -1. */
  static long plainCents(String t) {
    int n = t.length();
    if (n == 0 || n > 15) {
      return -1;
    }
    long v = 0;
    int dot = -1;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c == '.' && dot < 0) {
        dot = i;
      } else if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
      } else {
        return -1;
      }
    }
    int decimals = dot < 0 ? 0 : n - dot - 1;
    if (decimals > 2 || dot == 0 || dot == n - 1) {
      return -1;
    }
    for (int k = decimals; k < 2; k++) {
      v *= 10;
    }
    return v;
  }

  /** {@code c / m} rounded half-to-even, for c &gt;= 0 and m &gt; 0. */
  static long divideHalfEven(long c, int m) {
    long q = c / m;
    long twice = 2 * (c % m);
    if (twice > m || (twice == m && (q & 1) == 1)) {
      q++;
    }
    return q;
  }

  /** The history of subscription line items given in Java (item {@code i} is named row {@code i + 1}). */
  public static MrrHistory ofSubscriptions(List<Subscription> items, RetentionOptions options) {
    Builder b = new Builder("subscriptions", options, false);
    long row = 0;
    for (Subscription s : items) {
      b.addSubscription(s.accountId(), s.start(), s.end(), s.amount(), s.billingPeriod(), s.currency(), ++row);
    }
    return b.build();
  }

  /**
   * A builder of a history from line items added one by one (for callers holding them in memory or in a
   * database); not thread-safe, used once.
   */
  public static SubscriptionBuilder builder(RetentionOptions options) {
    return new SubscriptionBuilder(new Builder("subscriptions", options, false));
  }

  /** Adds subscription line items one by one, then builds the history. */
  public static final class SubscriptionBuilder {
    private final Builder b;
    private long row;

    SubscriptionBuilder(Builder b) {
      this.b = b;
    }

    /**
     * Adds a line item (named row {@code n} in errors, counting from 1).
     *
     * @param startDay the start date as an epoch day ({@link LocalDate#toEpochDay()})
     * @param endDay the end date (exclusive) as an epoch day, or {@code Integer.MAX_VALUE} while active
     * @param amountCents the price of one billing period in cents, 0 or more
     */
    public SubscriptionBuilder add(String accountId, int startDay, int endDay, long amountCents, BillingPeriod period,
        String currency) {
      row++;
      if (accountId == null || accountId.isEmpty()) {
        throw new DataException("subscriptions", row, "accountId", "must not be empty", null);
      }
      if (amountCents < 0) {
        throw new DataException("subscriptions", row, "amount", "must be 0 or more", Long.toString(amountCents));
      }
      if (endDay < startDay) {
        throw new DataException("subscriptions", row, "end", "must not be before start", Integer.toString(endDay));
      }
      b.addCents(accountId, startDay, endDay, amountCents, period, currency == null ? "" : currency, row);
      return this;
    }

    /** Adds a line item with dates (end null while active). */
    public SubscriptionBuilder add(String accountId, LocalDate start, LocalDate end, long amountCents,
        BillingPeriod period, String currency) {
      return add(accountId, (int) start.toEpochDay(), end == null ? Integer.MAX_VALUE : (int) end.toEpochDay(),
          amountCents, period, currency);
    }

    /** The history of the items added. */
    public MrrHistory build() {
      return b.build();
    }
  }

  /** The history of monthly MRR given in Java (item {@code i} is named row {@code i + 1}). */
  public static MrrHistory ofMonthlyMrr(List<MonthlyMrr> items, RetentionOptions options) {
    Builder b = new Builder("monthly MRR", options, true);
    long row = 0;
    for (MonthlyMrr m : items) {
      b.addMonth(m.accountId(), m.month(), m.mrr(), m.currency(), ++row);
    }
    return b.build();
  }

  private static BigDecimal decimal(CsvInput.Row row, String column) {
    String t = row.required(column);
    BigDecimal v;
    try {
      v = new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw row.error(column, "must be a decimal number", CskitQuote.q(t));
    }
    if (v.signum() < 0) {
      throw row.error(column, "must be 0 or more", CskitQuote.q(t));
    }
    return v;
  }

  /** Months since year 0 of a date. */
  static int epochMonth(LocalDate d) {
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  static int epochMonth(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  static YearMonth month(int epochMonth) {
    return YearMonth.of(Math.floorDiv(epochMonth, 12), Math.floorMod(epochMonth, 12) + 1);
  }

  /** Collects line items as spans of days, then builds the change points of every account. */
  private static final class Builder {
    private final String source;
    private final RetentionOptions options;
    private final boolean monthly;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, List<Long>> currencyRows = new TreeMap<>();
    private final Map<String, long[]> currencyCount = new HashMap<>();
    private final Map<String, BigDecimal> rates;
    private int size;
    private int[] acct = new int[1024];
    private int[] startDay = new int[1024];
    private int[] endDay = new int[1024];
    private byte[] months = new byte[1024];
    private long[] cents = new long[1024];
    private long[] rows = new long[1024];

    Builder(String source, RetentionOptions options, boolean monthly) {
      this.source = source;
      this.options = options;
      this.monthly = monthly;
      this.rates = options.conversion();
    }

    void addSubscription(String id, LocalDate start, LocalDate end, BigDecimal amount, BillingPeriod period,
        String cur, long row) {
      long c = cents(amount, cur, period.months(), row);
      addDays(id, (int) start.toEpochDay(), end == null ? Integer.MAX_VALUE : (int) end.toEpochDay(), period, c, row);
    }

    /** A CSV line item: days as epoch days (end Integer.MAX_VALUE while active), the amount as text. */
    void addSubscription(String id, int start, int end, String amount, CsvInput.Row csvRow, BillingPeriod period,
        String cur, long row) {
      long plain = plainCents(amount);
      if (plain >= 0) {
        addCents(id, start, end, plain, period, cur, row);
        return;
      }
      long c = cents(decimal(csvRow, "amount"), cur, period.months(), row);
      addDays(id, start, end, period, c, row);
    }

    void addCents(String id, int start, int end, long cents, BillingPeriod period, String cur, long row) {
      long c;
      long[] seen = cur.isEmpty() ? null : currencyCount.get(cur);
      if (cur.isEmpty() || (options.currency() == null && currencyCount.size() == 1 && seen != null)) {
        c = divideHalfEven(cents, period.months());
        if (seen != null && ++seen[0] <= 5) {
          currencyRows.get(cur).add(row);
        }
      } else {
        c = cents(BigDecimal.valueOf(cents, 2), cur, period.months(), row);
      }
      addDays(id, start, end, period, c, row);
    }

    // months are monotonic in days: the first and last months are those of the extreme days
    private int minDay = Integer.MAX_VALUE;
    private int maxStartDay = Integer.MIN_VALUE;
    private int maxEndDay = Integer.MIN_VALUE;

    private void addDays(String id, int s, int e, BillingPeriod period, long c, long row) {
      add(id, s, e, (byte) period.months(), c, row);
    }

    void addMonth(String id, YearMonth month, BigDecimal mrr, String cur, long row) {
      long c = cents(mrr, cur, 1, row);
      add(id, (int) month.atDay(1).toEpochDay(), (int) month.plusMonths(1).atDay(1).toEpochDay(), (byte) 1, c, row);
    }

    private long cents(BigDecimal amount, String cur, int periodMonths, long row) {
      String key = cur == null ? "" : cur;
      BigDecimal rate = null;
      if (!key.isEmpty()) {
        long count = ++currencyCount.computeIfAbsent(key, k -> new long[1])[0];
        if (count <= 5) {
          currencyRows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (options.currency() != null && !key.equals(options.currency())) {
          rate = rates.get(key);
          if (rate == null) {
            throw new DataException(source, row, "currency",
                "needs a conversion rate into " + options.currency() + " (one currency per analysis, or a conversion table)",
                CskitQuote.q(key));
          }
        }
      }
      BigDecimal c = amount.movePointRight(2);
      if (rate != null) {
        c = c.multiply(rate);
      }
      if (periodMonths != 1 || c.scale() > 0) {
        c = c.divide(BigDecimal.valueOf(periodMonths), 0, RoundingMode.HALF_EVEN);
      }
      try {
        return c.longValueExact();
      } catch (ArithmeticException e) {
        throw new DataException(source, row, "amount", "is too large", amount.toPlainString());
      }
    }

    private void add(String id, int s, int e, byte m, long c, long row) {
      Integer a = ids.get(id);
      if (a == null) {
        a = names.size();
        ids.put(id, a);
        names.add(id);
      }
      if (size == acct.length) {
        int cap = size * 2;
        acct = Arrays.copyOf(acct, cap);
        startDay = Arrays.copyOf(startDay, cap);
        endDay = Arrays.copyOf(endDay, cap);
        months = Arrays.copyOf(months, cap);
        cents = Arrays.copyOf(cents, cap);
        rows = Arrays.copyOf(rows, cap);
      }
      minDay = Math.min(minDay, s);
      maxStartDay = Math.max(maxStartDay, s);
      if (e != Integer.MAX_VALUE) {
        maxEndDay = Math.max(maxEndDay, e);
      }
      acct[size] = a;
      startDay[size] = s;
      endDay[size] = e;
      months[size] = m;
      cents[size] = c;
      rows[size] = row;
      size++;
    }

    MrrHistory build() {
      if (size == 0) {
        throw DataException.of(source, "holds no " + (monthly ? "monthly MRR" : "subscriptions"), "no data rows");
      }
      String cur = options.currency();
      if (cur == null) {
        if (currencyRows.size() > 1) {
          StringBuilder found = new StringBuilder();
          for (Map.Entry<String, List<Long>> e : currencyRows.entrySet()) {
            if (found.length() > 0) {
              found.append("; ");
            }
            long count = currencyCount.get(e.getKey())[0];
            found.append(e.getKey()).append(" in ").append(count).append(count == 1 ? " row (row " : " rows (rows ");
            for (int i = 0; i < e.getValue().size(); i++) {
              found.append(i == 0 ? "" : ", ").append(e.getValue().get(i));
            }
            found.append(count > e.getValue().size() ? ", ...)" : ")");
          }
          throw DataException.of(source,
              "mixes currencies: one currency per analysis, or name the analysis currency and a conversion table",
              found.toString());
        }
        cur = currencyRows.isEmpty() ? "" : currencyRows.keySet().iterator().next();
      }
      int firstM = epochMonth(LocalDate.ofEpochDay(minDay));
      int maxMonth = epochMonth(LocalDate.ofEpochDay(maxStartDay));
      if (!monthly && maxEndDay != Integer.MIN_VALUE) {
        maxMonth = Math.max(maxMonth, epochMonth(LocalDate.ofEpochDay(maxEndDay)));
      }
      int lastM = options.through() == null ? maxMonth : epochMonth(options.through());
      if (lastM < firstM) {
        throw new ArgumentException("through", "must not be before the first month of the input (" + month(firstM) + ")",
            month(lastM).toString());
      }
      int nm = lastM - firstM + 1;

      // accounts in id order, so that nothing depends on the order of the input rows
      String[] sorted = names.toArray(new String[0]);
      Arrays.sort(sorted);
      int na = sorted.length;
      int[] rank = new int[na];
      {
        Map<String, Integer> pos = new HashMap<>(na * 2);
        for (int i = 0; i < na; i++) {
          pos.put(sorted[i], i);
        }
        for (int i = 0; i < na; i++) {
          rank[i] = pos.get(names.get(i));
        }
      }
      // counting sort of the items by account
      int[] start = new int[na + 1];
      for (int i = 0; i < size; i++) {
        start[rank[acct[i]] + 1]++;
      }
      for (int a = 0; a < na; a++) {
        start[a + 1] += start[a];
      }
      int[] fill = Arrays.copyOf(start, na);
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[fill[rank[acct[i]]]++] = i;
      }
      fill = null;

      int[] offset = new int[na + 1];
      int cap = Math.max(16, size);
      int[] cpM = new int[cap];
      long[] cpV = new long[cap];
      int ncp = 0;
      boolean periodEnd = options.churnRecognition() == ChurnRecognition.AT_PERIOD_END && !monthly;
      DayToMonth dayToMonth = new DayToMonth(minDay, Math.max(maxStartDay, maxEndDay));
      long[] ev = new long[64];
      long[] evDelta = new long[64];
      int[] evItem = new int[64];
      for (int a = 0; a < na; a++) {
        offset[a] = ncp;
        int from = start[a];
        int to = start[a + 1];
        int ne = 0;
        for (int k = from; k < to; k++) {
          int i = order[k];
          if (cents[i] == 0) {
            continue;
          }
          int e = endDay[i];
          if (periodEnd && e != Integer.MAX_VALUE && e > startDay[i] && !replaced(order, from, to, e)) {
            e = paidThrough(startDay[i], e, months[i]);
          }
          int sm = dayToMonth.of(startDay[i]) - firstM;
          int em = e == Integer.MAX_VALUE ? Integer.MAX_VALUE : dayToMonth.of(e) - firstM;
          if (sm >= em || sm >= nm) {
            continue;
          }
          if (ne + 2 > ev.length) {
            ev = Arrays.copyOf(ev, ev.length * 2);
            evDelta = Arrays.copyOf(evDelta, ev.length);
            evItem = Arrays.copyOf(evItem, ev.length);
          }
          ev[ne] = ((long) sm << 32) | ne;
          evDelta[ne] = cents[i];
          evItem[ne] = i;
          ne++;
          if (em < nm) {
            ev[ne] = ((long) em << 32) | ne;
            evDelta[ne] = -cents[i];
            evItem[ne] = i;
            ne++;
          }
        }
        Arrays.sort(ev, 0, ne);
        long value = 0;
        int j = 0;
        while (j < ne) {
          int m = (int) (ev[j] >>> 32);
          long v = value;
          int plus = -1;
          while (j < ne && (int) (ev[j] >>> 32) == m) {
            int e = (int) ev[j];
            v += evDelta[e];
            if (monthly && evDelta[e] > 0) {
              if (plus >= 0) {
                throw new DataException(source, Math.max(rows[evItem[e]], rows[plus]), "month",
                    "each account and month may appear once (also in row " + Math.min(rows[evItem[e]], rows[plus]) + ")",
                    CskitQuote.q(sorted[a] + " " + month(m + firstM)));
              }
              plus = evItem[e];
            }
            j++;
          }
          if (v != value) {
            if (ncp == cpM.length) {
              cpM = Arrays.copyOf(cpM, ncp * 2);
              cpV = Arrays.copyOf(cpV, ncp * 2);
            }
            cpM[ncp] = m;
            cpV[ncp] = v;
            ncp++;
            value = v;
          }
        }
      }
      offset[na] = ncp;
      return new MrrHistory(month(firstM), nm, cur, sorted, offset, Arrays.copyOf(cpM, ncp),
          Arrays.copyOf(cpV, ncp), options.reactivationWindowMonths());
    }

    /** Epoch day to epoch month by a table over the input's days (dates beyond it computed). */
    private static final class DayToMonth {
      final int from;
      final int[] table;

      DayToMonth(int minDay, int maxDay) {
        from = minDay;
        long span = (long) maxDay - minDay + 1;
        table = new int[span > 0 && span <= 200_000 ? (int) span : 0];
        for (int d = 0; d < table.length; d++) {
          table[d] = epochMonth(LocalDate.ofEpochDay(from + d));
        }
      }

      int of(int day) {
        int k = day - from;
        return k >= 0 && k < table.length ? table[k] : epochMonth(LocalDate.ofEpochDay(day));
      }
    }

    /** Whether another item of the account starts on the day this one ends (a plan change). */
    private boolean replaced(int[] order, int from, int to, int day) {
      for (int k = from; k < to; k++) {
        if (startDay[order[k]] == day) {
          return true;
        }
      }
      return false;
    }

    /** The first billing date on or after the end day: the end of the period already paid. */
    private static int paidThrough(int startDay, int endDay, int periodMonths) {
      LocalDate s = LocalDate.ofEpochDay(startDay);
      LocalDate e = LocalDate.ofEpochDay(endDay);
      long k = Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(s, e) / periodMonths - 1);
      LocalDate d = s.plusMonths(k * periodMonths);
      while (d.isBefore(e)) {
        k++;
        d = s.plusMonths(k * periodMonths);
      }
      return (int) d.toEpochDay();
    }
  }

  // ------------------------------------------------------------------------------------------------ access

  /** The first month of the history. */
  public YearMonth firstMonth() {
    return first;
  }

  /** The last month of the history. */
  public YearMonth lastMonth() {
    return first.plusMonths(n - 1L);
  }

  /** The number of months of the history. */
  public int months() {
    return n;
  }

  /** The analysis currency (empty when the input named none). */
  public String currency() {
    return currency;
  }

  /** Every account with a line item, in id order. */
  public List<String> accounts() {
    return List.of(accounts);
  }

  /** An account's MRR at the end of a month, in cents (0 outside the history or for an unknown account). */
  public long mrr(String accountId, YearMonth month) {
    Integer a = index.get(accountId);
    int m = (int) (epochMonth(month) - epochMonth(first));
    if (a == null || m < 0 || m >= n) {
      return 0;
    }
    long v = 0;
    for (int k = offset[a]; k < offset[a + 1] && cpMonth[k] <= m; k++) {
      v = cpValue[k];
    }
    return v;
  }

  /** The portfolio's MRR at the end of a month, in cents. */
  public long totalMrr(YearMonth month) {
    long s = 0;
    for (String a : accounts) {
      s += mrr(a, month);
    }
    return s;
  }

  /** Writes an account's MRR of every month of the history into {@code out} (length {@link #months()}). */
  private void dense(int a, long[] out) {
    long v = 0;
    int k = offset[a];
    int end = offset[a + 1];
    for (int m = 0; m < n; m++) {
      while (k < end && cpMonth[k] == m) {
        v = cpValue[k];
        k++;
      }
      out[m] = v;
    }
  }

  // ------------------------------------------------------------------------------------------------ bridge

  /** The monthly bridge over the whole history. */
  public Bridge bridge() {
    return bridge(ReportPeriod.MONTH, first, lastMonth());
  }

  /** The bridge by a period over the whole history. */
  public Bridge bridge(ReportPeriod period) {
    return bridge(period, first, lastMonth());
  }

  /**
   * The bridge by a period over the months {@code from} to {@code to} (periods cut at those months). Months
   * before the history are periods with no MRR.
   *
   * @throws CskitException when {@code to} is after the history's last month or before {@code from}
   */
  public Bridge bridge(ReportPeriod period, YearMonth from, YearMonth to) {
    return new Movements(period, from, to).bridge();
  }

  /** Month-by-month movements grouped into periods. */
  private final class Movements {
    final ReportPeriod period;
    final int lo;
    final int hi;
    final int[] periodOf; // month index - lo -> period
    final List<String> labels = new ArrayList<>();
    final List<int[]> bounds = new ArrayList<>();
    final long[][] amount; // new, expansion, reactivation, contraction, churn
    final int[][] count;
    final long[] total; // by month index 0..n-1
    final int[] active;

    Movements(ReportPeriod period, YearMonth from, YearMonth to) {
      this.period = period;
      lo = epochMonth(from) - epochMonth(first);
      hi = epochMonth(to) - epochMonth(first);
      if (hi >= n) {
        throw new ArgumentException("to", "must not be after the history's last month (" + lastMonth() + ")", to.toString());
      }
      if (hi < lo) {
        throw new ArgumentException("to", "must not be before from (" + from + ")", to.toString());
      }
      periodOf = new int[hi - lo + 1];
      long key = Long.MIN_VALUE;
      for (int m = lo; m <= hi; m++) {
        YearMonth ym = first.plusMonths(m);
        long k = period.key(ym);
        if (k != key) {
          labels.add(period.label(ym));
          bounds.add(new int[] {m, m});
          key = k;
        }
        bounds.get(bounds.size() - 1)[1] = m;
        periodOf[m - lo] = labels.size() - 1;
      }
      int np = labels.size();
      amount = new long[5][np];
      count = new int[5][np];
      long[] dTotal = new long[n + 1];
      int[] dActive = new int[n + 1];
      int[] lastMarked = new int[5];
      for (int a = 0; a < accounts.length; a++) {
        long prev = 0;
        boolean ever = false;
        int churnedAt = -1;
        Arrays.fill(lastMarked, -1);
        for (int k = offset[a]; k < offset[a + 1]; k++) {
          int m = cpMonth[k];
          long v = cpValue[k];
          dTotal[m] += v - prev;
          dActive[m] += (v > 0 ? 1 : 0) - (prev > 0 ? 1 : 0);
          int type;
          long amt;
          if (prev == 0) {
            boolean reactivation = ever && (window == null || m - churnedAt <= window);
            type = reactivation ? 2 : 0;
            amt = v;
            ever = true;
          } else if (v == 0) {
            type = 4;
            amt = prev;
            churnedAt = m;
          } else if (v > prev) {
            type = 1;
            amt = v - prev;
          } else {
            type = 3;
            amt = prev - v;
          }
          prev = v;
          if (m >= lo && m <= hi) {
            int p = periodOf[m - lo];
            amount[type][p] += amt;
            if (lastMarked[type] != p) {
              lastMarked[type] = p;
              count[type][p]++;
            }
          }
        }
      }
      total = new long[n];
      active = new int[n];
      long t = 0;
      int c = 0;
      for (int m = 0; m < n; m++) {
        t += dTotal[m];
        c += dActive[m];
        total[m] = t;
        active[m] = c;
      }
    }

    long total(int m) {
      return m < 0 ? 0 : total[m];
    }

    int active(int m) {
      return m < 0 ? 0 : active[m];
    }

    Bridge bridge() {
      List<BridgeRow> rows = new ArrayList<>();
      for (int p = 0; p < labels.size(); p++) {
        int s = bounds.get(p)[0];
        int e = bounds.get(p)[1];
        rows.add(new BridgeRow(labels.get(p), first.plusMonths(s), first.plusMonths(e), total(s - 1),
            amount[0][p], amount[1][p], amount[2][p], amount[3][p], amount[4][p], total(e), active(s - 1),
            count[0][p], count[1][p], count[2][p], count[3][p], count[4][p], active(e)));
      }
      return new Bridge(period, currency, rows);
    }
  }

  // ------------------------------------------------------------------------------------------------ rates

  /** The rates by a period over the whole history. */
  public Rates rates(ReportPeriod period) {
    return rates(period, first, lastMonth());
  }

  /**
   * Churn and retention rates by a period over the months {@code from} to {@code to}: logo churn, gross and
   * net MRR churn, quick ratio and expansion share from the bridge; GRR and NRR of the accounts with MRR at
   * the start of each period at its end; and the 12-month GRR and NRR by the cohort method at each period's
   * last month.
   */
  public Rates rates(ReportPeriod period, YearMonth from, YearMonth to) {
    Movements mv = new Movements(period, from, to);
    Bridge b = mv.bridge();
    int np = b.rows().size();
    long[] base = new long[np];
    long[] kept = new long[np];
    long[] now = new long[np];
    long[] base12 = new long[np];
    long[] kept12 = new long[np];
    long[] now12 = new long[np];
    int[] acc12 = new int[np];
    long[] v = new long[n];
    for (int a = 0; a < accounts.length; a++) {
      if (offset[a] == offset[a + 1]) {
        continue;
      }
      dense(a, v);
      for (int p = 0; p < np; p++) {
        int s = mv.bounds.get(p)[0] - 1;
        int e = mv.bounds.get(p)[1];
        if (e < 0) {
          continue; // a period before the history: no MRR
        }
        if (s >= 0 && v[s] > 0) {
          base[p] += v[s];
          now[p] += v[e];
          kept[p] += Math.min(v[s], v[e]);
        }
        int s12 = e - 12;
        if (s12 >= 0 && v[s12] > 0) {
          acc12[p]++;
          base12[p] += v[s12];
          now12[p] += v[e];
          kept12[p] += Math.min(v[s12], v[e]);
        }
      }
    }
    List<RateRow> rows = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      BridgeRow r = b.rows().get(p);
      double start = r.starting();
      double gained = (double) r.newMrr() + r.expansion() + r.reactivation();
      double lost = (double) r.contraction() + r.churn();
      rows.add(new RateRow(r.label(), r.startingAccounts(),
          div(r.churnedAccounts(), r.startingAccounts()),
          div(lost, start),
          div(lost - r.expansion() - r.reactivation(), start),
          div(gained, lost),
          div(r.expansion(), gained),
          div(kept[p], base[p]),
          div(now[p], base[p]),
          acc12[p],
          div(kept12[p], base12[p]),
          div(now12[p], base12[p])));
    }
    return new Rates(period, rows);
  }

  static double div(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  // ------------------------------------------------------------------------------------------------ cohorts

  /** Logo and revenue retention by start month (each account's first month with MRR). */
  public CohortTriangle cohorts() {
    return cohorts("start month", null);
  }

  /**
   * Logo and revenue retention by an account attribute (segment, tier, band at start...). Accounts missing
   * from the map are grouped as {@code (none)}.
   *
   * @param dimension the attribute's name, for the table's header
   * @param attribute account id to attribute value
   */
  public CohortTriangle cohortsBy(String dimension, Map<String, String> attribute) {
    return cohorts(dimension, attribute::get);
  }

  private CohortTriangle cohorts(String dimension, Function<String, String> key) {
    Map<String, long[][]> groups = new TreeMap<>();
    Map<String, long[]> sizes = new TreeMap<>();
    long[] v = new long[n];
    for (int a = 0; a < accounts.length; a++) {
      int c = -1;
      for (int k = offset[a]; k < offset[a + 1]; k++) {
        if (cpValue[k] > 0) {
          c = cpMonth[k];
          break;
        }
      }
      if (c < 0) {
        continue;
      }
      dense(a, v);
      String g;
      if (key == null) {
        g = first.plusMonths(c).toString();
      } else {
        g = key.apply(accounts[a]);
        if (g == null || g.isEmpty()) {
          g = "(none)";
        }
      }
      long[][] cells = groups.computeIfAbsent(g, x -> new long[4][n]);
      long[] size = sizes.computeIfAbsent(g, x -> new long[3]);
      size[0]++;
      size[1] += v[c];
      size[2] = Math.max(size[2], n - c);
      for (int k = 0; c + k < n; k++) {
        cells[0][k]++;
        cells[1][k] += v[c + k] > 0 ? 1 : 0;
        cells[2][k] += v[c];
        cells[3][k] += v[c + k];
      }
    }
    List<Cohort> rows = new ArrayList<>();
    for (Map.Entry<String, long[][]> e : groups.entrySet()) {
      long[][] cells = e.getValue();
      long[] size = sizes.get(e.getKey());
      List<CohortCell> list = new ArrayList<>();
      for (int k = 0; k < size[2]; k++) {
        list.add(new CohortCell(k, (int) cells[0][k], (int) cells[1][k], cells[2][k], cells[3][k]));
      }
      rows.add(new Cohort(e.getKey(), (int) size[0], size[1], list));
    }
    return new CohortTriangle(dimension, rows);
  }

  // ------------------------------------------------------------------------------------------------ bands

  /** The standard normal distribution, for the intervals' z. */
  private static final org.apache.commons.statistics.distribution.NormalDistribution NORMAL =
      org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

  /**
   * NRR, GRR and logo churn over horizons after a snapshot, for all accounts, by band and by tier. The base
   * month is the last month that ended on or before the snapshot's date; the accounts are those with MRR in
   * it. Accounts with MRR but absent from the snapshot are the band {@code (none)}.
   *
   * @param horizons months after the base month (e.g. 3, 6, 12), each 1 or more
   * @throws CskitException when the base month is outside the history or a horizon is below 1
   */
  public BandRetention byBand(BandSnapshot snapshot, int... horizons) {
    return byBand(snapshot, 0.95, horizons);
  }

  /**
   * {@link #byBand(BandSnapshot, int...)} with intervals at another confidence level (two-sided: Wilson's score
   * interval for logo churn, the ratio estimator's delta-method interval for NRR and GRR).
   *
   * @param confidence the confidence level, strictly between 0 and 1 (0.95 for 95%)
   * @param horizons months after the base month (e.g. 3, 6, 12), each 1 or more
   * @throws CskitException when the confidence is outside (0, 1), the base month is outside the history or a
   *     horizon is below 1
   */
  public BandRetention byBand(BandSnapshot snapshot, double confidence, int... horizons) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new ArgumentException("confidence", "must be strictly between 0 and 1 (0.95 for 95%)",
          Double.toString(confidence));
    }
    double z = NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    LocalDate asOf = snapshot.asOf();
    YearMonth baseMonth = asOf.equals(YearMonth.from(asOf).atEndOfMonth())
        ? YearMonth.from(asOf) : YearMonth.from(asOf).minusMonths(1);
    int b = epochMonth(baseMonth) - epochMonth(first);
    if (b < 0 || b >= n) {
      throw new ArgumentException("as-of", "must fall inside the history (" + first + " to " + lastMonth() + ")",
          asOf.toString());
    }
    for (int h : horizons) {
      if (h < 1) {
        throw new ArgumentException("horizons", "must be 1 month or more", Integer.toString(h));
      }
    }
    List<String> warnings = new ArrayList<>();
    // per account: dimension values, x (MRR at base), y per horizon
    List<String> bandOf = new ArrayList<>();
    List<String> tierOf = new ArrayList<>();
    List<long[]> xy = new ArrayList<>();
    int missing = 0;
    long[] v = new long[n];
    for (int a = 0; a < accounts.length; a++) {
      dense(a, v);
      if (v[b] <= 0) {
        if (snapshot.bands().containsKey(accounts[a])) {
          missing++;
        }
        continue;
      }
      long[] r = new long[horizons.length + 1];
      r[0] = v[b];
      for (int i = 0; i < horizons.length; i++) {
        int m = b + horizons[i];
        r[i + 1] = m < n ? v[m] : -1;
      }
      xy.add(r);
      bandOf.add(snapshot.bands().getOrDefault(accounts[a], "(none)"));
      tierOf.add(snapshot.tiers().isEmpty() ? null : snapshot.tiers().getOrDefault(accounts[a], "(none)"));
    }
    for (String id : snapshot.bands().keySet()) {
      if (!index.containsKey(id)) {
        missing++;
      }
    }
    if (missing > 0) {
      warnings.add(missing + " account(s) of the snapshot have no MRR in " + baseMonth + " and are left out");
    }
    for (int h : horizons) {
      if (b + h >= n) {
        warnings.add("the " + h + "-month horizon (" + baseMonth.plusMonths(h) + ") is past the history's last month ("
            + lastMonth() + "): not observed");
      }
    }
    List<BandRow> rows = new ArrayList<>();
    addGroups(rows, "all", null, xy, horizons, baseMonth, b, z);
    addGroups(rows, "band", bandOf, xy, horizons, baseMonth, b, z);
    if (!snapshot.tiers().isEmpty()) {
      addGroups(rows, "tier", tierOf, xy, horizons, baseMonth, b, z);
    }
    return new BandRetention(asOf, baseMonth, confidence, rows, warnings);
  }

  private void addGroups(List<BandRow> rows, String dimension, List<String> groupOf, List<long[]> xy,
      int[] horizons, YearMonth baseMonth, int b, double z) {
    Map<String, List<long[]>> groups = new TreeMap<>(MrrHistory::bandOrder);
    for (int i = 0; i < xy.size(); i++) {
      groups.computeIfAbsent(groupOf == null ? "all" : groupOf.get(i), k -> new ArrayList<>()).add(xy.get(i));
    }
    for (Map.Entry<String, List<long[]>> g : groups.entrySet()) {
      for (int i = 0; i < horizons.length; i++) {
        rows.add(groupRow(dimension, g.getKey(), horizons[i], b + horizons[i] < n, g.getValue(), i + 1, z));
      }
    }
  }

  /** red, yellow, green first in that order, then other names alphabetically. */
  static int bandOrder(String x, String y) {
    int a = rank(x);
    int b = rank(y);
    return a != b ? Integer.compare(a, b) : x.compareTo(y);
  }

  private static int rank(String s) {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "red":
        return 0;
      case "yellow":
        return 1;
      case "green":
        return 2;
      default:
        return 3;
    }
  }

  static BandRow groupRow(String dimension, String group, int horizon, boolean observed, List<long[]> xy, int col,
      double z) {
    int count = xy.size();
    long sx = 0;
    for (long[] r : xy) {
      sx += r[0];
    }
    if (!observed) {
      double nan = Double.NaN;
      return new BandRow(dimension, group, horizon, false, count, sx, 0, nan, nan, nan, nan, nan, nan, 0, nan, nan,
          nan);
    }
    long sy = 0;
    long sg = 0;
    int churned = 0;
    for (long[] r : xy) {
      sy += r[col];
      sg += Math.min(r[0], r[col]);
      churned += r[col] == 0 ? 1 : 0;
    }
    double nrr = (double) sy / sx;
    double grr = (double) sg / sx;
    double[] nrrCi = ratioInterval(xy, col, nrr, false, z);
    double[] grrCi = ratioInterval(xy, col, grr, true, z);
    double[] churnCi = wilson(churned, count, z);
    return new BandRow(dimension, group, horizon, true, count, sx, sy, nrr, Math.max(0, nrrCi[0]), nrrCi[1], grr,
        Math.max(0, grrCi[0]), Math.min(1, grrCi[1]), churned, (double) churned / count, churnCi[0], churnCi[1]);
  }

  /** The delta-method interval of a ratio of sums: R ± z sqrt(sum (y - R x)^2 / (n (n - 1))) / mean(x). */
  static double[] ratioInterval(List<long[]> xy, int col, double ratio, boolean capped, double z) {
    int count = xy.size();
    if (count < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double sx = 0;
    double ss = 0;
    for (long[] r : xy) {
      double x = r[0];
      double y = capped ? Math.min(r[0], r[col]) : r[col];
      sx += x;
      double d = y - ratio * x;
      ss += d * d;
    }
    double mean = sx / count;
    double se = Math.sqrt(ss / ((double) count * (count - 1))) / mean;
    return new double[] {ratio - z * se, ratio + z * se};
  }

  /** Wilson's score interval for k of n, z the normal quantile of the confidence level. */
  static double[] wilson(int k, int count, double z) {
    if (count == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double p = (double) k / count;
    double z2 = z * z;
    double denom = 1 + z2 / count;
    double centre = (p + z2 / (2.0 * count)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / count + z2 / (4.0 * count * count)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** A summary: months, accounts, MRR at the end. */
  @Override
  public String toString() {
    return "MrrHistory[" + first + " to " + lastMonth() + ", " + accounts.length + " accounts, MRR "
        + Money.display(totalMrr(lastMonth())) + (currency.isEmpty() ? "" : " " + currency) + "]";
  }
}
