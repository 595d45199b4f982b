/**
 * Stage 4 steps: encoders, derived columns, transforms, bins, polynomial terms, date parts. May
 * import the layers below it and the stages before it.
 */
package org.workbench.features;
