/** Survey response-rate planning: sample sizes, invitations, channel escalation and NPS with intervals. */
package dev.cskit.survey;
