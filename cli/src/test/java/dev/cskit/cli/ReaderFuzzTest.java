package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cskit.core.Accounts;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageEvents;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.validation.ChurnOutcomes;
import dev.cskit.survey.EscalationPlan;
import dev.cskit.touchmodel.TouchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the CSV and configuration readers with mutated valid files (issue 18): every try either reads or
 * fails with a {@link CskitException} whose message is one line; never another exception, never a hang (each
 * try has a time limit). The valid files come from the sample portfolio and the built-in configurations.
 */
class ReaderFuzzTest {
  private static final SamplePortfolio SAMPLE = SamplePortfolio.generate(12, 42);
  private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-try");
    t.setDaemon(true);
    return t;
  });
  private static final int TRIES = 120;

  @AfterContainer
  static void stop() {
    RUNNER.shutdownNow();
  }

  /** One mutation of a text: where, what and how much. */
  record Mutation(int kind, double at, double length, String insert) {
    String apply(String s) {
      int n = s.length();
      int i = (int) (at * n);
      int len = Math.max(1, (int) (length * Math.min(n, 200)));
      int j = Math.min(n, i + len);
      return switch (kind) {
        case 0 -> s.substring(0, i) + insert + s.substring(i); // insert
        case 1 -> s.substring(0, i) + s.substring(j); // delete
        case 2 -> s.substring(0, i) + insert + s.substring(j); // replace
        case 3 -> s.substring(0, i); // truncate
        case 4 -> s.substring(0, j) + s.substring(i, j) + s.substring(j); // duplicate
        default -> s.substring(0, i) + insert.repeat(50) + s.substring(i); // a run
      };
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> inserts = Arbitraries.oneOf(
        Arbitraries.of(",", "\"", "\n", "\r\n", ":", "- ", "  ", "{", "}", "[", "]", "&a ", "*a", "#", "!!", "~",
            "NaN", "-1", "1e400", "0x1F", "2026-02-30", "\u0000", "\uFEFF", "é", "\t", "null", "true", "'"),
        Arbitraries.strings().ofMaxLength(6));
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
        Arbitraries.doubles().between(0, 1), inserts).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  static String mutate(String valid, List<Mutation> ms) {
    String s = valid;
    for (Mutation m : ms) {
      s = m.apply(s);
    }
    return s;
  }

  /** Runs a read within a time limit: it returns, or throws a one-line CskitException. */
  static void check(String name, String text, Consumer<Path> read) throws Exception {
    Path dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try {
      Future<?> f = RUNNER.submit(() -> read.accept(file));
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        fail("no answer within 10 s for " + name + ":\n" + text);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (!(c instanceof CskitException)) {
          throw new AssertionError("not a CskitException for " + name + ": " + c + "\n" + text, c);
        }
        String m = c.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), () -> "a message of more than one line: " + m);
        assertFalse(m.contains("java.") || m.contains("CoercionConfig") || m.contains("`"),
            () -> "a message speaking of Java: " + m);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  static String accountsCsv() {
    StringWriter w = new StringWriter();
    Accounts.writeCsv(SAMPLE.accounts(), w);
    return w.toString();
  }

  static String metricsCsv() {
    StringWriter w = new StringWriter();
    SAMPLE.metrics().writeCsv(w);
    return w.toString();
  }

  static String eventsCsv() {
    StringWriter w = new StringWriter();
    try (var events = SAMPLE.usageEvents()) {
      UsageEvents.writeCsv(events.limit(60).iterator(), w);
    }
    return w.toString();
  }

  static String resource(Class<?> c, String name) throws IOException {
    try (InputStream in = c.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static final String DURATIONS = "account_id,time,status\nA1,3.5,1\nA2,10,0\nA3,1e1,1\nA4,0,1\nA5,40.25,0\n";
  static final String OUTCOMES = "account_id,churn_date,renewal_date\nA1,,2026-08-20\nA2,2026-02-01,2026-12-02\n";

  @Property(tries = TRIES)
  void accounts(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("accounts.csv", mutate(accountsCsv(), ms), Accounts::readCsv);
  }

  @Property(tries = TRIES)
  void metrics(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("metrics.csv", mutate(metricsCsv(), ms), MetricTable::readCsv);
  }

  @Property(tries = TRIES)
  void events(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("events.csv", mutate(eventsCsv(), ms), UsageEvents::readCsv);
  }

  @Property(tries = TRIES)
  void outcomes(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("outcomes.csv", mutate(OUTCOMES, ms), ChurnOutcomes::readCsv);
  }

  /** Durations are read by the command line ({@code ttv km}): exit 0 or 3 with one line, never 1. */
  @Property(tries = TRIES)
  void durations(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("durations.csv", mutate(DURATIONS, ms), f -> {
      CliTestSupport r = CliTestSupport.run("ttv", "km", "--input", f.toString());
      if (r.code == Main.INVALID_INPUT) {
        throw new CskitException(null, r.err.strip(), null);
      }
      assertEquals(Main.OK, r.code, () -> "exit " + r.code + ": " + r.err);
    });
  }

  @Property(tries = TRIES)
  void scorecard(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("card.yaml", mutate(resource(Scorecard.class, "three-axis.yaml"), ms), Scorecard::read);
  }

  @Property(tries = TRIES)
  void scorecardJson(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("card.json", mutate(Scorecard.builtIn("onboarding").write(ConfigFormat.JSON), ms), Scorecard::read);
  }

  @Property(tries = TRIES)
  void touchModel(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("model.yaml", mutate(resource(TouchModel.class, "example-touch-model.yaml"), ms), TouchModel::read);
  }

  @Property(tries = TRIES)
  void surveyPlan(@ForAll("mutations") List<Mutation> ms) throws Exception {
    check("plan.yaml", mutate(resource(EscalationPlan.class, "escalation-plan-example.yaml"), ms),
        p -> EscalationPlan.read(p).cheapest());
  }
}
