/**
 * The data model every stage shares: Frame (features + Target), Task, Labels, Predictions,
 * seeded splits and folds, metric names, and the conversion of a table to a Tribuo dataset. May
 * import core and config.
 */
package org.workbench.data;
