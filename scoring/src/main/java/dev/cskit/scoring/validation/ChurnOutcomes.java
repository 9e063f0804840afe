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
 * <p>CSV form ({@link #readCsv(Path)}): columns {@code account_id, churn_date, renewal_date}; either date
 * may be empty, not both.
 */
public final class ChurnOutcomes {
  /** One account's outcome. */
  public record Outcome(AccountId accountId, LocalDate churnDate, LocalDate renewalDate) {}

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
      if (churn == null && renewal == null) {
        throw row.error("churn_date", "an outcome needs a churn date or a renewal date", "both empty");
      }
      if (b.map.containsKey(id)) {
        throw row.error("account_id", "an account may have one outcome row",
            CskitException.quote(id.value()) + " twice");
      }
      b.add(id, churn, renewal);
    }
    return b.build();
  }

  /** Outcomes from Java objects, named {@code source} in errors; the same checks as the CSV form. */
  public static ChurnOutcomes of(Collection<Outcome> outcomes, String source) {
    Builder b = builder().source(source);
    for (Outcome o : outcomes) {
      b.add(o.accountId(), o.churnDate(), o.renewalDate());
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
      if (churnDate == null && renewalDate == null) {
        throw DataException.of(source, "an outcome needs a churn date or a renewal date", "neither for " + id);
      }
      if (map.putIfAbsent(id, new Outcome(id, churnDate, renewalDate)) != null) {
        throw DataException.of(source, "an account may have one outcome", "\"" + id + "\" twice");
      }
      return this;
    }

    public ChurnOutcomes build() {
      return new ChurnOutcomes(source, new LinkedHashMap<>(map));
    }
  }
}
