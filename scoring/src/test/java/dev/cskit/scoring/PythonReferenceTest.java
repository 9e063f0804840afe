package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in cards on a 300-account sample against an independent Python implementation of the issue's
 * semantics ({@code reference/scorecard.py}; the commands that produced the CSVs are in its header).
 */
class PythonReferenceTest {
  static Path resource(String name) throws Exception {
    return Path.of(PythonReferenceTest.class.getResource("/reference/sample300/" + name).toURI());
  }

  @Test
  void builtInCardsMatchThePythonReference() throws Exception {
    MetricTable metrics = MetricTable.readCsv(resource("metrics.csv"));
    List<Account> accounts = Accounts.readCsv(resource("accounts.csv"));
    for (String card : Scorecard.BUILT_IN) {
      ScoreTable s = Scorecard.builtIn(card).compile().score(metrics, ScoringOptions.builder().accounts(accounts).build());
      List<String> lines = Files.readAllLines(resource(card + ".csv"));
      String[] head = lines.get(0).split(",", -1);
      assertEquals(metrics.rowCount(), lines.size() - 1);
      double maxDiff = 0;
      for (int r = 1; r < lines.size(); r++) {
        String[] c = lines.get(r).split(",", -1);
        int i = s.rowOf(dev.cskit.core.AccountId.of(c[0]));
        assertEquals(c[2], s.band(i).name(), c[0]);
        for (int k = 1; k < head.length; k++) {
          if (k == 2) {
            continue;
          }
          double actual;
          if (head[k].equals("score")) {
            actual = s.score(i);
          } else if (head[k].equals("coverage")) {
            actual = s.coverage(i);
          } else if (head[k].startsWith("category_")) {
            actual = s.categoryScore(i, head[k].substring(9));
          } else {
            actual = s.measureScore(i, head[k].substring(8));
          }
          if (c[k].isEmpty()) {
            assertTrue(Double.isNaN(actual), c[0] + " " + head[k] + " " + actual);
          } else {
            maxDiff = Math.max(maxDiff, Math.abs(actual - Double.parseDouble(c[k])));
          }
        }
      }
      assertTrue(maxDiff < 1e-9, card + ": max abs difference " + maxDiff);
      System.out.println(card + ": max abs difference vs Python " + maxDiff);
    }
  }
}
