package org.workbench.explanation;

import java.util.List;
import org.workbench.data.Predictions;
import org.workbench.deployment.Manifest;

/**
 * The class whose score is explained for one row. Two classes: always the positive class (the
 * config's {@code problem.positive_class}, else the second in sorted order), so every row explains
 * the same log-odds, the quantity a decision threshold cuts. More classes: the predicted class.
 */
final class Explained {
    private Explained() {
    }

    static String positiveClass(Manifest m, List<String> classes) {
        if (m.positiveClass() != null && classes.contains(m.positiveClass())) {
            return m.positiveClass();
        }
        return classes.get(classes.size() - 1);
    }

    /** Per row, the class explained. */
    static String[] classes(Manifest m, List<String> classes, Predictions predictions) {
        String[] out = new String[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes.size() == 2 ? positiveClass(m, classes) : predictions.labels()[i];
        }
        return out;
    }
}
