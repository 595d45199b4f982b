package org.workbench.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.data.MetricNames;
import org.workbench.evaluation.Overfitting;

/**
 * Plain-language diagnosis of learning and validation curves, with the numbers it rests on.
 *
 * <p>Scores are judged against the <em>room</em> between the baseline (the most-frequent-class or
 * mean model, cross-validated on the same folds) and a perfect score (1 for scores, 0 for errors):
 * <ul>
 *   <li><b>overfitting</b>, as everywhere ({@link Overfitting}): the training score beats the
 *       validation score by at least {@code overfitGap} (evaluate.overfit_gap, default 0.10) of the room;</li>
 *   <li><b>underfitting</b>: the training score covers less than {@code underfitShare} (default 0.50)
 *       of the room, i.e. even on the rows it was fitted on the model is closer to the baseline than
 *       to perfect;</li>
 *   <li>a learning curve is <b>still improving</b> when validation improved by at least
 *       {@code stillRising} (default 0.01) of the room between the last two sizes.</li>
 * </ul>
 * Numbers in the text are the values recorded in {@code run.json}, rounded to 3 decimals.
 */
public final class Diagnosis {
    private final String metric;
    private final double baseline;
    private final Overfitting overfitting;
    private final double underfitShare;
    /** Validation gain between the last two learning-curve sizes, as a share of the room, that counts as rising. */
    private final double stillRising;

    public Diagnosis(String metric, double baseline, double overfitGap, double underfitShare, double stillRising) {
        this.metric = metric;
        this.baseline = baseline;
        this.overfitting = new Overfitting(metric, baseline, overfitGap);
        this.underfitShare = underfitShare;
        this.stillRising = stillRising;
    }

    /** What the diagnosis found: a kind (overfitting, underfitting, both, good fit), its text, and its numbers. */
    public record Finding(String kind, String text, Map<String, Object> numbers) {
    }

    private boolean higher() {
        return MetricNames.higherIsBetter(metric);
    }

    public double room() {
        return overfitting.room();
    }

    /** How much better the model scores on its training rows than on held-out rows. */
    public double gap(CurvePoint p) {
        return overfitting.gap(p.trainMean(), p.validationMean());
    }

    /** The largest gap that is not yet overfitting, in metric units. */
    public double gapLimit() {
        return overfitting.limit();
    }

    /** The training score below (above, for errors) which the model underfits. */
    public double underfitLevel() {
        return higher() ? baseline + underfitShare * room() : baseline - underfitShare * room();
    }

    public boolean overfits(CurvePoint p) {
        return overfitting.overfits(p.trainMean(), p.validationMean());
    }

    public boolean underfits(CurvePoint p) {
        return higher() ? p.trainMean() < underfitLevel() : p.trainMean() > underfitLevel();
    }

