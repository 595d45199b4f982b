/**
 * Stage 6: trains the configured model (TrainedModel), and Candidate, the recipe plus algorithm
 * that cross-validation and tuning refit; RecipeStages, the one list of stages 3 to 5 that the
 * pipeline runs and a candidate's recipe follows; AllSteps collects every fitted step type. May import
 * the layers below it and the stages before it.
 */
package org.workbench.training;
