// Bare Tribuo baseline for scripts/bench-foundation: what a Tribuo user writes by hand to train
// the same trainer as `workbench run` on the benchmark CSV, then print hold-out accuracy.
//
// usage: java -cp pipeline/target/workbench.jar scripts/bench/BareTribuo.java CSV MODEL [SEED] [TREES]
//        (or compile once with javac and run the class: the bench script does that)
// MODEL: logistic_regression (epochs 5, learning rate 0.1) | xgboost (TREES trees, default 50, depth 6)
// Trainer settings mirror ModelCatalog's defaults so both sides do the same training work.

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.data.columnar.FieldProcessor;
import org.tribuo.data.columnar.RowProcessor;
import org.tribuo.data.columnar.processors.field.DoubleFieldProcessor;
import org.tribuo.data.columnar.processors.field.IdentityProcessor;
import org.tribuo.data.columnar.processors.response.FieldResponseProcessor;
import org.tribuo.data.csv.CSVDataSource;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.math.optimisers.AdaGrad;

public class BareTribuo {
    // Held in static fields: java.util.logging keeps only weak references to loggers.
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger XGBOOST = Logger.getLogger("ml.dmlc");

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: BareTribuo CSV logistic_regression|xgboost [SEED] [TREES]");
            System.exit(2);
        }
        TRIBUO.setLevel(Level.WARNING);
        XGBOOST.setLevel(Level.WARNING);
        Path csv = Path.of(args[0]);
        String model = args[1];
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        int trees = args.length > 3 ? Integer.parseInt(args[3]) : 50;

        // Numerics: a blank cell fails to parse and DoubleFieldProcessor emits no feature (absent).
        Map<String, FieldProcessor> fields = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            fields.put("x" + i, new DoubleFieldProcessor("x" + i));
        }
        // Categoricals: one feature per level (c1@a, ...); a blank cell becomes its own feature c1@.
        fields.put("c1", new IdentityProcessor("c1"));
        fields.put("c2", new IdentityProcessor("c2"));
        var response = new FieldResponseProcessor<>(List.of("y"), List.of(""), new LabelFactory(), false, false);
        var source = new CSVDataSource<>(csv, new RowProcessor<>(response, fields), true);

        long t0 = System.nanoTime();
        var splitter = new TrainTestSplitter<>(source, 0.8, seed);
        var train = new MutableDataset<>(splitter.getTrain());
        var test = new MutableDataset<>(splitter.getTest());

        Trainer<Label> trainer = switch (model) {
            // ModelCatalog: LinearSGDTrainer(LogMulticlass, AdaGrad(lr), epochs, loggingInterval -1, minibatch 1, seed)
            case "logistic_regression" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1), 5, -1, 1, seed);
            // ModelCatalog: GBTREE, HIST, trees, eta 0.3, gamma 0, depth, min_child_weight 1, subsample 1,
            // colsample 1, lambda 1, alpha 0, threads = available processors, SILENT, seed
            case "xgboost" -> new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, trees, 0.3, 0.0, 6,
                    1.0, 1.0, 1.0, 1.0, 0.0, Runtime.getRuntime().availableProcessors(), LoggingVerbosity.SILENT, seed);
            default -> throw new IllegalArgumentException("unknown model '" + model + "'; use logistic_regression or xgboost");
        };

        long t1 = System.nanoTime();
        Model<Label> fitted = trainer.train(train);
        long t2 = System.nanoTime();
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(fitted, test);
        long t3 = System.nanoTime();
        System.out.printf("train=%d test=%d features=%d accuracy=%.4f load=%.2fs fit=%.2fs evaluate=%.2fs%n",
                train.size(), test.size(), train.getFeatureMap().size(), evaluation.accuracy(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }
}
