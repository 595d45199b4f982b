/**
 * Stage 7: metrics from predictions, cross-validation, fold scoring, decision thresholds, and
 * FinalModel, the model a run ends with. May import the layers below it and the stages before
 * it.
 */
package org.workbench.evaluation;
