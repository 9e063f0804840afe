/** The {@code cskit} command line: every capability of the library, with JSON, CSV or table output. */
package dev.cskit.cli;
