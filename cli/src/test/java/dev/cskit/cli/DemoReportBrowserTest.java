package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cskit demo --report FILE} opened in headless Chromium: every chart drew its elements, the page logged
 * no error, and a screenshot is saved as {@code cli/target/report-screenshot.png}. Skipped, saying so, where
 * Chromium is not installed.
 */
class DemoReportBrowserTest {
  /** Where the screenshot goes (the module's build folder). */
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void everyChartRendersInChromiumWithoutErrors() throws Exception {
    Assumptions.assumeTrue(Chromium.available(),
        "Chromium not found at " + Chromium.BINARY + ": browser test skipped (apt-get install chromium)");
    Path report = dir.resolve("sample.html");
    CliTestSupport r = CliTestSupport.run("demo", "--report", report.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("Wrote " + report), r.out);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(report), files.toList(), "only the report, no temporary file left");
    }
    String html = Files.readString(report);
    Set<String> expected = chartIds(html);
    assertTrue(expected.size() >= 20, "charts in the page: " + expected);

    String dom = Chromium.run(report, "--virtual-time-budget=10000", "--dump-dom");
    Matcher m = Pattern.compile("<pre id=\"cskit-status\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
    assertTrue(m.find(), "no status in the page: the page's script did not run");
    JsonNode status = new ObjectMapper().readTree(unescape(m.group(1)));
    assertEquals(List.of(), List.copyOf(iterable(status.get("errors"))), "errors logged by the page");
    Set<String> rendered = new HashSet<>();
    for (JsonNode c : status.get("charts")) {
      String id = c.get("id").asText();
      // axes, labels and marks: every chart here draws dozens of SVG elements; an empty one draws none
      assertTrue(c.get("elements").asInt() >= 20, id + " drew " + c.get("elements").asInt() + " elements");
      rendered.add(id);
    }
    assertEquals(expected, rendered);
    // and the drawn SVG is in the DOM, one per chart
    assertEquals(expected.size(), count(dom, "<svg"), "SVG roots");

    Files.createDirectories(SCREENSHOT.getParent());
    Files.deleteIfExists(SCREENSHOT);
    Chromium.run(report, "--virtual-time-budget=10000", "--window-size=1400,7000", "--screenshot=" + SCREENSHOT);
    assertTrue(Files.size(SCREENSHOT) > 100_000, "screenshot " + SCREENSHOT + " is " + Files.size(SCREENSHOT) + " bytes");
  }

  @Test
  void aReportIntoAMissingFolderIsABadFlagAndWritesNothing() {
    Path report = dir.resolve("no-such-folder").resolve("sample.html");
    CliTestSupport r = CliTestSupport.run("demo", "--report", report.toString());
    assertEquals(Main.USAGE, r.code);
    assertTrue(r.err.contains("--report"), r.err);
    assertFalse(Files.exists(report.getParent()));
  }

  private static Set<String> chartIds(String html) throws Exception {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"cskit-options\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find());
    Set<String> ids = new HashSet<>();
    for (JsonNode spec : new ObjectMapper().readTree(m.group(1).replace("<\\/", "</"))) {
      ids.add(spec.get("id").asText());
    }
    return ids;
  }

  private static List<String> iterable(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }
}
