/**
 * Stage 5 steps: include/exclude and scored feature selection. May import the layers below it
 * and the stages before it.
 */
package org.workbench.selection;
