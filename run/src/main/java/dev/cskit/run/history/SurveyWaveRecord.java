package dev.cskit.run.history;

import java.time.LocalDate;

/**
 * A survey wave known at a snapshot: invitations sent on a date through a channel, and the answers.
 *
 * @param date the invitation date
 * @param channel the channel
 * @param invited contacts invited
 * @param responded contacts who answered
 */
public record SurveyWaveRecord(LocalDate date, String channel, long invited, long responded) {}
