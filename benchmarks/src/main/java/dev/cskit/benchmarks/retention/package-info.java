/** The retention bridge benchmark: cskit against DuckDB SQL on the same subscription CSV (run by hand). */
package dev.cskit.benchmarks.retention;
