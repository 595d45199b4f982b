/**
 * Stage 1: the problem (target, task, metric, positive class, algorithm) checked against the
 * target column; the pre-fit check of later stages is handed in as a PrefitCheck. May import
 * the toolkit, models, table and recipe; never a later stage.
 */
package org.workbench.definition;
