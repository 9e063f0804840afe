package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/cases.tsv}, written by {@code make-corpus.py}):
 * every case runs the command line in-process on a copy of its files and checks the exit code, that the
 * message on stderr contains the expected fragment, that a failure is one line (plus picocli's help hint for
 * usage errors) that speaks of no Java type, and that a failure changed none of the case's files.
 *
 * <p>Status {@code pending-item-2} (strict number and date parsing, issue 18 item 2, owned by issue 19) and
 * {@code pending-...} cases are reported as skipped, not passed, until their fix lands.
 */
class BadInputCorpusTest {
  private static Path work;
  private static Path base;

  @BeforeAll
  static void sample() throws IOException {
    work = Files.createTempDirectory("cskit-corpus");
    base = work.resolve("base");
    CliTestSupport r = CliTestSupport.run("sample", "--out", base.toString(), "--accounts", "40", "--seed", "42");
    assertEquals(0, r.code, r.err);
  }

  @AfterAll
  static void clean() throws IOException {
    delete(work);
  }

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/bad-input/cases.tsv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(corpus().resolve("cases.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput(String id, int exit, String status, String fragment, String args) throws Exception {
    Path caseDir = work.resolve("case-" + id);
    Files.createDirectories(caseDir);
    Path src = corpus().resolve("cases").resolve(id);
    if (Files.isDirectory(src)) {
      copy(src, caseDir);
    }
    Path tmp = Files.createTempDirectory(work, "tmp");
    TreeMap<String, Long> before = snapshot(caseDir);
    String[] argv = args.replace("{base}", base.toString()).replace("{case}", caseDir.toString())
        .replace("{tmp}", tmp.toString()).split(" ");
    Result r = run(argv, 30);
    boolean matches = r.code == exit && (fragment.equals("-") || r.err.contains(fragment));
    if (!status.equals("ok")) {
      Assumptions.abort(status + (matches ? " (now passes: mark it ok)" : "") + ": exit " + r.code + ", " + r.err);
    }
    assertEquals(exit, r.code, () -> "exit code; stderr: " + r.err);
    if (!fragment.equals("-")) {
      assertTrue(r.err.contains(fragment), () -> "stderr lacks \"" + fragment + "\": " + r.err);
    }
    assertFalse(r.err.matches("(?s).*(java\\.|Exception|CoercionConfig|`|\\tat ).*"),
        () -> "stderr speaks of Java: " + r.err);
    if (exit != 0) {
      List<String> lines = r.err.lines().filter(l -> !l.startsWith("cskit: warning:")).toList();
      assertEquals(exit == Main.USAGE ? 2 : 1, lines.size(), () -> "one line: " + r.err);
      assertEquals(before, snapshot(caseDir), "a failed command changed the case's files");
    }
  }

  record Result(int code, String out, String err) {}

  /** Runs the command line in-process, at most {@code seconds}. */
  static Result run(String[] argv, int seconds) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "corpus-case");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Integer> f = ex.submit(() -> Main.run(argv, new PrintWriter(out), new PrintWriter(err)));
      try {
        return new Result(f.get(seconds, TimeUnit.SECONDS), out.toString(), err.toString());
      } catch (TimeoutException e) {
        f.cancel(true);
        fail("no answer within " + seconds + " s: " + String.join(" ", argv));
        return null;
      }
    } finally {
      ex.shutdownNow();
    }
  }

  /** Every file under a folder with its size and modification time. */
  static TreeMap<String, Long> snapshot(Path dir) throws IOException {
    TreeMap<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(p -> {
        try {
          m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p) * 31
              + Files.getLastModifiedTime(p).toMillis());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return m;
  }

  static void copy(Path src, Path dst) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path d = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(d);
        } else {
          Files.copy(p, d);
        }
      }
    }
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }
}
