package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card's and a set's own number is {@code revision}; files of earlier releases that call it {@code version}
 * still read, and giving both is an error naming the path. An overrides file's format version is
 * {@code formatVersion} (old name {@code version}, only as 1).
 */
class ScorecardRevisionTest {
  private static final String BODY =
      "name: r\nmeasures:\n  - {id: a, metric: a, weight: 1, rule: {type: linear, points: [[0, 0], [1, 100]]}}\n";

  @Test
  void revisionIsTheCardsNumberAndVersionItsOldName(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Files.writeString(a, "revision: 4\n" + BODY);
    Path b = dir.resolve("b.yaml");
    Files.writeString(b, "version: 4\n" + BODY);
    assertEquals(4, Scorecard.read(a).revision());
    assertEquals(4, Scorecard.read(a).version());
    assertEquals(Scorecard.read(b), Scorecard.read(a));
    assertEquals(Scorecard.read(b).ref(), Scorecard.read(a).ref());
    // written back under the new name
    String yaml = Scorecard.read(b).write(ConfigFormat.YAML);
    assertTrue(yaml.contains("revision: 4"), yaml);
    assertFalse(yaml.contains("version"), yaml);
  }

  @Test
  void bothNamesAreAnErrorAtThePath() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Scorecard.parse("revision: 2\nversion: 2\n" + BODY, ConfigFormat.YAML, "card.yaml"));
    assertTrue(e.getMessage().startsWith("card.yaml"), e.getMessage());
    assertTrue(e.where().contains("version"), e.where());
    assertTrue(e.getMessage().contains("is the old name of revision: give revision only, not both"), e.getMessage());
    ConfigException set = assertThrows(ConfigException.class, () -> ScorecardSet.parse(
        "name: s\nversion: 1\nrevision: 1\ndefault: three-axis\n", ConfigFormat.YAML, "set.yaml"));
    assertTrue(set.getMessage().contains("version") && set.getMessage().contains("not both"), set.getMessage());
    ConfigException none = assertThrows(ConfigException.class,
        () -> Scorecard.parse(BODY, ConfigFormat.YAML, "card.yaml"));
    assertTrue(none.getMessage().contains("revision") && none.getMessage().contains("is required"),
        none.getMessage());
  }

  @Test
  void theBuiltInCardsAndSetsSayRevision() {
    for (String name : Scorecard.BUILT_IN) {
      assertEquals(1, Scorecard.builtIn(name).revision());
    }
    assertEquals(1, ScorecardSet.builtIn("by-stage").revision());
  }

  @Test
  void overridesReadFormatVersionAndTheirOldVersion() {
    String list = "overrides: []\n";
    assertEquals(1, Configs("formatVersion: 1\n" + list).formatVersion());
    assertEquals(1, Configs("version: 1\n" + list).formatVersion());
    ConfigException two = assertThrows(ConfigException.class, () -> Configs("formatVersion: 2\n" + list));
    assertTrue(two.getMessage().contains("formatVersion") && two.getMessage().contains("must be 1"),
        two.getMessage());
    ConfigException old = assertThrows(ConfigException.class, () -> Configs("version: 2\n" + list));
    assertTrue(old.getMessage().contains("version") && old.getMessage().contains("old name of formatVersion"),
        old.getMessage());
    ConfigException both = assertThrows(ConfigException.class,
        () -> Configs("formatVersion: 1\nversion: 1\n" + list));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
  }

  private static Overrides Configs(String text) {
    return dev.cskit.core.Configs.parse(text, ConfigFormat.YAML, "o.yaml", Overrides.class);
  }
}
