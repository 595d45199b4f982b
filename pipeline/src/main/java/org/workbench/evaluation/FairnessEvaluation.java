package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.definition.Problem;
import org.workbench.fairness.FairnessAudit;
import org.workbench.fairness.FairnessConfig;
import org.workbench.fairness.FairnessLines;
import org.workbench.fairness.FairnessRecord;
import org.workbench.stage.StageResult;

/**
 * The fairness audit inside the evaluation stage, when {@code evaluate.fairness} is set: each
 * cross-validation fold's held-out rows as the fold scores them, and the test rows as the evaluated
 * model predicts them (decision threshold applied). Groups come from the raw rows, so a column the
 * recipe drops can still be audited.
 */
final class FairnessEvaluation implements CrossValidation.FoldListener {
    private final FairnessAudit audit;
    private final boolean oneVsRest;
    private final Frame groupRows;
    private final List<FairnessRecord.FoldAudit> folds = new ArrayList<>();

    private FairnessEvaluation(FairnessAudit audit, boolean oneVsRest, Frame groupRows) {
        this.audit = audit;
        this.oneVsRest = oneVsRest;
        this.groupRows = groupRows;
    }

    /** The audit the config asks for (or one that does nothing), over the raw training rows' group columns. */
    static FairnessEvaluation start(PipelineConfig config, Problem problem, Frame rawTrain) {
        FairnessConfig cfg = config.section(FairnessConfig.class);
        if (!cfg.enabled()) {
            return new FairnessEvaluation(null, false, null);
        }
        // only the group columns: each fold copies its rows of them
        Frame groups = new Frame(rawTrain.features().selectColumns(cfg.groups().toArray(String[]::new)), rawTrain.target());
        return new FairnessEvaluation(new FairnessAudit(cfg, problem.task(), problem.positiveClass()),
                problem.classes() != null && problem.classes().size() > 2, groups);
    }

    @Override
    public void scored(int fold, Split split, Predictions predicted) {
        if (audit != null) {
            Frame rows = groupRows.subset(split.test());
            folds.add(new FairnessRecord.FoldAudit(fold + 1, audit.audit(rows.features(), rows.target(), predicted)));
        }
    }

    /**
     * The first grouping in the stage's line: each group's selection rate of the positive class (saying
     * when the other classes count as one) and the parity ratio; for regression the rmse gap.
     */
    private String summary(FairnessRecord.Audit first) {
        if (first.rmse() != null) {
            return String.format(Locale.ROOT, "; by %s: rmse gap %.4f (%s)", first.by(), first.rmse().difference(),
                    first.rmse().words().replaceFirst("^rmse: ", "").replaceFirst(";.*", ""));
        }
        if (audit.positive() == null || first.groups().size() > 6) {
            return first.demographicParity() == null || first.demographicParity().ratio() == null ? ""
                    : String.format(Locale.ROOT, "; by %s: parity ratio %.4f", first.by(), first.demographicParity().ratio());
        }
        StringBuilder sb = new StringBuilder("; by " + first.by() + ": selection rate of '" + audit.positive() + "'"
                + (oneVsRest ? " (vs the other classes)" : "") + " ");
        for (int i = 0; i < first.groups().size(); i++) {
            FairnessRecord.Group g = first.groups().get(i);
            sb.append(i == 0 ? "" : ", ").append(g.name()).append(' ').append(g.selectionRate() == null ? "too small"
                    : String.format(Locale.ROOT, "%.4f", g.selectionRate()));
        }
        Double ratio = first.demographicParity() == null ? null : first.demographicParity().ratio();
        return sb.append(ratio == null ? "" : String.format(Locale.ROOT, ", parity ratio %.4f", ratio)).toString();
    }

    /** The stage's result with the audit of the test rows and the folds added to its record, details and summary. */
    StageResult finish(StageResult result, Frame rawTest, Predictions testPredictions, boolean thresholded) {
        if (audit == null) {
            return result;
        }
        List<FairnessRecord.Audit> test = audit.audit(rawTest.features(), rawTest.target(), testPredictions);
        String predictions = "test rows" + (thresholded ? " with the decision threshold applied" : "")
                + (folds.isEmpty() ? "" : "; each cross-validation fold's held-out rows as that fold scores them");
        FairnessRecord record = new FairnessRecord(audit.config().groups(), audit.config().minGroupSize(), audit.positive(),
                predictions, test, folds.isEmpty() ? null : List.copyOf(folds),
                folds.isEmpty() ? null : FairnessAudit.overFolds(folds));
        List<String> details = new ArrayList<>(result.details());
        details.addAll(FairnessLines.of(record));
        String summary = result.summary() + summary(test.get(0));
        EvaluationRecord data = ((EvaluationRecord) result.data()).withFairness(record);
        return new StageResult(result.stage(), summary, details, data, result.millis());
    }
}
