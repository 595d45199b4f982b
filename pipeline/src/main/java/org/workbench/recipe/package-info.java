/**
 * The step toolkit: Step / FittedStep, Recipe / FittedRecipe, StepJson (each step package lists
 * its own fitted types), column helpers, and RecipeStage, the shared behaviour of stages 3 to
 * 5. May import core, config, stats, data and stage.
 */
package org.workbench.recipe;
