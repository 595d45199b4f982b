package org.workbench.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.workbench.report.RunRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the Spark jobs each stage starts and their wall time. Each stage runs its jobs under a job
 * group named after it; the listener hears start and end on Spark's listener bus.
 */
final class JobTimes extends SparkListener {
    private static final String GROUP = "spark.jobGroup.id";
    private final String prefix;
    private final Map<Integer, Object[]> started = new HashMap<>();
    private final Map<String, long[]> byStage = new LinkedHashMap<>();
    private int open;

    JobTimes(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        String group = start.properties() == null ? null : start.properties().getProperty(GROUP);
        if (group != null && group.startsWith(prefix)) {
            started.put(start.jobId(), new Object[] {group.substring(prefix.length()), start.time()});
            open++;
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        Object[] s = started.remove(end.jobId());
        if (s != null) {
            long[] t = byStage.computeIfAbsent((String) s[0], k -> new long[2]);
            t[0]++;
            t[1] += end.time() - (Long) s[1];
            open--;
            notifyAll();
        }
    }

    /** The job group of a stage's jobs. */
    String group(String stage) {
        return prefix + stage;
    }

    /** Per stage, in order: jobs and milliseconds; waits briefly for the bus to deliver the last ends. */
    synchronized List<RunRecord.StageJobs> stages(SparkContext sc) {
        long deadline = System.currentTimeMillis() + 2000;
        while (open > 0 && System.currentTimeMillis() < deadline) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<RunRecord.StageJobs> out = new ArrayList<>();
        byStage.forEach((stage, t) -> out.add(new RunRecord.StageJobs(stage, (int) t[0], t[1])));
        return out;
    }
}
