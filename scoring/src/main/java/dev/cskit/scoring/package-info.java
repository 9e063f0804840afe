/** The health-score engine: scorecards compiled into thread-safe scorers, explanations and history. */
package dev.cskit.scoring;
