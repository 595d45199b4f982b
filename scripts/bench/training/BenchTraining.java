import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.features.OneHotEncoder;
import org.workbench.recipe.ApplyLog;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Training-stage cost against bare Tribuo on the same processed table: a synthetic classification
 * table (20 numeric + 2 categorical columns, one-hot encoded first), trained with the workbench's
 * TrainedModel.train (table to Tribuo dataset, then the trainer) and with a hand-built Tribuo
 * dataset and the same trainer. Runs alternate; the medians are compared.
 */
public class BenchTraining {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Random random = new Random(42);
        Table raw = Table.create("synthetic");
        double[][] numeric = new double[20][rows];
        String[] labels = new String[rows];
        String[] catA = new String[rows];
        String[] catB = new String[rows];
        for (int i = 0; i < rows; i++) {
            double signal = 0;
            for (int j = 0; j < 20; j++) {
                numeric[j][i] = random.nextGaussian();
                signal += (j % 3 == 0 ? 1 : -0.5) * numeric[j][i];
            }
            catA[i] = "a" + random.nextInt(5);
            catB[i] = "b" + random.nextInt(8);
            signal += catA[i].equals("a1") ? 1.5 : 0;
            labels[i] = signal + random.nextGaussian() > 0 ? "yes" : "no";
        }
        for (int j = 0; j < 20; j++) {
            raw.addColumns(DoubleColumn.create(String.format("x%02d", j), numeric[j]));
        }
        raw.addColumns(StringColumn.create("cat_a", catA), StringColumn.create("cat_b", catB));
        Table processed = new OneHotEncoder().fit(raw).apply(raw, new ApplyLog());
        Target target = Target.labels("label", labels);

        for (String model : List.of("logistic_regression", "xgboost")) {
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            if (model.equals("xgboost")) {
                params.put("trees", 50);
            }
            ModelSpec spec = ModelCatalog.spec(model, Task.CLASSIFICATION);
            double[] ours = new double[reps];
            double[] bare = new double[reps];
            timeOurs(spec, params, processed, target); // warm-up
            timeBare(spec, params, processed, labels);
            for (int r = 0; r < reps; r++) {
                ours[r] = timeOurs(spec, params, processed, target);
                bare[r] = timeBare(spec, params, processed, labels);
            }
            double o = median(ours);
            double b = median(bare);
            System.out.printf("%-20s rows=%d features=%d  ours %.3f s  bare %.3f s  ratio %.3f%n", model, rows,
                    processed.columnCount(), o, b, o / b);
        }
    }

    /** The workbench's training stage: processed table and target in, fitted model out. */
    static double timeOurs(ModelSpec spec, ObjectNode params, Table processed, Target target) {
        long start = System.nanoTime();
        TrainedModel.train(spec, params, 1L, processed, target);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Bare Tribuo: the same numbers as ArrayExamples, the same trainer. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static double timeBare(ModelSpec spec, ObjectNode params, Table processed, String[] labels) {
        long start = System.nanoTime();
        String[] names = processed.columnNames().stream().sorted().toArray(String[]::new);
        double[][] columns = new double[names.length][];
        for (int j = 0; j < names.length; j++) {
            columns[j] = ((DoubleColumn) processed.column(names[j])).asDoubleArray();
        }
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            double[] values = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                values[j] = columns[j][i];
            }
            examples.add(new ArrayExample<>(new Label(labels[i]), names, values));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(examples, new SimpleDataSourceProvenance("bench", factory), factory);
        Trainer trainer = spec.trainer(params, 1L, new ModelSpec.Shape(labels.length, names.length, 1.0));
        trainer.train(dataset);
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
