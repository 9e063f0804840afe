package dev.cskit.ttv;

import dev.cskit.core.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * One onboarding milestone of an account: its type (e.g. {@code contract_signed}, {@code first_value},
 * {@code churned}) and when it happened.
 *
 * @param accountId the account
 * @param type the milestone type
 * @param timestamp when it happened
 */
public record MilestoneEvent(AccountId accountId, String type, Instant timestamp) {
  public MilestoneEvent {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
