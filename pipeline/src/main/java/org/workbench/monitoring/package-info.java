/**
 * Drift and performance monitoring after deployment: new rows compared with the training profile a
 * bundle stores ({@code workbench drift}, and a rolling window for a server). May import
 * deployment and every layer below it; never report, run or cli.
 */
package org.workbench.monitoring;
