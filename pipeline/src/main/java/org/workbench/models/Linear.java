package org.workbench.models;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** Parameters of the linear models trained by stochastic gradient descent. */
final class Linear {
    private Linear() {
    }

    static final List<Key> SGD_PARAMS = List.of(
            Key.integer("epochs", 20, "passes over the training rows"),
            Key.number("learning_rate", 0.1, "initial AdaGrad step size; smaller is slower but steadier"),
            Key.integer("minibatch", 1, "rows per gradient step"));

    static final List<Key> REGRESSION_SGD_PARAMS = List.of(
            Key.integer("epochs", 20, "passes over the training rows"),
            Key.number("learning_rate", 0.05, "initial AdaGrad step size, as a share of the target's root-mean-square"
                    + " value (so it suits any unit); smaller is slower but steadier"),
            Key.integer("minibatch", 1, "rows per gradient step"));

    /** AdaGrad's initial learning rate: the parameter times the target's scale (1 for classes). */
    static double learningRate(Section p, double targetScale) {
        return Params.positive(p, "learning_rate") * targetScale;
    }

    static int epochs(Section p) {
        return Params.atLeast(p, "epochs", 1);
    }

    static int minibatch(Section p) {
        return Params.atLeast(p, "minibatch", 1);
    }
}
