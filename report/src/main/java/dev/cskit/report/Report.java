package dev.cskit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.core.CskitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cskit report: one self-contained HTML page with a section per capability (portfolio, health,
 * validation, touch model, time to value, survey), each chart an Apache ECharts option built from a library
 * result, with a one-line reading under it. ECharts ({@value #ECHARTS_VERSION}) is inlined from its WebJar,
 * so the page opens offline. Stateless and thread-safe.
 *
 * <p>The page's few lines of script hand each option to ECharts and then write a JSON status into the
 * element {@code #cskit-status}: {@code {"charts": [{"id": ..., "elements": n}], "errors": [...]}}, the
 * number of SVG elements each chart drew and any error or console error logged, for browser tests.
 */
public final class Report {
  /** The ECharts version inlined (the WebJar {@code org.webjars.npm:echarts}). */
  public static final String ECHARTS_VERSION = "5.3.1";

  private static final String ECHARTS_RESOURCE =
      "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";
  private static final AtomicLong FRAGMENTS = new AtomicLong();

  private Report() {}

  /** The report's sections, in page order; figures whose inputs are missing say so instead of drawing. */
  public static List<Section> sections(ReportInputs inputs) {
    return List.of(
        PortfolioCharts.section(inputs),
        HealthCharts.section(inputs),
        ValidationCharts.section(inputs),
        TouchCharts.section(inputs),
        TimeToValueCharts.section(inputs),
        SurveyCharts.section(inputs),
        RevenueCharts.section(inputs));
  }

  /** The report as one self-contained HTML page. */
  public static String html(ReportInputs inputs) {
    StringBuilder sb = new StringBuilder(1_200_000);
    List<Section> sections = sections(inputs);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(inputs.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>").append(escape(inputs.title())).append("</h1>\n<p class=\"meta\">")
        .append(inputs.asOf().map(d -> "As of " + d + ". ").orElse(""))
        .append("Each chart is read in one line under it; a grey box says what a chart needs and how to get it.")
        .append("</p>\n<nav>");
    for (Section s : sections) {
      sb.append("<a href=\"#").append(s.key()).append("\">").append(escape(s.title())).append("</a>");
    }
    sb.append("</nav>\n</header>\n<main>\n");
    List<Figure> drawn = new ArrayList<>();
    for (Section s : sections) {
      appendSection(sb, s, "", drawn);
    }
    sb.append("</main>\n<footer>Made by cskit with Apache ECharts ").append(ECHARTS_VERSION)
        .append(" (Apache License 2.0), inlined.</footer>\n")
        .append("<pre id=\"cskit-status\" hidden></pre>\n");
    appendScripts(sb, drawn, "");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** Writes {@link #html} to a writer. */
  public static void write(ReportInputs inputs, Writer out) throws IOException {
    out.write(html(inputs));
    out.flush();
  }

  /**
   * One section as a self-contained HTML fragment (the ECharts library included), for a notebook's HTML
   * output. Element ids get a prefix unique in this JVM, so a notebook can show several fragments.
   *
   * @throws CskitException when no section has that key
   */
  public static String sectionHtml(ReportInputs inputs, String key) {
    Section section = sections(inputs).stream().filter(s -> s.key().equals(key)).findFirst()
        .orElseThrow(() -> new CskitException("section", "must be one of portfolio, health, validation,"
            + " touchModel, timeToValue, survey", key));
    String prefix = "cskit" + FRAGMENTS.incrementAndGet() + "-";
    StringBuilder sb = new StringBuilder(1_100_000);
    sb.append("<div class=\"cskit-report\">\n<style>\n").append(CSS.replace("body {", ".cskit-report {"))
        .append("</style>\n");
    List<Figure> drawn = new ArrayList<>();
    appendSection(sb, section, prefix, drawn);
    sb.append("<pre id=\"").append(prefix).append("cskit-status\" hidden></pre>\n");
    appendScripts(sb, drawn, prefix);
    sb.append("</div>\n");
    return sb.toString();
  }

  /** The ECharts options of a report's drawn figures as one JSON array of {@code {id, option}}. */
  public static String optionsJson(ReportInputs inputs) {
    List<Figure> drawn = new ArrayList<>();
    for (Section s : sections(inputs)) {
      s.figures().stream().filter(Figure::drawn).forEach(drawn::add);
    }
    return specs(drawn, "");
  }

  private static void appendSection(StringBuilder sb, Section s, String prefix, List<Figure> drawn) {
    sb.append("<section id=\"").append(prefix).append(s.key()).append("\">\n<h2>").append(escape(s.title()))
        .append("</h2>\n<div class=\"grid\">\n");
    for (Figure f : s.figures()) {
      sb.append("<figure class=\"").append(f.drawn() ? "chart" : "missing").append("\">\n<h3>")
          .append(escape(f.title())).append("</h3>\n");
      if (f.drawn()) {
        sb.append("<div class=\"plot\" id=\"").append(prefix).append(f.id()).append("\"></div>\n");
        drawn.add(f);
      } else {
        sb.append("<div class=\"absent\" id=\"").append(prefix).append(f.id()).append("\">Not drawn</div>\n");
      }
      sb.append("<figcaption>").append(escape(f.reading())).append("</figcaption>\n</figure>\n");
    }
    sb.append("</div>\n</section>\n");
  }

  private static String specs(List<Figure> drawn, String prefix) {
    ArrayNode specs = Json.a();
    for (Figure f : drawn) {
      ObjectNode spec = Json.o().put("id", prefix + f.id());
      spec.set("option", f.option());
      specs.add(spec);
    }
    try {
      return Json.MAPPER.writeValueAsString(specs);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void appendScripts(StringBuilder sb, List<Figure> drawn, String prefix) {
    // the library sets window.echarts even where an AMD or CommonJS loader is present (Jupyter has require.js)
    sb.append("<script>\n(function (define, module, exports) {\n").append(echarts())
        .append("\n}).call(window);\n</script>\n");
    sb.append("<script type=\"application/json\" id=\"").append(prefix).append("cskit-options\">")
        .append(specs(drawn, prefix).replace("</", "<\\/")).append("</script>\n");
    String p = prefix;
    sb.append("<script>\n(function () {\n")
        .append("  var status = {charts: [], errors: []};\n")
        .append("  window.addEventListener('error', function (e) { status.errors.push(String(e.message)); });\n")
        .append("  var logError = console.error;\n")
        .append("  console.error = function () { status.errors.push(Array.prototype.join.call(arguments, ' '));"
            + " logError.apply(console, arguments); };\n")
        .append("  var charts = [];\n")
        .append("  JSON.parse(document.getElementById('").append(p).append("cskit-options').textContent)"
            + ".forEach(function (s) {\n")
        .append("    try {\n")
        .append("      var el = document.getElementById(s.id);\n")
        .append("      var chart = echarts.init(el, null, {renderer: 'svg'});\n")
        .append("      chart.setOption(s.option);\n")
        .append("      charts.push(chart);\n")
        .append("      status.charts.push({id: s.id, elements: el.querySelectorAll('svg path, svg text, svg rect')"
            + ".length});\n")
        .append("    } catch (e) { status.errors.push(s.id + ': ' + e.message); }\n")
        .append("  });\n")
        .append("  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });\n")
        .append("  document.getElementById('").append(p).append("cskit-status').textContent = JSON.stringify(status);\n")
        .append("})();\n</script>\n");
  }

  private static volatile String echarts;

  /** The minified ECharts library, read once from its WebJar. */
  static String echarts() {
    String e = echarts;
    if (e == null) {
      ClassLoader cl = Report.class.getClassLoader();
      try (InputStream in = cl == null ? ClassLoader.getSystemResourceAsStream(ECHARTS_RESOURCE)
          : cl.getResourceAsStream(ECHARTS_RESOURCE)) {
        if (in == null) {
          throw new CskitException("report", "needs Apache ECharts on the class path (org.webjars.npm:echarts:"
              + ECHARTS_VERSION + ")", ECHARTS_RESOURCE + " not found");
        }
        e = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      echarts = e;
    }
    return e;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = String.join("\n",
      "body { font-family: " + Style.FONT + "; color: #1f2328; background: #f6f7f9; margin: 0; }",
      "header { background: #1f3a5f; color: #fff; padding: 20px 32px 14px; }",
      "header h1 { margin: 0 0 6px; font-size: 26px; font-weight: 600; }",
      "header .meta { margin: 0 0 10px; color: #d7e0ea; font-size: 14px; }",
      "nav a { color: #fff; margin-right: 18px; font-size: 14px; text-decoration: none;"
          + " border-bottom: 1px solid rgba(255,255,255,.4); }",
      "main { padding: 8px 32px 24px; }",
      "section h2 { font-size: 20px; font-weight: 600; margin: 24px 0 12px; color: #1f3a5f; }",
      ".grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(600px, 1fr)); gap: 16px; }",
      "figure { margin: 0; background: #fff; border: 1px solid #e3e6ea; border-radius: 8px; padding: 12px 14px; }",
      "figure h3 { margin: 0 0 4px; font-size: 15px; font-weight: 600; }",
      ".plot { width: 100%; height: 340px; }",
      "figcaption { font-size: 13.5px; color: #3d4650; margin-top: 6px; line-height: 1.4; }",
      "figure.missing { background: #fafbfc; border-style: dashed; }",
      ".absent { height: 60px; display: flex; align-items: center; justify-content: center; color: #8a939c;"
          + " background: repeating-linear-gradient(45deg, #f1f3f5, #f1f3f5 8px, #fafbfc 8px, #fafbfc 16px);"
          + " border-radius: 6px; font-size: 13px; }",
      "footer { padding: 8px 32px 24px; color: #8a939c; font-size: 12px; }",
      "");
}
