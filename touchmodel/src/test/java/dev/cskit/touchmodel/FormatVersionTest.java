package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import org.junit.jupiter.api.Test;

/** The configuration's format version and the model's own revision are two fields with two names. */
class FormatVersionTest {
  private static final String BODY = "tiers:\n"
      + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
      + "rules: [{tier: tech}]\n";

  private static TouchModel parse(String head) {
    return TouchModel.parse(head + BODY, ConfigFormat.YAML, "m.yaml");
  }

  @Test
  void revisionBumpsFreely() {
    TouchModel m = parse("formatVersion: 1\nrevision: 7\n");
    assertEquals(1, m.formatVersion());
    assertEquals(7, m.revision());
  }

  @Test
  void oldFilesWithVersionOneStillRead() {
    TouchModel m = parse("version: 1\n");
    assertEquals(1, m.formatVersion());
    assertNull(m.version());
    assertNull(m.revision());
  }

  @Test
  void aBumpedOldVersionSaysWhatToRename() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("version: 2\n"));
    assertEquals("version", e.path());
    assertTrue(e.getMessage().contains("rename it formatVersion") && e.getMessage().contains("revision"),
        e.getMessage());
    ConfigException both = assertThrows(ConfigException.class, () -> parse("formatVersion: 1\nversion: 1\n"));
    assertEquals("version", both.path());
    ConfigException future = assertThrows(ConfigException.class, () -> parse("formatVersion: 2\n"));
    assertEquals("formatVersion", future.path());
    assertThrows(ConfigException.class, () -> parse("formatVersion: 1\nrevision: 0\n"));
    assertEquals("formatVersion", assertThrows(ConfigException.class, () -> parse("")).path());
  }
}
