package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigsTest {
  /** A small configuration in the shape cskit's real ones take. */
  record Card(String name, int version, List<Measure> measures) {
    Card {
      ConfigPath.root().field("name").required(name);
    }
  }

  record Measure(String id, double weight, Rule rule) {
    Measure {
      ConfigPath.root().field("weight").check(weight > 0, "must be > 0", weight);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Linear.class, name = "linear")})
  interface Rule {}

  record Linear(List<List<Double>> points) implements Rule {
    Linear {
      for (int i = 1; i < points.size(); i++) {
        ConfigPath.root().field("points").index(i).check(points.get(i).get(0) > points.get(i - 1).get(0),
            "values must be strictly increasing", points.get(i).get(0));
      }
    }
  }

  private static final String YAML =
      "name: adoption\n"
          + "version: 3\n"
          + "measures:\n"
          + "  - {id: a, weight: 2, rule: {type: linear, points: [[0, 0], [3, 40]]}}\n"
          + "  - id: b\n"
          + "    weight: 1\n"
          + "    rule: {type: linear, points: [[0, 0], [5, 100]]}\n";

  @Test
  void readsYamlAndJsonAlike(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("card.yaml");
    Files.writeString(yaml, YAML);
    Card fromYaml = Configs.read(yaml, Card.class);
    assertEquals("adoption", fromYaml.name());
    assertEquals(2, fromYaml.measures().size());
    Path json = dir.resolve("card.json");
    Files.writeString(json, Configs.write(fromYaml, ConfigFormat.JSON));
    assertEquals(fromYaml, Configs.read(json, Card.class));
    assertEquals(fromYaml, Configs.parse(Configs.write(fromYaml, ConfigFormat.YAML), ConfigFormat.YAML, "x", Card.class));
  }

  @Test
  void anUnknownFieldIsNamedWithItsPathAndLine() {
    String bad = YAML.replace("    weight: 1\n", "    weight: 1\n    wieght: 2\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(bad, ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("card.yaml", e.source());
    assertEquals("measures[1].wieght", e.path());
    assertEquals(7, e.line());
    assertEquals("card.yaml, measures[1].wieght (line 7): unknown field (known fields: id, rule, weight); found \"wieght\"",
        e.getMessage());
  }

  /**
   * Bytes that are not UTF-8 text are refused as such, naming the byte: never decoded as UTF-16 or UTF-32 (which
   * Jackson would guess from NUL bytes) into an error that speaks of Java.
   */
  @Test
  void aConfigurationIsUtf8Text(@TempDir Path dir) throws Exception {
    byte[][] cases = {
      {0, 0, 0, '{', '"', 'n', '"', ':', '1', '}'}, // what Jackson takes for UTF-32
      {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}, // UTF-16 with its byte-order mark
      {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'}, // a broken UTF-8 sequence
    };
    for (byte[] bytes : cases) {
      Path file = dir.resolve("card.json");
      Files.write(file, bytes);
      ConfigException e = assertThrows(ConfigException.class, () -> Configs.read(file, Card.class));
      String m = e.getMessage();
      org.junit.jupiter.api.Assertions.assertTrue(
          m.contains("card.json") && m.contains("UTF-8 text") && m.contains("byte ") && !m.contains("java."), m);
    }
    // a UTF-8 byte-order mark is UTF-8: read as usual
    Path bom = dir.resolve("bom.json");
    Files.write(bom, ("\uFEFF{\"name\": \"x\", \"version\": 1, \"measures\": []}").getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("x", Configs.read(bom, Card.class).name());
  }

  /** Jackson reports a record's unknown fields after its constructor: the misspelling must still win. */
  @Test
  void aMisspeltRequiredFieldIsReportedAsUnknownNotAsMissing() {
    String bad = YAML.replace("    weight: 1\n", "    wieght: 1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(bad, ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("card.yaml, measures[1].wieght (line 6): unknown field (known fields: id, rule, weight); found \"wieght\"",
        e.getMessage());
  }

  @Test
  void aBrokenRuleInsideIsPlacedInTheDocument() {
    String bad = YAML.replace("[[0, 0], [5, 100]]", "[[0, 0], [5, 100], [4, 100]]");
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(bad, ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("measures[1].rule.points[2]", e.path());
    assertEquals("values must be strictly increasing", e.rule());
    assertEquals("card.yaml, measures[1].rule.points[2] (line 7): values must be strictly increasing; found 4.0",
        e.getMessage());
  }

  @Test
  void aValueOfTheWrongKindIsNamed() {
    String bad = YAML.replace("weight: 2", "weight: heavy");
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(bad, ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("measures[0].weight", e.path());
    assertEquals("must be a number", e.rule());
    assertEquals(4, e.line());
  }

  @Test
  void anUnknownRuleTypeIsNamed() {
    String bad = YAML.replace("type: linear, points: [[0, 0], [3, 40]]", "type: curvy");
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(bad, ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("measures[0].rule", e.path());
    assertEquals("unknown type", e.rule());
    assertEquals("\"curvy\"", e.found());
  }

  @Test
  void aMissingRequiredFieldAndANonPositiveWeight() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Configs.parse("{\"version\": 1, \"measures\": []}", ConfigFormat.JSON, "c.json", Card.class));
    assertEquals("c.json, name (line 1): is required", e.getMessage());
    ConfigException w = assertThrows(ConfigException.class,
        () -> Configs.parse(YAML.replace("weight: 2", "weight: 0"), ConfigFormat.YAML, "card.yaml", Card.class));
    assertEquals("measures[0].weight", w.path());
    assertEquals("must be > 0", w.rule());
  }

  @Test
  void syntaxErrorsAndDuplicateKeysAndEmptyFiles() {
    ConfigException syntax = assertThrows(ConfigException.class,
        () -> Configs.parse("{\"name\": ", ConfigFormat.JSON, "c.json", Card.class));
    assertEquals("is not valid JSON", syntax.rule());
    ConfigException dup = assertThrows(ConfigException.class,
        () -> Configs.parse("name: a\nname: b\n", ConfigFormat.YAML, "c.yaml", Card.class));
    assertEquals(2, dup.line());
    ConfigException empty = assertThrows(ConfigException.class,
        () -> Configs.parse("  \n", ConfigFormat.YAML, "c.yaml", Card.class));
    assertEquals("c.yaml: the configuration is empty", empty.getMessage());
  }

  @Test
  void theFormatComesFromTheExtension() {
    assertEquals(ConfigFormat.YAML, ConfigFormat.of(Path.of("a.yml")));
    assertEquals(ConfigFormat.JSON, ConfigFormat.of(Path.of("a.JSON")));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFormat.of(Path.of("card.txt")));
    assertEquals("card.txt: a configuration file must end in .json, .yaml or .yml; found \"card.txt\"", e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.read(Path.of("/nonexistent/card.yaml"), Card.class));
    assertEquals("/nonexistent/card.yaml: the configuration file does not exist", e.getMessage());
  }
}
