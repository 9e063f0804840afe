package dev.cskit.core;

import dev.cskit.core.internal.CskitStyle;
import java.time.Instant;
import org.immutables.value.Value;

/** One thing a user of an account did in the product (a login, an app built, a seminar attended...). */
@Value.Immutable(builder = false)
@CskitStyle
public abstract class UsageEvent {
  @Value.Parameter
  public abstract AccountId accountId();

  /** The user; may be empty for account-level events. */
  @Value.Parameter
  public abstract String userId();

  /** The event type, such as {@code login}. */
  @Value.Parameter
  public abstract String type();

  @Value.Parameter
  public abstract Instant timestamp();

  public static UsageEvent of(AccountId accountId, String userId, String type, Instant timestamp) {
    return UsageEventImpl.of(accountId, userId, type, timestamp);
  }

  public static UsageEvent of(String accountId, String userId, String type, Instant timestamp) {
    return of(AccountId.of(accountId), userId, type, timestamp);
  }
}
