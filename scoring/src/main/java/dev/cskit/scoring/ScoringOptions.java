package dev.cskit.scoring;

import dev.cskit.core.ArgumentException;

import dev.cskit.core.Account;
import dev.cskit.core.internal.CskitStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.immutables.value.Value;

/**
 * How {@link HealthScorer#score(dev.cskit.core.MetricTable, ScoringOptions)} scores a table: the accounts, the
 * overrides and the instant they are judged at, and how many threads score it. Every field is optional;
 * immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * ScoringOptions options = ScoringOptions.builder()
 *     .accounts(accounts).overrides(overrides).asOf(Instant.parse("2026-06-30T00:00:00Z"))
 *     .executor(pool).parallelism(4)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@CskitStyle
public abstract class ScoringOptions {
  /** No accounts, no overrides, one thread. */
  public static final ScoringOptions DEFAULTS = builder().build();

  /** The accounts, for a scorecard set's selectors and percentile segments; empty by default. */
  public abstract List<Account> accounts();

  /** Manual overrides: those active at {@link #asOf()} are applied, expired ones reported; none by default. */
  public abstract List<ScoreOverride> overrides();

  /** The instant overrides are judged at; required when there are overrides. */
  public abstract Optional<Instant> asOf();

  /**
   * The populations percentile measures rank against (by measure id and segment) instead of the table's own
   * rows: for scoring a portfolio in pieces (one block of a distributed job) exactly as it scores whole. With
   * the reference a whole-portfolio batch reports ({@link ScoreTable#percentileReference()}), every row gets the
   * bits it gets in that batch, and the result's {@code percentileReference()} is the given one. Absent by
   * default: the table's own rows are the population.
   */
  public abstract Optional<PercentileReference> percentileReference();

  /**
   * Where warnings go (overrides of accounts not in the table, accounts a set's selectors do not match);
   * dropped by default ({@link dev.cskit.core.Warnings#ignore()}).
   */
  @Value.Default
  public dev.cskit.core.Warnings warnings() {
    return dev.cskit.core.Warnings.ignore();
  }

  /** Runs all row ranges but the last when {@link #parallelism()} is above 1. */
  public abstract Optional<ExecutorService> executor();

  /**
   * The number of contiguous ranges of whole blocks the rows are split into, all but the last scored on
   * {@link #executor()}, the last on the calling thread; 1 (the default) scores on the calling thread. The
   * result is identical, bit for bit, for any parallelism.
   */
  @Value.Default
  public int parallelism() {
    return 1;
  }

  /** Parallelism is at least 1, and above 1 only with an executor. */
  @Value.Check
  protected void check() {
    if (parallelism() < 1 || (parallelism() > 1 && executor().isEmpty())) {
      throw new ArgumentException("parallelism", "must be at least 1, and needs an executor when above 1",
          Integer.toString(parallelism()));
    }
  }

  /** A builder; every field is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ScoringOptions}. */
  public static final class Builder extends ScoringOptionsImpl.Builder {
    Builder() {}
  }
}
