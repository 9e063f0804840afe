package dev.cskit.survey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigPath;
import dev.cskit.core.TouchTier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One wave of an escalation plan: a channel (e-mail, reminder, in-app, phone, visit) sent to the contacts
 * still silent.
 *
 * @param name a unique name, such as {@code reminder-1}
 * @param channel the channel, free text ({@code email}, {@code in-app}, {@code phone}, {@code visit}...)
 * @param rate the response rate among the silent contacts this wave reaches, in [0, 1]
 * @param costPerContact what one contact costs (any currency, or minutes), 0 or more
 * @param capacity the most contacts this wave can make (calls per week times the weeks it runs); null for
 *     no limit; when given, 1 or more
 * @param tiers the touch tiers this wave is for (visits only for {@code high}, say); null or empty for all
 * @param required whether every plan must include this wave (the first e-mail, say)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wave(
    String name,
    String channel,
    double rate,
    double costPerContact,
    Long capacity,
    List<String> tiers,
    boolean required) {

  /**
   * @throws ConfigException when a field breaks its rule (paths relative to the wave)
   */
  public Wave {
    ConfigPath root = ConfigPath.root();
    root.field("name").check(name != null && !name.isBlank(), "is required and must not be blank", name);
    if (channel == null || channel.isBlank()) {
      channel = name;
    }
    root.field("rate").check(rate >= 0 && rate <= 1, "must be a response rate between 0 and 1", rate);
    root.field("costPerContact")
        .check(costPerContact >= 0 && !Double.isInfinite(costPerContact), "must be a finite number, 0 or more", costPerContact);
    if (capacity != null) {
      root.field("capacity")
          .check(capacity >= 1, "must be 1 or more contacts (leave it out for no limit); a wave with no capacity reaches nobody", capacity);
    }
    if (tiers != null) {
      for (int i = 0; i < tiers.size(); i++) {
        String t = tiers.get(i);
        root.field("tiers").index(i).check(t != null && !t.isBlank(), "must be a touch tier name", t);
      }
      tiers = List.copyOf(tiers);
    }
  }

  /** Binds a wave from configuration: {@code rate} is required, {@code costPerContact} defaults to 0. */
  @JsonCreator
  static Wave fromConfig(
      @JsonProperty("name") String name,
      @JsonProperty("channel") String channel,
      @JsonProperty("rate") Double rate,
      @JsonProperty("costPerContact") Double costPerContact,
      @JsonProperty("capacity") Long capacity,
      @JsonProperty("tiers") List<String> tiers,
      @JsonProperty("required") Boolean required) {
    ConfigPath.root().field("rate").required(rate);
    return new Wave(name, channel, rate, costPerContact == null ? 0 : costPerContact, capacity, tiers,
        required != null && required);
  }

  /** A wave for every tier with no capacity limit, not required. */
  public static Wave of(String name, double rate, double costPerContact) {
    return new Wave(name, name, rate, costPerContact, null, null, false);
  }

  /** This wave with a capacity. */
  public Wave withCapacity(long contacts) {
    return new Wave(name, channel, rate, costPerContact, contacts, tiers, required);
  }

  /** This wave for these tiers only. */
  public Wave forTiers(TouchTier... only) {
    return new Wave(
        name, channel, rate, costPerContact, capacity,
        java.util.Arrays.stream(only).map(TouchTier::name).toList(), required);
  }

  /** This wave, required in every plan. */
  public Wave asRequired() {
    return new Wave(name, channel, rate, costPerContact, capacity, tiers, true);
  }

  /** The tiers this wave is for; empty for all. */
  public Set<TouchTier> tierSet() {
    Set<TouchTier> s = new LinkedHashSet<>();
    if (tiers != null) {
      for (String t : tiers) {
        s.add(TouchTier.of(t));
      }
    }
    return s;
  }

  /** Whether this wave reaches a tier. */
  public boolean reaches(TouchTier tier) {
    return tiers == null || tiers.isEmpty() || tierSet().contains(tier);
  }
}
