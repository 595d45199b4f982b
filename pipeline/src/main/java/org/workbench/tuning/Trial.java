package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One setting tried by the search and its cross-validated score (mean and std over folds). */
public record Trial(int number, Map<String, JsonNode> params, double mean, double std, long millis) {
}
