package org.workbench.training;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo and XGBoost log progress at INFO, which would flood the console. The loggers are held in
 * static fields because java.util.logging keeps only weak references: a level set on a logger
 * nobody holds is lost when it is garbage-collected.
 */
final class QuietLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger XGBOOST = Logger.getLogger("ml.dmlc");

    static {
        TRIBUO.setLevel(Level.WARNING);
        XGBOOST.setLevel(Level.WARNING);
    }

    private QuietLogging() {
    }

    /** Loading this class sets the levels; calling it just makes sure the class is loaded. */
    static void apply() {
    }
}
