/**
 * Stage 5 steps, each with its fitted form nested as X.Fitted: include/exclude and scored feature
 * selection. May import the layers below it and the stages before it.
 */
package org.workbench.selection;
