package dev.cskit.scoring.validation;

import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.io.CsvInput;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What happened to each account: the date it churned (null if it has not) and its renewal date (null if
 * unknown). One row per account. Immutable.
 *
 * <p>CSV form ({@link #readCsv(Path)}): columns {@code account_id, churn_date, renewal_date} and optionally
 * {@code active_through} (the latest date the account is known active); any of the dates may be empty, not
 * all.
 */
public final class ChurnOutcomes {
  /**
   * One account's outcome.
   *
   * @param accountId the account
   * @param churnDate the date it churned, or null
   * @param renewalDate a renewal date, or null
   * @param activeThrough the latest date it is known to have been active (a status record, a later
   *     snapshot), or null
   */
  public record Outcome(AccountId accountId, LocalDate churnDate, LocalDate renewalDate, LocalDate activeThrough) {
    /** An outcome without a known-active date. */
    public Outcome(AccountId accountId, LocalDate churnDate, LocalDate renewalDate) {
      this(accountId, churnDate, renewalDate, null);
    }
  }

  private final String source;
  private final Map<AccountId, Outcome> byAccount;

  private ChurnOutcomes(String source, Map<AccountId, Outcome> byAccount) {
    this.source = source;
    this.byAccount = Collections.unmodifiableMap(byAccount);
  }

  /** Reads outcomes from a CSV file. */
  public static ChurnOutcomes readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads outcomes from CSV text, naming it {@code source} in errors. */
  public static ChurnOutcomes readCsv(String text, String source) {
    try (CsvInput in = CsvInput.ofText(text, source)) {
      return read(in);
    }
  }

  private static ChurnOutcomes read(CsvInput in) {
    in.require("account_id", "churn_date", "renewal_date");
    Builder b = builder().source(in.source());
    for (CsvInput.Row row : in) {
      AccountId id = AccountId.of(row.required("account_id"));
      LocalDate churn = row.date("churn_date");
      LocalDate renewal = row.date("renewal_date");
      LocalDate active = in.has("active_through") ? row.date("active_through") : null;
      if (churn == null && renewal == null && active == null) {
        throw row.error("churn_date", "an outcome needs a churn date, a renewal date or an active_through date",
            "all empty");
      }
      if (b.map.containsKey(id)) {
        throw row.error("account_id", "an account may have one outcome row",
            CskitException.quote(id.value()) + " twice");
      }
      b.add(id, churn, renewal, active);
    }
    return b.build();
  }

  /** Outcomes from Java objects, named {@code source} in errors; the same checks as the CSV form. */
  public static ChurnOutcomes of(Collection<Outcome> outcomes, String source) {
    Builder b = builder().source(source);
    for (Outcome o : outcomes) {
      b.add(o.accountId(), o.churnDate(), o.renewalDate(), o.activeThrough());
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The source named in errors. */
  public String source() {
    return source;
  }

  /** The outcome of an account, or null. */
  public Outcome get(AccountId id) {
    return byAccount.get(id);
  }

  /** The accounts with an outcome. */
  public Set<AccountId> accounts() {
    return byAccount.keySet();
  }

  /** The number of accounts with an outcome. */
  public int size() {
    return byAccount.size();
  }

  @Override
  public String toString() {
    long churned = byAccount.values().stream().filter(o -> o.churnDate() != null).count();
    return "ChurnOutcomes[" + size() + " accounts, " + churned + " churned]";
  }

  /** Collects outcomes. */
  public static final class Builder {
    private final Map<AccountId, Outcome> map = new LinkedHashMap<>();
    private String source = "outcomes";

    Builder() {}

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** Adds an account's outcome; the churn date is null when it has not churned. */
    public Builder add(AccountId id, LocalDate churnDate, LocalDate renewalDate) {
      return add(id, churnDate, renewalDate, null);
    }

    /**
     * Adds an account's outcome with the latest date it is known to have been active (null when unknown).
     */
    public Builder add(AccountId id, LocalDate churnDate, LocalDate renewalDate, LocalDate activeThrough) {
      if (churnDate == null && renewalDate == null && activeThrough == null) {
        throw DataException.of(source, "an outcome needs a churn date, a renewal date or an active-through date",
            "none for " + id);
      }
      if (map.putIfAbsent(id, new Outcome(id, churnDate, renewalDate, activeThrough)) != null) {
        throw DataException.of(source, "an account may have one outcome", "\"" + id + "\" twice");
      }
      return this;
    }

    public ChurnOutcomes build() {
      return new ChurnOutcomes(source, new LinkedHashMap<>(map));
    }
  }
}
