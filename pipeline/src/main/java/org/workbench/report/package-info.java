/**
 * run.json and metrics.json as types (RunRecord, RunMetrics), report.html from run.json: charts on an
 * SVG canvas, inlined, and the run comparison for workbench compare; drift.html from monitoring's
 * DriftResult. May import every stage package and monitoring; never run or cli.
 */
package org.workbench.report;
