/** The built-in sample portfolio, for the demo, examples, tests and benchmarks. Not a library dependency. */
module dev.cskit.sample {
  requires transitive dev.cskit.core;
  requires com.google.common;

  exports dev.cskit.sample;
}
