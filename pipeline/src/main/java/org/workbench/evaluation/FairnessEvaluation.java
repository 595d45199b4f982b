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
    private final Frame groupRows;
    private final List<FairnessRecord.FoldAudit> folds = new ArrayList<>();

    private FairnessEvaluation(FairnessAudit audit, Frame groupRows) {
        this.audit = audit;
        this.groupRows = groupRows;
    }

    /** The audit the config asks for (or one that does nothing), over the raw training rows' group columns. */
    static FairnessEvaluation start(PipelineConfig config, Problem problem, Frame rawTrain) {
        FairnessConfig cfg = config.section(FairnessConfig.class);
        if (!cfg.enabled()) {
            return new FairnessEvaluation(null, null);
        }
        // only the group columns: each fold copies its rows of them
        Frame groups = new Frame(rawTrain.features().selectColumns(cfg.groups().toArray(String[]::new)), rawTrain.target());
        return new FairnessEvaluation(new FairnessAudit(cfg, problem.task(), problem.positiveClass()), groups);
    }

    @Override
    public void scored(int fold, Split split, Predictions predicted) {
        if (audit != null) {
            Frame rows = groupRows.subset(split.test());
            folds.add(new FairnessRecord.FoldAudit(fold + 1, audit.audit(rows.features(), rows.target(), predicted)));
        }
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
        String summary = result.summary();
        FairnessRecord.Audit first = test.get(0);
        if (first.demographicParity() != null && first.demographicParity().ratio() != null) {
            summary += String.format(Locale.ROOT, "; parity ratio by %s %.4f", first.by(), first.demographicParity().ratio());
        } else if (first.rmse() != null) {
            summary += String.format(Locale.ROOT, "; rmse gap by %s %.4f", first.by(), first.rmse().difference());
        }
        EvaluationRecord data = ((EvaluationRecord) result.data()).withFairness(record);
        return new StageResult(result.stage(), summary, details, data, result.millis());
    }
}
