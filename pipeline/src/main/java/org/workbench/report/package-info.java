/**
 * run.json and metrics.json as types (RunRecord, RunMetrics), report.html from run.json: charts on an
 * SVG canvas, inlined, and the run comparison for workbench compare. May import every stage package;
 * never run or cli.
 */
package org.workbench.report;
