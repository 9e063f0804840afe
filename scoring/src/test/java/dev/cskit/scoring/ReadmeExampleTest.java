package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import dev.cskit.core.UsageEvents;
import dev.cskit.core.Account;
import dev.cskit.sample.SamplePortfolio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of the README, run on files written from the sample portfolio. */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
    SamplePortfolio sample = SamplePortfolio.generate(60, 42);
    Accounts.writeCsv(sample.accounts(), dir.resolve("accounts.csv"));
    UsageEvents.writeCsv(sample.usageEvents().collect(Collectors.toList()), dir.resolve("events.csv"));
    Files.writeString(dir.resolve("scorecard.yaml"),
        "name: usage-only\nversion: 1\nmeasures:\n"
            + "  - {id: active_days, metric: active_days_30d, weight: 2,"
            + " rule: {type: linear, points: [[0, 0], [8, 60], [20, 100]]}}\n"
            + "  - {id: seat_use, metric: penetration_30d, weight: 1,"
            + " rule: {type: linear, points: [[0.2, 0], [0.8, 100]]}}\n");

    // --- as in the README, with the files in dir ---
    List<Account> accounts = Accounts.readCsv(dir.resolve("accounts.csv"));
    MetricTable usage = UsageAggregator.builder().asOf(LocalDate.of(2026, 6, 30)).windows(14, 30).build()
        .aggregate(accounts, UsageEvents.readCsv(dir.resolve("events.csv")));
    HealthScorer scorer = Scorecard.read(dir.resolve("scorecard.yaml")).compile();
    ScoreTable scores = scorer.score(usage);
    String table = scores.toString();
    String why = scores.get(AccountId.of("A00042")).attribution().toString();
    // ---

    assertEquals(60, scores.size());
    assertTrue(table.startsWith("ScoreTable 60 accounts, usage-only v1") && table.contains("A00001"), table);
    assertTrue(why.contains(" = active_days "), why);
    HealthScore one = scores.get(AccountId.of("A00042"));
    assertTrue(why.startsWith(String.format(java.util.Locale.ROOT, "%.1f ", one.score())), why);
  }
}
