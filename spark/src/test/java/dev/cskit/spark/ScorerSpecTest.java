package dev.cskit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardSet;
import org.junit.jupiter.api.Test;

/** A spec from text is a set or a card by its fields, whatever the layout; its hash is the set's (no Spark). */
class ScorerSpecTest {
  @Test
  void oneLineJsonSetAndYamlCardAreToldApart() {
    ScorecardSet set = ScorecardSet.builtIn("by-stage");
    String oneLine = Configs.write(set, ConfigFormat.JSON).replace("\n", " ");
    assertEquals(set.ref().hash(), ScorerSpec.parse(oneLine, ConfigFormat.JSON, "set.json").hash());
    Scorecard card = Scorecard.builtIn("onboarding");
    assertEquals(ScorecardSet.of(card).ref().hash(),
        ScorerSpec.parse(card.write(ConfigFormat.YAML), ConfigFormat.YAML, "card.yaml").hash());
    assertEquals(ScorecardSet.of(card).ref().hash(), ScorerSpec.builtIn("onboarding").hash());
  }

  @Test
  void aBadCardIsAConfigErrorNamingTheSource() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ScorerSpec.parse("name: x\nversion: 1\nmeasures: []\n", ConfigFormat.YAML, "bad.yaml"));
    assertEquals(true, e.getMessage().contains("bad.yaml"), e.getMessage());
  }
}
