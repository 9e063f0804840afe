package dev.cskit.scoring;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.scoring.internal.CompiledCard;
import dev.cskit.scoring.internal.OverridePlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Overrides judged at an as-of instant and resolved against a compiled card into the engine's
 * {@link OverridePlan} (indices and values only); the plan numbers each override it keeps, and the
 * {@code sources} list maps those numbers back to the {@link ScoreOverride}s.
 */
final class ActiveOverrides {
  private ActiveOverrides() {}

  /** An override active for a (card-local) row, not yet resolved against the card. */
  record Pending(int row, ScoreOverride override) {}

  /**
   * Checks that overrides can be applied: an as-of instant when there are any, and every target a measure or
   * category of one of the cards.
   */
  static void check(Collection<ScoreOverride> overrides, Instant asOf, List<CompiledScorecard> cards,
      dev.cskit.core.Warnings warnings) {
    if (overrides.isEmpty()) {
      return;
    }
    if (asOf == null) {
      throw new ArgumentException("overrides", "an as-of instant is required to apply overrides", null);
    }
    int i = 0;
    for (ScoreOverride o : overrides) {
      boolean found = o.scope() == ScoreOverride.Scope.OVERALL;
      for (CompiledScorecard c : cards) {
        found |= o.scope() == ScoreOverride.Scope.MEASURE && c.engine().measureIndex(o.target()) >= 0;
        found |= o.scope() == ScoreOverride.Scope.CATEGORY && c.engine().categoryIndex(o.target()) >= 0;
      }
      if (!found) {
        throw ConfigException.at("overrides[" + i + "].target",
            "names no " + o.scope().id() + " of the scorecard", CskitException.quote(o.target()));
      }
      i++;
    }
    // two overrides of one account, scope and target whose windows overlap: which wins would be arbitrary
    List<ScoreOverride> list = new ArrayList<>(overrides);
    for (int a = 0; a < list.size(); a++) {
      for (int b = a + 1; b < list.size(); b++) {
        ScoreOverride x = list.get(a);
        ScoreOverride y = list.get(b);
        if (x.accountId().equals(y.accountId()) && x.scope() == y.scope()
            && java.util.Objects.equals(x.target(), y.target())
            && (x.end() == null || y.start().isBefore(x.end()))
            && (y.end() == null || x.start().isBefore(y.end()))) {
          if (x.start().equals(y.start())) {
            throw ConfigException.at("overrides[" + b + "]",
                "overlaps overrides[" + a + "] from the same start (the same account, scope and target): which"
                    + " applies is ambiguous; end one with until, or remove one",
                CskitException.quote(y.accountId()));
          }
          ScoreOverride later = y.start().isAfter(x.start()) ? y : x;
          warnings.add("overrides[" + (later == y ? b : a) + "]", "overlaps overrides[" + (later == y ? a : b)
              + "] (the same account, scope and target): from " + later.start() + " the later one applies",
              CskitException.quote(y.accountId()));
        }
      }
    }
  }

  /** Sorts overrides of one row into those active at {@code asOf} and those expired by then. */
  static void classify(List<ScoreOverride> os, int row, Instant asOf, List<Pending> active,
      Map<Integer, List<ScoreOverride>> expired) {
    for (ScoreOverride o : os) {
      if (o.activeAt(asOf)) {
        active.add(new Pending(row, o));
      } else if (o.expiredAt(asOf)) {
        expired.computeIfAbsent(row, x -> new ArrayList<>()).add(o);
      }
    }
  }

  /**
   * The engine's plan of active overrides, sorted by row, then by start (so the most recent wins); those whose
   * target the card lacks are dropped (not applied). Each kept override is appended to {@code sources}, its
   * index there being its number in the plan.
   */
  static OverridePlan plan(CompiledCard card, List<Pending> active, List<ScoreOverride> sources) {
    if (active.isEmpty()) {
      return OverridePlan.EMPTY;
    }
    List<Pending> sorted = new ArrayList<>(active);
    sorted.sort(Comparator.comparingInt(Pending::row).thenComparing(p -> p.override().start()));
    List<OverridePlan.Entry> entries = new ArrayList<>();
    for (Pending p : sorted) {
      ScoreOverride o = p.override();
      int kind = switch (o.scope()) {
        case OVERALL -> OverridePlan.OVERALL;
        case CATEGORY -> OverridePlan.CATEGORY;
        case MEASURE -> OverridePlan.MEASURE;
      };
      int index = switch (o.scope()) {
        case OVERALL -> 0;
        case CATEGORY -> card.categoryIndex(o.target());
        case MEASURE -> card.measureIndex(o.target());
      };
      if (index >= 0) {
        entries.add(new OverridePlan.Entry(p.row(), kind, index, o.value(), sources.size()));
        sources.add(o);
      }
    }
    return OverridePlan.of(entries);
  }
}
