package org.workbench.lab;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One point of a learning or validation curve: the swept value (or the share of training rows),
 * the training rows per fold, and the mean and standard deviation over the folds of the primary
 * metric on the rows the model was fitted on ("train") and on the held-out fold ("validation").
 */
public record CurvePoint(JsonNode value, int rows, double trainMean, double trainStd, double validationMean,
                         double validationStd) {
}
