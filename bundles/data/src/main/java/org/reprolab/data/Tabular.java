package org.reprolab.data;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The small real tables shipped in this bundle (scikit-learn's copies; see {@code tabular/LICENSES.md}).
 * Values are returned raw, as in the source files: standardising is the experiment's choice.
 */
public final class Tabular {

    /** The names {@link #byName(String)} knows. */
    public static final List<String> NAMES = List.of("breast_cancer", "diabetes", "digits", "iris", "wine");

    private static final String FOLDER = "tabular/";

    private Tabular() {
    }

    /** The table of that name (one of {@link #NAMES}). */
    public static TabularDataset byName(String name) {
        return switch (name) {
            case "breast_cancer" -> breastCancer();
            case "diabetes" -> diabetes();
            case "digits" -> digits();
            case "iris" -> iris();
            case "wine" -> wine();
            default -> throw new IllegalArgumentException("no table named '" + name + "'; the tables are " + NAMES);
        };
    }

    /** Diabetes (Efron et al. 2004): 442 rows, 10 raw features, target = disease progression after one year. */
    public static TabularDataset diabetes() {
        List<String> names = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        double[][] x = CsvTable.parse("diabetes_data_raw.csv.gz", lines("diabetes_data_raw.csv.gz"), "\\s+", 442, names.size());
        double[][] t = CsvTable.parse("diabetes_target.csv.gz", lines("diabetes_target.csv.gz"), "\\s+", 442, 1);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = t[i][0];
        }
        return new TabularDataset("diabetes", x, y, names, "progression");
    }

    /** Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 features, target 0 = malignant, 1 = benign. */
    public static TabularDataset breastCancer() {
        List<String> names = new ArrayList<>();
        for (String group : List.of("mean ", "", "worst ")) {
            for (String f : List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                    "concave points", "symmetry", "fractal dimension")) {
                names.add(group.isEmpty() ? f + " error" : group + f);
            }
        }
        return CsvTable.classification("breast_cancer", "breast_cancer.csv", lines("breast_cancer.csv"), names);
    }

    /**
     * Optical recognition of handwritten digits (Alpaydin and Kaynak, UCI; the 1,797-image test part): 8×8 images
     * of counts 0…16, row-major in the 64 features ({@code pixel_<row>_<col>}), target the digit 0…9.
     */
    public static TabularDataset digits() {
        List<String> names = IntStream.range(0, 64).mapToObj(p -> "pixel_" + p / 8 + "_" + p % 8).toList();
        String file = "digits.csv.gz";
        double[][] all = CsvTable.parse(file, lines(file), ",", 1797, 65);
        List<String> classes = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        return CsvTable.split("digits", file, all, names, "digit", classes);
    }

    /** Iris (Fisher 1936, UCI): 150 rows, 4 measurements in cm, 3 species (setosa, versicolor, virginica). */
    public static TabularDataset iris() {
        List<String> names = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
        return CsvTable.classification("iris", "iris.csv", lines("iris.csv"), names);
    }

    /** Wine recognition (Forina et al., UCI): 178 rows, 13 chemical measurements, 3 cultivars. */
    public static TabularDataset wine() {
        List<String> names = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                "od280/od315_of_diluted_wines", "proline");
        return CsvTable.classification("wine", "wine_data.csv", lines("wine_data.csv"), names);
    }

    private static List<String> lines(String file) {
        InputStream in = Tabular.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new DataException("table " + file + " is missing from the data bundle");
        }
        return CsvTable.readLines(file, in);
    }
}
