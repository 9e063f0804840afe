package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes {@code notebooks/cskit-tour.ipynb} headlessly ({@code jupyter nbconvert --execute}) with the Java
 * kernel installed by {@code notebooks/install-kernel.sh} into a temporary Jupyter path, on the shaded
 * {@code cskit.jar} (hence an integration test, after {@code package}), and checks its outputs: no error, the
 * band table, the AUC, and the two chart sections as HTML, which (with Chromium) draw in the notebook's HTML
 * page. Skipped, saying so, without Jupyter.
 */
class NotebookIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path NOTEBOOK = ROOT.resolve("notebooks/cskit-tour.ipynb");

  @TempDir Path dir;

  @Test
  void tourNotebookRunsEndToEnd() throws Exception {
    Assumptions.assumeTrue(works("jupyter", "nbconvert", "--version"),
        "jupyter nbconvert not found: notebook test skipped (apt-get install jupyter-notebook jupyter-nbconvert)");
    assertTrue(Files.isRegularFile(ROOT.resolve("cli/target/cskit.jar")), "cli/target/cskit.jar is built");
    Path kernels = dir.resolve("jupyter/kernels");
    run(ROOT, Map.of(), 300, "bash", ROOT.resolve("notebooks/install-kernel.sh").toString(), kernels.toString());
    Path out = dir.resolve("executed.ipynb");
    execute(out);

    JsonNode nb = new ObjectMapper().readTree(out.toFile());
    StringBuilder text = new StringBuilder();
    List<String> html = new ArrayList<>();
    int codeCells = 0;
    for (JsonNode cell : nb.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      codeCells++;
      for (JsonNode o : cell.get("outputs")) {
        String type = o.get("output_type").asText();
        assertTrue(!type.equals("error"), "cell failed: " + o);
        if (type.equals("stream")) {
          assertEquals("stdout", o.get("name").asText(), "stderr output: " + join(o.get("text")));
          text.append(join(o.get("text")));
        } else if (o.has("data") && o.get("data").has("text/html")) {
          html.add(join(o.get("data").get("text/html")));
        }
      }
    }
    assertEquals(5, codeCells);
    String t = text.toString();
    assertTrue(t.matches("(?s).*\\bred\\s+\\d+.*\\byellow\\s+\\d+.*\\bgreen\\s+\\d+.*"), "band table: " + t);
    assertTrue(t.matches("(?s).*AUC 0\\.\\d+ \\(95% CI .*"), "AUC: " + t);
    assertTrue(html.stream().anyMatch(h -> h.contains("health-histogram\"") && h.contains("echarts")), "health chart");
    assertTrue(html.stream().anyMatch(h -> h.contains("validation-roc\"")), "validation chart");

    // the charts draw in a browser too, where the notebook's page has require.js loaded
    if (Chromium.available()) {
      Path page = dir.resolve("executed.html");
      run(dir, Map.of(), 300, "jupyter", "nbconvert", "--to", "html", "--output", page.toString(), out.toString());
      String dom = Chromium.run(page, "--virtual-time-budget=10000", "--dump-dom");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre id=\"cskit\\d+-cskit-status\"[^>]*>(.*?)</pre>")
          .matcher(dom);
      int fragments = 0;
      while (m.find()) {
        JsonNode status = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&"));
        assertEquals(0, status.get("errors").size(), "errors: " + status);
        assertTrue(status.get("charts").size() > 0, "no chart drawn: " + status);
        status.get("charts").forEach(c -> assertTrue(c.get("elements").asInt() >= 20, "empty chart: " + c));
        fragments++;
      }
      assertEquals(2, fragments, "chart sections in the notebook page");
    }
  }

  /**
   * Runs the notebook through {@code jupyter nbconvert --execute}. The kernel normally answers within seconds; a
   * start-up handshake that never completes (the client's {@code kernel_info} check, which also needs one message on
   * the kernel's IOPub socket) is retried on a fresh kernel, up to three attempts, and a failure reports what the
   * kernel's log says it handled, so the cause can be told apart from a failing cell. Three kernels that never
   * answer skip the test, saying why; any other failure (a cell's error, a wrong output) fails it.
   */
  private void execute(Path out) throws Exception {
    List<String> attempts = new ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      Path runtime = dir.resolve("runtime-" + attempt);
      String[] cmd = {"jupyter", "nbconvert", "--to", "notebook", "--execute",
          "--ExecutePreprocessor.kernel_name=cskit-java", "--ExecutePreprocessor.timeout=300",
          "--ExecutePreprocessor.startup_timeout=90", "--output", out.toString(), NOTEBOOK.toString()};
      Result r = start(NOTEBOOK.getParent(), Map.of("JUPYTER_PATH", dir.resolve("jupyter").toString(),
          "JUPYTER_RUNTIME_DIR", runtime.toString()), 600, cmd);
      if (r.exit == 0) {
        return;
      }
      String summary = "attempt " + attempt + ": exit " + r.exit + "; " + kernelLogSummary(r.output);
      attempts.add(summary);
      System.err.println("NotebookIT: " + summary);
      // only a kernel that never answered the start-up handshake is retried: "Kernel died" alone is also what
      // nbclient says (DeadKernelError) when a cell kills the kernel, which must fail the test, not skip it
      if (!r.output.contains("Kernel didn't respond") && !r.output.contains("Kernel died before replying")) {
        throw new AssertionError(String.join(" ", cmd) + " failed:\n" + tail(r.output));
      }
    }
    // Three fresh kernels that start (their logs show them bound and listening) but never complete the client's
    // handshake point at this machine's sockets, not at the notebook: skip, visibly, with what the kernels logged.
    String why = "notebook test skipped: the Java kernel never completed Jupyter's start-up handshake in 3 attempts "
        + "(an environment problem; cells were not run):\n" + String.join("\n", attempts);
    System.err.println("NotebookIT: " + why);
    Assumptions.abort(why);
  }

  /** What the kernel logged: how many messages of each type each channel handled, its bindings and its errors. */
  static String kernelLogSummary(String log) {
    java.util.Map<String, Integer> handled = new java.util.TreeMap<>();
    List<String> notable = new ArrayList<>();
    java.util.regex.Pattern handling = java.util.regex.Pattern.compile("\\[(\\w+Channel)\\]: Handling message: (\\w+)");
    for (String line : log.split("\n")) {
      java.util.regex.Matcher m = handling.matcher(line);
      if (m.find()) {
        handled.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
      } else if (line.contains("Binding") || line.contains("SEVERE") || line.contains("WARNING")
          || line.contains("Exception") || line.contains("rror")) {
        notable.add(line.strip());
      }
    }
    return "handled " + handled + "; notable lines: " + notable.subList(0, Math.min(notable.size(), 20));
  }

  private static String join(JsonNode textOrLines) {
    if (textOrLines.isArray()) {
      StringBuilder sb = new StringBuilder();
      textOrLines.forEach(l -> sb.append(l.asText()));
      return sb.toString();
    }
    return textOrLines.asText();
  }

  private static boolean works(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private void run(Path cwd, Map<String, String> env, int seconds, String... cmd) throws Exception {
    Result r = start(cwd, env, seconds, cmd);
    assertEquals(0, r.exit, String.join(" ", cmd) + " failed:\n" + tail(r.output));
  }

  private record Result(int exit, String output) {}

  private Result start(Path cwd, Map<String, String> env, int seconds, String... cmd) throws Exception {
    File log = Files.createTempFile(dir, "process", ".log").toFile();
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(log);
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s:\n"
          + tail(Files.readString(log.toPath())));
    }
    return new Result(p.exitValue(), Files.readString(log.toPath()));
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }
}
