package dev.cskit.touchmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.HealthBand;
import dev.cskit.core.LifecycleStage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TouchModelConfigTest {
  private static final String TIERS = "version: 1\n"
      + "tiers:\n"
      + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
      + "  - {name: high, hoursPerAccountMonth: 5, capacity: {hours: 50}}\n";

  private static ConfigException fails(String yaml) {
    return assertThrows(ConfigException.class, () -> TouchModel.parse(yaml, ConfigFormat.YAML, "m.yaml"));
  }

  @Test
  void tierWithoutCapacity() {
    ConfigException e = fails("version: 1\ntiers:\n  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
        + "  - {name: high, hoursPerAccountMonth: 5}\nrules: [{tier: tech}]\n");
    assertEquals("tiers[1].capacity", e.path());
    assertTrue(e.getMessage().startsWith("m.yaml, tiers[1].capacity"), e.getMessage());
    assertTrue(e.getMessage().contains("every tier needs a capacity"), e.getMessage());
  }

  @Test
  void capacityWithTwoForms() {
    ConfigException e = fails("version: 1\ntiers:\n  - {name: tech, hoursPerAccountMonth: 0, capacity: {hours: 5, seats: 3}}\n"
        + "rules: [{tier: tech}]\n");
    assertEquals("tiers[0].capacity", e.path());
  }

  @Test
  void ruleNamingAnUnknownField() {
    ConfigException e = fails(TIERS + "rules:\n  - {tier: high, when: [{field: arr, min: 5}, {field: revenue, min: 1}]}\n"
        + "  - {tier: tech}\n");
    assertEquals("rules[0].when[1].field", e.path());
    assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found \"revenue\""), e.getMessage());
  }

  @Test
  void ruleToAnUnknownTier() {
    ConfigException e = fails(TIERS + "rules:\n  - {tier: medium}\n");
    assertEquals("rules[0].tier", e.path());
  }

  @Test
  void pinToAnUnknownTier() {
    ConfigException e = fails(TIERS + "rules: [{tier: tech}]\npins:\n  - {account: A1, tier: high}\n"
        + "  - {account: A2, tier: platinum}\n");
    assertEquals("pins[1].tier", e.path());
    assertTrue(e.getMessage().contains("a pin must name a tier of the model [tech, high]"), e.getMessage());
  }

  @Test
  void otherValidations() {
    assertEquals("version", fails("version: 2\n" + TIERS.substring(11) + "rules: [{tier: tech}]\n").path());
    assertEquals("rules[0].when[0].exitMin",
        fails(TIERS + "rules: [{tier: high, when: [{field: arr, min: 5, exitMin: 6}]}]\n").path());
    assertEquals("rules[0].when[0].in[0]",
        fails(TIERS + "rules: [{tier: high, when: [{field: stage, in: [teenage]}]}]\n").path());
    assertEquals("uplift", fails(TIERS + "method: allocation\n").path());
    assertEquals("uplift.gold", fails(TIERS + "rules: [{tier: tech}]\nuplift: {gold: {red: 0.1}}\n").path());
    assertEquals("ltv.churnByTier.gold",
        fails(TIERS + "rules: [{tier: tech}]\nltv: {churnByTier: {gold: 0.1}}\n").path());
    ConfigException unknown = fails(TIERS + "rules: [{tier: tech}]\nhysterisis: {}\n");
    assertTrue(unknown.getMessage().contains("unknown field"), unknown.getMessage());
    assertEquals("playbook.entries[0].band", fails(TIERS + "rules: [{tier: tech}]\n"
        + "playbook: {entries: [{tier: high, band: red, action: upsell seats, upsell: true}]}\n").path());
  }

  @Test
  void exampleModelLoadsAndRoundTrips(@TempDir Path dir) throws Exception {
    TouchModel m = TouchModel.example();
    assertEquals(java.util.List.of("tech", "low", "high"), m.tierNames());
    assertEquals(600, m.tiers().get(2).capacityHours(), 0);
    assertEquals(75, m.tiers().get(2).slots());
    Path json = dir.resolve("model.json");
    Configs.write(m, json);
    TouchModel back = TouchModel.read(json);
    assertEquals(m, back);
    assertTrue(Files.size(json) > 100);
  }

  @Test
  void playbookMatrixKeepsUpsellForHealthyAccounts() {
    Playbook p = Playbook.defaults();
    assertEquals("business review with expansion proposal",
        p.actionFor("high", HealthBand.GREEN, LifecycleStage.EXPANSION));
    assertEquals("escalate: executive sponsor call and recovery plan",
        p.actionFor("high", HealthBand.RED, LifecycleStage.EXPANSION));
    assertEquals("in-product upgrade prompt", p.actionFor("tech", HealthBand.GREEN, LifecycleStage.EXPANSION));
    // no upsell for a yellow tech account: the generic action
    assertEquals("in-product guides and newsletter",
        p.actionFor("tech", HealthBand.YELLOW, LifecycleStage.EXPANSION));
    // a wildcard upsell entry is skipped for unhealthy bands
    Playbook wild = new Playbook(java.util.List.of(
        PlaybookEntry.of("*", "*", "*", "offer more seats", true),
        PlaybookEntry.of("*", "*", "*", "check in", false)), null, null);
    assertEquals("offer more seats", wild.actionFor("low", HealthBand.GREEN, LifecycleStage.ADOPTION));
    assertEquals("check in", wild.actionFor("low", HealthBand.RED, LifecycleStage.ADOPTION));
    assertEquals("check in", wild.actionFor("low", HealthBand.INSUFFICIENT_DATA, LifecycleStage.ADOPTION));
  }

  @Test
  void anUpsellToAnUnhealthyBandNamesTheHealthyBandsAsText() {
    ConfigException e = assertThrows(ConfigException.class, () -> new Playbook(java.util.List.of(
        PlaybookEntry.of("low", "red", "*", "offer more seats", true)), java.util.List.of("green", "yellow"), null));
    assertTrue(e.getMessage().contains("upsell is offered only to healthy bands (green, yellow)"), e.getMessage());
    assertTrue(!e.getMessage().contains("[green"), e.getMessage());
  }
}
