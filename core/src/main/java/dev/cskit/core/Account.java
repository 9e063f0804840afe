package dev.cskit.core;

import dev.cskit.core.internal.CskitStyle;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer account: who it is, what it pays, how many seats it bought, where it is in its life, and any
 * free-form attributes (segment, region, owner...). Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@CskitStyle
public abstract class Account {
  /** The account's id. */
  public abstract AccountId id();

  /** A display name; the id when none is given. */
  @Value.Default
  public String name() {
    return id().value();
  }

  /** Annual recurring revenue, in {@link #currency()}. */
  public abstract double arr();

  /** The ISO 4217 code of the ARR's currency. */
  @Value.Default
  public String currency() {
    return "USD";
  }

  /** Licensed seats. */
  public abstract int seats();

  /** The contract start, when known. */
  public abstract Optional<LocalDate> contractStart();

  /** The next renewal date, when known. */
  public abstract Optional<LocalDate> renewalDate();

  /** The lifecycle stage. */
  @Value.Default
  public LifecycleStage stage() {
    return LifecycleStage.ADOPTION;
  }

  /** Free-form attributes such as segment or region. */
  public abstract Map<String, String> attributes();

  /** An attribute's value, or null. */
  public String attribute(String name) {
    return attributes().get(name);
  }

  @Value.Check
  protected void check() {
    if (seats() < 0) {
      throw new ArgumentException("seats", "must be >= 0", String.valueOf(seats()));
    }
    if (!(arr() >= 0) || Double.isInfinite(arr())) {
      throw new ArgumentException("arr", "must be a finite number >= 0", String.valueOf(arr()));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Account}. */
  public static final class Builder extends AccountImpl.Builder {
    Builder() {}

    /** Sets the id from its text. */
    public Builder id(String id) {
      id(AccountId.of(id));
      return this;
    }
  }
}
