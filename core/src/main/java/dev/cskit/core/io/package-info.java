/**
 * CSV input and output shared by every cskit module: {@link dev.cskit.core.io.CsvInput} reads rows with typed
 * cells whose errors name the file, row and column; {@link dev.cskit.core.io.CsvOutput} writes them.
 */
package dev.cskit.core.io;
