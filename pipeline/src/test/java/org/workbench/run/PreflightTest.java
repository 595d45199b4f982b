package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.table.CsvSource;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.table.DataConfig;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.PrefitCheck;

/** The pre-fit check on small files built here and on iris, with each error's key and suggested value. */
class PreflightTest {
    @TempDir
    Path dir;

    private static final Path IRIS = Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize();

    /** Writes {@code csv} as data.csv and {@code yaml} as the config, then runs the check as run and validate do. */
    private DefinitionStage.Checked check(String csv, String yaml) throws IOException {
        Files.writeString(dir.resolve("data.csv"), csv);
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, yaml.replace("SOURCE", "data.csv"));
        PipelineConfig cfg = ConfigLoader.load(config, List.of());
        return DefinitionStage.check(cfg, CsvSource.read(cfg.section(DataConfig.class)), Preflight.CHECK);
    }

    private static String iris() throws IOException {
        return Files.readString(IRIS);
    }

    @Test
    void irisPassesAndSaysHowTheRowsWillBeSplit() throws IOException {
        PrefitCheck.Findings f = check(iris(), "problem: {target: species}\ndata: {source: SOURCE}\n").findings();
        assertEquals(150, f.rows());
        assertEquals(120, f.trainRows());
        assertEquals(30, f.testRows());
        assertEquals(Map.of("Iris-setosa", 40, "Iris-versicolor", 40, "Iris-virginica", 40), f.trainClasses());
    }

    @Test
    void aClassTooRareForTheTestSplitIsNotAnError() throws IOException {
        PrefitCheck.Findings f = check(iris() + "6.0,3.0,4.0,1.0,Iris-rare\n",
                "problem: {target: species}\ndata: {source: SOURCE}\n").findings();
        assertEquals(1, f.trainClasses().get("Iris-rare"));
        assertEquals(null, f.testClasses().get("Iris-rare"));
    }

    @Test
    void twoRowsAreTooFew() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> check("a,y\n1,x\n2,z\n", "problem: {target: y}\ndata: {source: SOURCE}\n"));
        assertEquals("data.csv: only 2 rows with a value for 'y'; a run needs at least 3 (2 to train on, 1 to test);"
                + " add rows to the file", e.getMessage());
    }

    @Test
    void rowsWithoutATargetDoNotCount() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> check("a,y\n1,x\n2,z\n3,\n4,\n", "problem: {target: y}\ndata: {source: SOURCE}\n"));
        assertTrue(e.getMessage().startsWith("data.csv: only 2 rows with a value for 'y'"), e.getMessage());
    }

    @Test
    void everyClassASingleRowLeavesNoTestRowWhenStratified() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> check("a,y\n1,x\n2,z\n3,w\n4,v\n", "problem: {task: classification, target: y}\ndata: {source: SOURCE}\n"));
        assertEquals("data.split.stratify", e.path());
        assertTrue(e.getMessage().contains("set data.split.stratify: false"), e.getMessage());
    }

    @Test
    void aTestShareThatLeavesOneTrainingRowIsRefused() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> check("a,y\n1,1.5\n2,2.5\n3,7\n",
                "problem: {task: regression, target: y}\ndata: {source: SOURCE, split: {test: 0.9}}\nevaluate: {cv_folds: 0}\n"));
        assertEquals("data.split.test", e.path());
        assertTrue(e.getMessage().contains("leaves 1 training row"), e.getMessage());
    }

    @Test
    void aTargetOnlyFileIsRefused() throws IOException {
        InputException e = assertThrows(InputException.class, () -> check("y\nx\nz\nx\nz\n",
                "problem: {target: y}\ndata: {source: SOURCE}\n"));
        assertEquals("data.csv: holds only the target column 'y'; a model needs at least one feature column beside it",
                e.getMessage());
    }

    @Test
    void droppingEveryFeatureIsRefused() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> check(iris(),
                "problem: {target: species}\ndata: {source: SOURCE}\n"
                        + "preprocess: {drop: [sepal_length, sepal_width, petal_length, petal_width]}\n"));
        assertEquals("preprocess.drop", e.path());
        assertTrue(e.getMessage().contains("drops every feature column"), e.getMessage());
    }

    @Test
    void foldsBeyondTheTrainingRowsNameAValueThatWorks() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> check(iris(),
                "problem: {target: species}\ndata: {source: SOURCE}\nevaluate: {cv_folds: 500}\n"));
        assertEquals("evaluate.cv_folds: 500 folds need at least 500 training rows, but the training split has 120;"
                + " use at most 120 (5 or 10 is usual), or lower data.split.test", e.getMessage());
    }

    @Test
    void tuningAndLabFoldsAreCheckedToo() throws IOException {
        String yaml = "problem: {target: species}\ndata: {source: SOURCE}\n";
        ConfigException tune = assertThrows(ConfigException.class, () -> check(iris(), yaml
                + "tune: {enabled: true, cv_folds: 200, grid: {train.params.epochs: [5, 10]}}\n"));
        assertEquals("tune.cv_folds", tune.path());
        ConfigException lab = assertThrows(ConfigException.class, () -> check(iris(), yaml
                + "tune: {lab: {cv_folds: 121, leakage: true}}\n"));
        assertEquals("tune.lab.cv_folds", lab.path());
    }

    /**
     * One row of "b" among 20 of "a": the row stays in training (a stratified split keeps a class's only
     * row there), and whichever fold holds it out trains on "a" alone, at any fold count.
     */
    @Test
    void aFoldThatWouldTrainOnOneClassIsRefused() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(",a\n");
        }
        csv.append("99,b\n");
        ConfigException e = assertThrows(ConfigException.class, () -> check(csv.toString(),
                "problem: {target: y}\ndata: {source: SOURCE}\nevaluate: {cv_folds: 3}\n"));
        assertEquals("evaluate.cv_folds", e.path());
        assertTrue(e.getMessage().contains("would train on a single class"), e.getMessage());
        assertTrue(e.getMessage().contains("evaluate.cv_folds: 0"), e.getMessage());
        // without cross-validation the same file passes
        assertEquals(1, check(csv.toString(), "problem: {target: y}\ndata: {source: SOURCE}\nevaluate: {cv_folds: 0}\n")
                .findings().trainClasses().get("b"));
    }

    @Test
    void aConstantRegressionTargetIsRefused() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> check("a,y\n1,4\n2,4\n3,4\n4,4\n5,\n",
                "problem: {task: regression, target: y}\ndata: {source: SOURCE}\n"));
        assertEquals("problem.target: 'y' in data.csv is constant (every row is 4); there is nothing to predict:"
                + " choose another target column", e.getMessage());
    }

    @Test
    void laterStagesOptionsAreCheckedBeforeFitting() throws IOException {
        String yaml = "problem: {target: species}\ndata: {source: SOURCE}\n";
        assertEquals("evaluate.metrics[1]", assertThrows(ConfigException.class,
                () -> check(iris(), yaml + "evaluate: {metrics: [accuracy, f1_macr]}\n")).path());
        assertEquals("evaluate.compare[0]", assertThrows(ConfigException.class,
                () -> check(iris(), yaml + "evaluate: {compare: [xgbost]}\n")).path());
        assertEquals("evaluate.compare_params.knn.kk", assertThrows(ConfigException.class,
                () -> check(iris(), yaml + "evaluate: {compare: [knn], compare_params: {knn: {kk: 3}}}\n")).path());
        assertEquals("evaluate.compare", assertThrows(ConfigException.class,
                () -> check(iris(), yaml + "evaluate: {cv_folds: 0, compare: [knn]}\n")).path());
        assertEquals("evaluate.threshold", assertThrows(ConfigException.class,
                () -> check(iris(), yaml + "evaluate: {threshold: f1}\n")).path());
    }

    @Test
    void clusteringRefusesEverySettingThatLearnsFromATarget() throws java.io.IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "problem: {task: clustering}\ndata: {source: x.csv}\n");
        Preflight.CHECK.checkSettings(ConfigLoader.load(file, List.of()));
        String[][] cases = {
            {"features.encode=target", "features.encode: target encoding learns from the target; use onehot, ordinal or"
                    + " frequency; clustering has no target"},
            {"features.encode_columns.Sex=target", "features.encode_columns.Sex: target encoding learns from the target;"
                    + " use onehot, ordinal or frequency; clustering has no target"},
            {"select.method=f_test", "select.method: 'f_test' scores features against the target; use variance, or"
                    + " select.include / select.exclude; clustering has no target"},
            {"evaluate.compare=[kmeans, hdbscan]", "evaluate.compare: algorithms are compared by cross-validated scores"
                    + " against the target; clustering has no target"},
            {"evaluate.importance_repeats=3", "evaluate.importance_repeats: permutation importance measures a drop in a"
                    + " score against the target; clustering has no target"},
            {"evaluate.metrics=[silhouette, nmi]", "evaluate.metrics[1]: 'nmi' compares the clusters with a label column;"
                    + " set problem.target to one, or use silhouette or wcss"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class,
                    () -> Preflight.CHECK.checkSettings(ConfigLoader.load(file, List.of(c[0]))), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
        Preflight.CHECK.checkSettings(ConfigLoader.load(file, List.of("select.method=variance", "features.encode=frequency")));
    }
}
