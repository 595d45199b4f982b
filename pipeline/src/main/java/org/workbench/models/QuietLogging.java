package org.workbench.models;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo and XGBoost log progress at INFO, and LibSVM prints to stdout, which would flood the console. The loggers are held in
 * static fields because java.util.logging keeps only weak references: a level set on a logger
 * nobody holds is lost when it is garbage-collected.
 */
public final class QuietLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger XGBOOST = Logger.getLogger("ml.dmlc");

    static {
        TRIBUO.setLevel(Level.WARNING);
        XGBOOST.setLevel(Level.WARNING);
        // LibSVM prints "optimization finished, #iter = ..." straight to stdout on every fit
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    private QuietLogging() {
    }

    /** Loading this class sets the levels; calling it just makes sure the class is loaded. */
    public static void apply() {
    }
}
