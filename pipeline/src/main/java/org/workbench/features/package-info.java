/**
 * Stage 4 steps, each with its fitted form nested as X.Fitted: encoders, derived columns,
 * transforms, bins, polynomial terms, date parts. May import the layers below it and the stages
 * before it.
 */
package org.workbench.features;
