package dev.cskit.scoring;

import static dev.cskit.scoring.Fixtures.cols;
import static dev.cskit.scoring.Fixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every configuration error names its path. */
class ConfigErrorsTest {
  private static final String HEAD = "name: t\nversion: 1\n";
  private static final String LIN = "{type: linear, points: [[0, 0], [10, 100]]}";

  private static ConfigException error(String yaml) {
    return assertThrows(ConfigException.class, () -> Scorecard.parse(yaml, ConfigFormat.YAML, "card.yaml"));
  }

  private static void assertError(String yaml, String path, String words) {
    ConfigException e = error(yaml);
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("card.yaml, " + path), e.getMessage());
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }

  @Test
  void pointsNotStrictlyIncreasing() {
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [5, 50], [5, 60]]}}\n",
        "measures[0].rule.points[2][0]", "strictly increasing");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n"
            + "  - {id: n, metric: y, weight: 1, rule: {type: steps, below: 0, steps: [[3, 10], [1, 50]]}}\n",
        "measures[1].rule.steps[1][0]", "strictly increasing");
  }

  /** A misspelt field is reported as unknown, not as the correct one missing, inside rules too. */
  @Test
  void aMisspeltFieldIsUnknownNotMissing() {
    assertError(HEAD + "measures:\n  - {id: m, metric: x, wieght: 1, rule: " + LIN + "}\n",
        "measures[0].wieght", "unknown field (known fields: category, id, metric, missing, rule, weight)");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: linear, pionts: [[0, 0]]}}\n",
        "measures[0].rule.pionts", "unknown field (known fields: points, type)");
    assertEquals(5, error(HEAD + "measures:\n  - id: m\n    wieght: 1\n").line());
  }

  @Test
  void aWeightAtOrBelowZero() {
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 0, rule: " + LIN + "}\n",
        "measures[0].weight", "a weight must be > 0");
    assertError(HEAD + "categories: [{id: c, weight: -1}]\nmeasures:\n  - {id: m, metric: x, category: c, weight: 1, rule: "
        + LIN + "}\n", "categories[0].weight", "a weight must be > 0");
  }

  @Test
  void aMeasureNamingAMetricTheTableLacks() {
    Scorecard card = Fixtures.yaml(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n"
        + "  - {id: n, metric: nope, weight: 1, rule: " + LIN + "}\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> card.compile().score(table(cols("x"), new double[] {1})));
    assertTrue(e.getMessage().startsWith("measures[1].metric: names a metric the table lacks"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found \"nope\""), e.getMessage());
    Scorecard trend = Fixtures.yaml(HEAD + "measures:\n  - {id: m, weight: 1, rule: {type: trend, current: x,"
        + " previous: gone, points: [[0, 0], [1, 100]], whenPreviousZero: 50}}\n");
    ConfigException t = assertThrows(ConfigException.class,
        () -> trend.compile().score(table(cols("x"), new double[] {1})));
    assertEquals("measures[0].rule.previous", t.path());
  }

  @Test
  void aCategoryNoMeasureUses() {
    assertError(HEAD + "categories: [{id: a, weight: 1}, {id: b, weight: 1}]\n"
            + "measures:\n  - {id: m, metric: x, category: a, weight: 1, rule: " + LIN + "}\n",
        "categories[1]", "a category must be used by at least one measure");
  }

  @Test
  void aMeasureNamingAnUnknownCategory() {
    assertError(HEAD + "categories: [{id: a, weight: 1}]\n"
            + "measures:\n  - {id: m, metric: x, category: a, weight: 1, rule: " + LIN + "}\n"
            + "  - {id: n, metric: x, category: zz, weight: 1, rule: " + LIN + "}\n",
        "measures[1].category", "names no category");
  }

  @Test
  void bandsOutOfOrder() {
    assertError(HEAD + "bands: [{name: red, min: 0}, {name: green, min: 70}, {name: yellow, min: 40}]\n"
            + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n",
        "bands[2].min", "increasing order");
    assertError(HEAD + "bands: [{name: red, min: 10}]\nmeasures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n",
        "bands[0].min", "start at 0");
  }

  @Test
  void aTrendWithNoWhenPreviousZero() {
    assertError(HEAD + "measures:\n  - {id: m, weight: 1, rule: {type: trend, current: a, previous: b,"
        + " points: [[0, 0], [1, 100]]}}\n", "measures[0].rule.whenPreviousZero", "is required");
  }

  @Test
  void otherErrors() {
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: steps, steps: [[1, 50]]}}\n",
        "measures[0].rule.below", "is required");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], [1, 101]]}}\n",
        "measures[0].rule.points[1][1]", "between 0 and 100");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n"
        + "  - {id: m, metric: y, weight: 1, rule: " + LIN + "}\n", "measures[1].id", "unique");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN
        + ", missing: {policy: neutral}}\n", "measures[0].missing.value", "is required");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: cubic}}\n",
        "measures[0].rule", "unknown type");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {points: [[0, 0]]}}\n",
        "measures[0].rule", "\"type\" field is required");
    assertError(HEAD + "minCoverage: 1.5\nmeasures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n",
        "minCoverage", "between 0 and 1");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n"
        + "caps: [{metric: p, op: \"=>\", value: 0, maxScore: 39}]\n", "caps[0].op", "one of");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + ", colour: red}\n",
        "measures[0].colour", "unknown field");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n  - null\n",
        "measures[1]", "is required");
    assertError(HEAD + "measures:\n  - {id: m, metric: x, weight: 1, rule: {type: linear, points: [[0, 0], null]}}\n",
        "measures[0].rule.points[1]", "is required");
    assertError("name: t\nmeasures:\n  - {id: m, metric: x, weight: 1, rule: " + LIN + "}\n", "revision", "is required");
  }

  @Test
  void errorsInAFileNameTheFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, HEAD + "measures:\n  - {id: m, metric: x, weight: -2, rule: " + LIN + "}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Scorecard.read(f));
    assertTrue(e.getMessage().startsWith(f + ", measures[0].weight"), e.getMessage());
    assertTrue(e.line() > 0);
  }

  @Test
  void setErrors() {
    ConfigException e = assertThrows(ConfigException.class, () -> ScorecardSet.parse(
        "name: s\nversion: 1\nselectors: [{stage: onboarding, scorecard: nope}]\ndefault: three-axis\n",
        ConfigFormat.YAML, "set.yaml"));
    assertTrue(e.getMessage().startsWith("set.yaml, selectors[0].scorecard (line 3): names no scorecard"),
        e.getMessage());
    ConfigException stage = assertThrows(ConfigException.class, () -> ScorecardSet.parse(
        "name: s\nversion: 1\nselectors: [{stage: dormant, scorecard: onboarding}]\ndefault: three-axis\n",
        ConfigFormat.YAML, "set.yaml"));
    assertTrue(stage.getMessage().startsWith("set.yaml, selectors[0].stage"), stage.getMessage());
  }
}
