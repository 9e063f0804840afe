/** JMH benchmarks of the hot scoring path. Not published. */
package dev.cskit.benchmarks;
