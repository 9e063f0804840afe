package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usage} then {@code score --format json} on 50,000 accounts and 1 million events, each in a child
 * JVM limited to {@code -Xmx256m}: memory grows with the accounts, not the events (an object per event, as
 * before the streaming reader, needs about 240 MB for these events alone), and the JSON is written as it is
 * made.
 */
class LeanPipelineTest {
  private static final int ACCOUNTS = 50_000;
  private static final int EVENTS_PER_ACCOUNT = 20;

  private static int runChild(Path out, Path err, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args));
    }
    return p.exitValue();
  }

  private static void writeInputs(Path accounts, Path events) throws IOException {
    Random rnd = new Random(19);
    String[] types = {"login", "app_built", "report_run", "seminar_attended"};
    try (BufferedWriter a = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8);
        BufferedWriter e = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      a.write("account_id,name,arr,seats\n");
      e.write("account_id,user_id,event_type,timestamp\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ACCOUNTS; i++) {
        String id = "A" + i;
        a.write(id + ",Account " + i + "," + (1000 + rnd.nextInt(90_000)) + "," + (1 + rnd.nextInt(40)) + "\n");
        for (int k = 0; k < EVENTS_PER_ACCOUNT; k++) {
          int day = 1 + rnd.nextInt(30);
          sb.setLength(0);
          sb.append(id).append(",u").append(rnd.nextInt(8)).append(',').append(types[rnd.nextInt(types.length)])
              .append(",2026-06-").append(day < 10 ? "0" : "").append(day).append('T')
              .append(10 + rnd.nextInt(10)).append(":0").append(rnd.nextInt(10)).append(":1")
              .append(rnd.nextInt(10)).append("Z\n");
          e.write(sb.toString());
        }
      }
    }
  }

  @Test
  void usageAndJsonScoresIn256Megabytes(@TempDir Path dir) throws Exception {
    Path accounts = dir.resolve("accounts.csv");
    Path events = dir.resolve("events.csv");
    writeInputs(accounts, events);
    Path metrics = dir.resolve("metrics.csv");
    Path err = dir.resolve("err.txt");
    int code = runChild(metrics, err, "usage", "--accounts", accounts.toString(), "--events", events.toString(),
        "--as-of", "2026-06-30", "--windows", "14,30");
    assertEquals(0, code, Files.readString(err));
    try (Stream<String> lines = Files.lines(metrics)) {
      assertEquals(ACCOUNTS + 1, lines.count());
    }
    Path card = dir.resolve("card.yaml");
    Files.writeString(card, String.join("\n",
        "name: lean", "version: 1",
        "measures:",
        "  - {id: days, metric: active_days_30d, weight: 2, rule: {type: linear, points: [[0, 0], [20, 100]]}}",
        "  - {id: reach, metric: penetration_30d, weight: 1, rule: {type: linear, points: [[0, 0], [1, 100]]}}",
        "  - {id: logins, metric: login_14d, weight: 1, rule: {type: percentile}}",
        ""));
    Path json = dir.resolve("scores.json");
    code = runChild(json, err, "score", "--as-of", "2026-06-30", "--scorecard", card.toString(), "--metrics", metrics.toString(),
        "--format", "json", "--explain");
    assertEquals(0, code, Files.readString(err));
    long rows;
    try (Stream<String> lines = Files.lines(json)) {
      rows = lines.filter(l -> l.contains("\"accountId\"")).count();
    }
    assertEquals(ACCOUNTS, rows);
    assertTrue(Json.mapper().readTree(json.toFile()).get("accounts").get(ACCOUNTS - 1).get("score").isNumber());
  }
}
