package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.Account;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import dev.cskit.sample.SamplePortfolio;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A portfolio scored in pieces, each against the whole batch's percentile reference
 * ({@link HealthScorer#score(MetricTable, java.util.Collection, java.util.Collection, java.time.Instant,
 * PercentileReference)}), gets the bits the whole batch gets: what the Spark adapter relies on.
 */
class ScoringInBlocksProperties {
  static final SamplePortfolio SAMPLE = SamplePortfolio.generate(300, 3);
  static final HealthScorer SCORER = ScorecardSet.builtIn("by-stage").compile();
  static final ScoreTable WHOLE = SCORER.score(SAMPLE.metrics(), ScoringOptions.builder().accounts(SAMPLE.accounts()).build());

  @Property(tries = 20)
  void piecesAgainstTheWholeReferenceEqualTheWholeBatch(@ForAll @IntRange(min = 1, max = 60) int pieceRows) {
    MetricTable all = SAMPLE.metrics();
    List<Account> accounts = SAMPLE.accounts();
    PercentileReference reference = WHOLE.percentileReference();
    for (int from = 0; from < all.rowCount(); from += pieceRows) {
      int to = Math.min(all.rowCount(), from + pieceRows);
      MetricTable.Builder b = MetricTable.builder(all.metrics());
      List<Account> mine = new ArrayList<>();
      for (int i = from; i < to; i++) {
        double[] row = new double[all.metrics().size()];
        for (int j = 0; j < row.length; j++) {
          row[j] = all.value(i, all.metrics().get(j));
        }
        b.addRow(all.accountId(i), row);
        mine.add(accounts.get(i));
      }
      ScoreTable piece = SCORER.score(b.build(), ScoringOptions.builder().accounts(mine).percentileReference(reference).build());
      for (int r = 0; r < piece.size(); r++) {
        int i = from + r;
        assertEquals(Double.doubleToLongBits(WHOLE.score(i)), Double.doubleToLongBits(piece.score(r)), "row " + i);
        assertEquals(WHOLE.band(i), piece.band(r));
        assertEquals(Double.doubleToLongBits(WHOLE.coverage(i)), Double.doubleToLongBits(piece.coverage(r)));
        for (String m : WHOLE.measureIds()) {
          assertEquals(Double.doubleToLongBits(WHOLE.measureScore(i, m)),
              Double.doubleToLongBits(piece.measureScore(r, m)), "row " + i + " " + m);
        }
      }
    }
  }

  @Test
  void aReferenceWithoutTheMeasureIsAnErrorNamingIt() {
    CskitException e = assertThrows(CskitException.class, () -> SCORER.score(SAMPLE.metrics(),
        ScoringOptions.builder().accounts(SAMPLE.accounts()).percentileReference(PercentileReference.of("other", 1, 2, 3)).build()));
    assertEquals(true, e.getMessage().contains("logins"), e.getMessage());
  }
}
