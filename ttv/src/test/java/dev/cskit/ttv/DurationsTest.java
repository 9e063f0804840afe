package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
  static MilestoneEvent ev(String id, String type, String ts) {
    return new MilestoneEvent(AccountId.of(id), type, Instant.parse(ts));
  }

  static final TtvSpec SPEC = TtvSpec.of("contract_signed", "first_value", "churned", LocalDate.of(2026, 6, 30));

  @Test
  void statusesFractionalDaysCensoringAndMissingStart() {
    List<MilestoneEvent> events = List.of(
        ev("a", "contract_signed", "2026-06-01T00:00:00Z"),
        ev("a", "first_value", "2026-06-03T12:00:00Z"),
        ev("a", "first_value", "2026-06-02T06:00:00Z"), // the earliest value counts
        ev("b", "contract_signed", "2026-06-10T00:00:00Z"),
        ev("b", "churned", "2026-06-20T00:00:00Z"),
        ev("b", "first_value", "2026-06-25T00:00:00Z"), // after churn: churned first
        ev("c", "contract_signed", "2026-06-20T00:00:00Z"),
        ev("c", "first_value", "2026-07-05T00:00:00Z"), // after as-of: ignored, censored
        ev("d", "first_value", "2026-06-05T00:00:00Z"), // no start
        ev("e", "contract_signed", "2026-06-01T00:00:00Z"),
        ev("e", "users_invited", "2026-06-02T00:00:00Z"));
    Durations d = Durations.fromEvents(events, SPEC);
    assertEquals(4, d.accounts().size());
    AccountDuration a = d.accounts().get(0);
    assertEquals(TtvStatus.VALUE, a.status());
    assertEquals(1.25, a.days(), 1e-12);
    AccountDuration b = d.accounts().get(1);
    assertEquals(TtvStatus.CHURNED, b.status());
    assertEquals(10.0, b.days(), 1e-12);
    AccountDuration c = d.accounts().get(2);
    assertEquals(TtvStatus.ONBOARDING, c.status());
    assertEquals(11.0, c.days(), 1e-12); // to the end of the as-of day
    assertEquals(TtvStatus.ONBOARDING, d.accounts().get(3).status());
    assertEquals(30.0, d.accounts().get(3).days(), 1e-12);
    assertEquals(List.of(AccountId.of("d")), d.missingStart());
    assertEquals(List.of(1, 2, 0, 0), java.util.Arrays.stream(d.competingStatus()).boxed().toList());
    assertEquals(List.of(1, 0, 0, 0), java.util.Arrays.stream(d.valueStatus()).boxed().toList());
    // order of events changes nothing
    List<MilestoneEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new java.util.Random(3));
    assertEquals(d.accounts(), Durations.fromEvents(shuffled, SPEC).accounts());
    assertEquals(0.0, d.kaplanMeier().survival(1.0) - 1.0, 0);
    assertEquals(0.75, d.kaplanMeier().survival(2.0), 1e-12);
  }

  @Test
  void valueBeforeStartNamesTheAccount() {
    DataException e = assertThrows(DataException.class, () -> Durations.fromEvents(List.of(
        ev("acme-7", "contract_signed", "2026-06-10T00:00:00Z"),
        ev("acme-7", "first_value", "2026-06-01T00:00:00Z")), SPEC));
    assertTrue(e.getMessage().contains("\"acme-7\""), e.getMessage());
    assertTrue(e.getMessage().contains("before the start"), e.getMessage());
  }

  @Test
  void specIsAStrictVersionedConfiguration() {
    TtvSpec s = Configs.parse("{\"version\":1,\"start\":[\"signed\"],\"value\":[\"value\"],"
        + "\"churn\":[\"gone\"],\"asOf\":\"2026-06-30T00:00:00Z\"}", ConfigFormat.JSON, "spec.json", TtvSpec.class);
    assertEquals(List.of("gone"), s.churn());
    ConfigException e = assertThrows(ConfigException.class, () -> Configs.parse(
        "{\"version\":1,\"start\":[\"x\"],\"value\":[],\"asOf\":\"2026-06-30T00:00:00Z\"}",
        ConfigFormat.JSON, "spec.json", TtvSpec.class));
    assertTrue(e.getMessage().contains("value"), e.getMessage());
    // formatVersion is the format's name; version its old one, read only as 1, never both
    String rest = "\"start\":[\"signed\"],\"value\":[\"value\"],\"asOf\":\"2026-06-30T00:00:00Z\"}";
    assertEquals(1, Configs.parse("{\"formatVersion\":1," + rest, ConfigFormat.JSON, "spec.json", TtvSpec.class)
        .formatVersion());
    ConfigException two = assertThrows(ConfigException.class, () -> Configs.parse("{\"formatVersion\":2," + rest,
        ConfigFormat.JSON, "spec.json", TtvSpec.class));
    assertTrue(two.getMessage().contains("formatVersion") && two.getMessage().contains("must be 1"),
        two.getMessage());
    ConfigException both = assertThrows(ConfigException.class, () -> Configs.parse(
        "{\"formatVersion\":1,\"version\":1," + rest, ConfigFormat.JSON, "spec.json", TtvSpec.class));
    assertTrue(both.getMessage().contains("version") && both.getMessage().contains("not both"), both.getMessage());
  }
}
