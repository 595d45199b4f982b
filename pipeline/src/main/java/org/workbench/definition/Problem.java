package org.workbench.definition;

import java.util.List;
import org.workbench.data.Task;

/**
 * The machine-learning problem, written down before any fitting: what to predict, what kind of
 * task it is, how success is measured and which algorithm is trained.
 */
public record Problem(String target, Task task, String metric, String positiveClass, List<String> classes,
                      String model) {

    public boolean isBinary() {
        return task == Task.CLASSIFICATION && classes.size() == 2;
    }
}
