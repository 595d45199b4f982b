package org.workbench.evaluation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A full metric report of one set of predictions: classification, regression or clustering. In
 * {@code run.json} it carries no type name: each kind has fields only it has (a confusion matrix,
 * residuals, cluster sizes), and Jackson tells them apart by those when reading.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ClassificationReport.class), @JsonSubTypes.Type(RegressionReport.class),
        @JsonSubTypes.Type(ClusteringReport.class)})
public sealed interface ScoreReport permits ClassificationReport, RegressionReport, ClusteringReport {
    /** Rows scored. */
    int rows();
}
