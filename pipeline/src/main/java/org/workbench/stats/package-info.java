/**
 * Small statistics shared by several stages: the corrected resampled t-test, ROC AUC, feature-
 * target association. Imports no other Workbench package.
 */
package org.workbench.stats;
