/**
 * Stage 3 steps: drop columns, constant columns and duplicate rows, impute, handle outliers,
 * scale. May import the layers below it and the stages before it.
 */
package org.workbench.preprocessing;
