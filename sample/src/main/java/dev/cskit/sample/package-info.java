/**
 * The built-in sample portfolio ({@link dev.cskit.sample.SamplePortfolio}): a deterministic, seeded
 * customer base with usage, onboarding milestones, survey answers and churn outcomes, for the demo, the
 * examples, the tests and the benchmarks.
 */
package dev.cskit.sample;
