package org.workbench.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workbench.fairness.FairnessRecord.Audit;
import org.workbench.fairness.FairnessRecord.Group;

/** The audit as the evaluation stage's detail lines: per group on the test rows, then the gaps over the folds. */
public final class FairnessLines {
    private FairnessLines() {
    }

    public static List<String> of(FairnessRecord r) {
        List<String> lines = new ArrayList<>();
        lines.add("fairness audit (" + r.predictions() + (r.positiveClass() == null ? ""
                : "; positive class '" + r.positiveClass() + "', every other class negative") + "):");
        for (Audit a : r.test()) {
            lines.add("  by " + a.by() + ":");
            int width = a.groups().stream().mapToInt(g -> g.name().length()).max().orElse(0);
            for (Group g : a.groups()) {
                lines.add("    " + group(g, width, r.minGroupSize()));
            }
            for (FairnessRecord.Gap gap : java.util.Arrays.asList(a.demographicParity(), a.equalizedOdds(), a.rmse(), a.mae())) {
                if (gap != null) {
                    lines.add("    " + gap.words());
                }
            }
            if (a.note() != null) {
                lines.add("    " + a.note());
            }
        }
        if (r.cv() != null) {
            for (FairnessRecord.FoldGaps f : r.cv()) {
                StringBuilder sb = new StringBuilder("  by " + f.by() + " over " + r.cvFolds().size() + " folds:");
                f.gaps().forEach((name, ms) -> sb.append(String.format(Locale.ROOT, " %s %.4f +/- %.4f;",
                        name.replace('_', ' '), ms[0], ms[1])));
                lines.add(sb.length() > 0 && sb.charAt(sb.length() - 1) == ';' ? sb.substring(0, sb.length() - 1) : sb.toString());
            }
        }
        return lines;
    }

    static String group(Group g, int width, int minimum) {
        String name = String.format(Locale.ROOT, "%-" + Math.max(1, width) + "s %6d rows", g.name(), g.count());
        if (g.tooSmall()) {
            return name + String.format(Locale.ROOT, "  too small (fewer than %d rows): no numbers", minimum);
        }
        if (g.rmse() != null) {
            return name + "  rmse " + number(g.rmse()) + "  mae " + number(g.mae());
        }
        return name + "  base rate " + number(g.baseRate()) + "  selection rate " + number(g.selectionRate()) + "  accuracy " + number(g.accuracy())
                + "  precision " + number(g.precision()) + "  recall (TPR) " + number(g.recall()) + "  FPR "
                + number(g.falsePositiveRate());
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
