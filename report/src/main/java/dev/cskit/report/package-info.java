/**
 * The cskit report: {@link dev.cskit.report.Report#html(dev.cskit.report.ReportInputs)} turns the results
 * gathered in a {@link dev.cskit.report.ReportInputs} into one self-contained HTML page of charts (Apache
 * ECharts, inlined, so it opens offline); {@link dev.cskit.report.Report#sections} gives the chart
 * specifications (ECharts options as Jackson trees) for other front ends, such as a notebook.
 */
package dev.cskit.report;