    /** The index of the best validation score; ties go to the first (simplest) value. */
    public int best(List<CurvePoint> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            double v = points.get(i).validationMean();
            if (higher() ? v > points.get(best).validationMean() : v < points.get(best).validationMean()) {
                best = i;
            }
        }
        return best;
    }

    /** Diagnosis of a validation curve over {@code param} (a short name, e.g. max_depth). */
    public Finding validationCurve(String param, List<CurvePoint> points) {
        int best = best(points);
        CurvePoint b = points.get(best);
        List<String> text = new ArrayList<>();
        Map<String, Object> numbers = numbers();
        numbers.put("best_value", b.value());
        numbers.put("best_validation", b.validationMean());
        numbers.put("best_train", b.trainMean());
        text.add(String.format(Locale.ROOT, "Best validation %s %s at %s = %s (training %s, gap %s).", metric,
                f(b.validationMean()), param, b.value(), f(b.trainMean()), f(gap(b))));

        int overFrom = -1;
        for (int i = best; i < points.size(); i++) {
            if (overfits(points.get(i))) {
                overFrom = i;
                break;
            }
        }
        int underTo = -1;
        for (int i = 0; i <= best; i++) {
            if (underfits(points.get(i))) {
                underTo = i;
            }
        }
        if (overFrom >= 0) {
            CurvePoint last = points.get(points.size() - 1);
            CurvePoint worst = points.get(overFrom);
            for (int i = overFrom; i < points.size(); i++) {
                if (gap(points.get(i)) > gap(worst)) {
                    worst = points.get(i);
                }
            }
            numbers.put("overfitting_from", points.get(overFrom).value());
            numbers.put("largest_gap_at", worst.value());
            numbers.put("largest_gap", gap(worst));
            text.add(String.format(Locale.ROOT, "Overfitting from %s = %s on: at %s = %s training %s %s vs validation %s"
                    + " (gap %s, above the limit %s).", param, points.get(overFrom).value(), param, worst.value(), metric,
                    f(worst.trainMean()), f(worst.validationMean()), f(gap(worst)), f(gapLimit())));
            if (last != b) {
                double trainChange = last.trainMean() - b.trainMean();
                double validationChange = last.validationMean() - b.validationMean();
                numbers.put("train_change_after_best", trainChange);
                numbers.put("validation_change_after_best", validationChange);
                text.add(String.format(Locale.ROOT, "From %s = %s to %s = %s the training score moves by %s while"
                        + " validation moves by %s.", param, b.value(), param, last.value(), signed(trainChange),
                        signed(validationChange)));
            }
        }
        if (underTo >= 0) {
            CurvePoint first = points.get(0);
            numbers.put("underfitting_to", points.get(underTo).value());
            String where = underTo == 0 ? "at " + param + " = " + first.value()
                    : "up to " + param + " = " + points.get(underTo).value() + ": at " + param + " = " + first.value();
            text.add(String.format(Locale.ROOT, "Underfitting %s training %s %s and validation %s are %s %s"
                    + " (%.0f%% of the way from the baseline %s to a perfect score).", where + (underTo == 0 ? ":" : ""),
                    metric, f(first.trainMean()), f(first.validationMean()), higher() ? "below" : "above",
                    f(underfitLevel()), underfitShare * 100, f(baseline)));
        }
        if (overFrom < 0 && underTo < 0) {
            double largest = points.stream().mapToDouble(this::gap).max().orElse(0);
            numbers.put("largest_gap", largest);
            text.add(String.format(Locale.ROOT, "Neither overfitting nor underfitting over these values: the largest gap"
                    + " is %s (limit %s) and every training score clears %s.", f(largest), f(gapLimit()), f(underfitLevel())));
        }
        String kind = overFrom >= 0 && underTo >= 0 ? "both" : overFrom >= 0 ? "overfitting" : underTo >= 0 ? "underfitting" : "good fit";
        return new Finding(kind, String.join(" ", text), numbers);
    }

    /** Diagnosis of a learning curve: the fit at the largest size and whether more rows still help. */
    public Finding learningCurve(List<CurvePoint> points) {
        CurvePoint last = points.get(points.size() - 1);
        Map<String, Object> numbers = numbers();
        List<String> text = new ArrayList<>();
        boolean over = overfits(last);
        boolean under = underfits(last);
        String kind = over && under ? "both" : over ? "overfitting" : under ? "underfitting" : "good fit";
        String verdict = switch (kind) {
            case "overfitting" -> String.format(Locale.ROOT, "overfitting: the gap is above the limit %s", f(gapLimit()));
            case "underfitting" -> String.format(Locale.ROOT, "underfitting: training %s is %s the level %s", f(last.trainMean()),
                    higher() ? "below" : "above", f(underfitLevel()));
            case "both" -> String.format(Locale.ROOT, "both overfitting (gap above %s) and underfitting (training %s the level %s)",
                    f(gapLimit()), higher() ? "below" : "above", f(underfitLevel()));
            default -> "a good fit";
        };
        text.add(String.format(Locale.ROOT, "With %d training rows per fold: training %s %s vs validation %s (gap %s), %s.",
                last.rows(), metric, f(last.trainMean()), f(last.validationMean()), f(gap(last)), verdict));
        numbers.put("rows", last.rows());
        numbers.put("train", last.trainMean());
        numbers.put("validation", last.validationMean());
        numbers.put("gap", gap(last));
        if (points.size() >= 2) {
            CurvePoint before = points.get(points.size() - 2);
            double gain = higher() ? last.validationMean() - before.validationMean() : before.validationMean() - last.validationMean();
            boolean rising = gain >= stillRising * room();
            numbers.put("last_validation_change", last.validationMean() - before.validationMean());
            numbers.put("still_rising", rising);
            text.add(String.format(Locale.ROOT, "From %d to %d rows validation %s changed by %s: %s.", before.rows(), last.rows(),
                    metric, signed(last.validationMean() - before.validationMean()), rising
                            ? "still improving, so more data would likely help"
                            : "flat, so more of the same data will not help much"));
        }
        return new Finding(kind, String.join(" ", text), numbers);
    }

    private Map<String, Object> numbers() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("metric", metric);
        n.put("baseline", baseline);
        n.put("gap_limit", gapLimit());
        n.put("underfit_level", underfitLevel());
        return n;
    }

    /** Three decimals, as everywhere in the diagnosis. */
    public static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v);
    }
}
