/**
 * Stage 3 steps, each with its fitted form nested as X.Fitted: drop columns, constant columns and
 * duplicate rows, impute, handle outliers, scale. May import the layers below it and the stages
 * before it.
 */
package org.workbench.preprocessing;
