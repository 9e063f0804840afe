package dev.cskit.sample;

import dev.cskit.core.AccountId;
import java.time.LocalDate;

/**
 * One invitation of a sample NPS survey and what came of it.
 *
 * @param score the 0-10 answer, null when the contact stayed silent
 * @param respondedOn the day of the answer, null when silent
 */
public record SurveyResponse(
    AccountId accountId,
    String contactId,
    LocalDate invitedOn,
    String channel,
    boolean responded,
    Integer score,
    LocalDate respondedOn) {}
