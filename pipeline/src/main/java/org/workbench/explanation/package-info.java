/**
 * Explaining single predictions of a model bundle ({@code workbench explain}): per row, how much each
 * raw input column moved the model's output. Exact for linear models, tree SHAP for XGBoost, a
 * reference-replacement estimate for the rest. Sits above deployment and monitoring (it reads
 * bundles and rows as {@code predict} does) and below serving, report, run and cli.
 */
package org.workbench.explanation;
