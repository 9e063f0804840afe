package dev.cskit.sample;

import dev.cskit.core.AccountId;
import java.time.Instant;

/**
 * An onboarding milestone of a sample account: {@code contract_signed}, {@code users_invited},
 * {@code first_app_built}, {@code first_value} or {@code churned}.
 */
public record Milestone(AccountId accountId, String type, Instant timestamp) {
  public static final String CONTRACT_SIGNED = "contract_signed";
  public static final String USERS_INVITED = "users_invited";
  public static final String FIRST_APP_BUILT = "first_app_built";
  public static final String FIRST_VALUE = "first_value";
  public static final String CHURNED = "churned";
}
