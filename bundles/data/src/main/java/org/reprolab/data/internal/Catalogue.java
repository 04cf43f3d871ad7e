package org.reprolab.data.internal;

import java.util.List;
import org.reprolab.data.DatasetInfo;
import org.reprolab.data.DatasetInfo.Kind;

/** What the data bundle offers, with sources and licences (the same facts as bundles/data/README.md). */
final class Catalogue {

    private static final String SKLEARN = "scikit-learn 1.2.1 data files (BSD-3-Clause)";
    private static final String UCI = "CC BY 4.0 (UCI Machine Learning Repository)";
    private static final String GENERATED = "generated; code under the project's licence";

    static final List<DatasetInfo> ENTRIES = List.of(
            new DatasetInfo("fashion-mnist", Kind.IMAGES, "60,000 + 10,000 grey-scale 28×28 images, 10 classes",
                    "Xiao, Rasul and Vollgraf 2017 (Zalando Research); Debian package dataset-fashion-mnist or the official download",
                    "MIT"),
            new DatasetInfo("breast_cancer", Kind.TABLE, "569 × 30, 2 classes (malignant, benign)",
                    "Wolberg, Street and Mangasarian, Breast Cancer Wisconsin (Diagnostic), UCI; via " + SKLEARN, UCI),
            new DatasetInfo("diabetes", Kind.TABLE, "442 × 10 raw features, regression target (progression after one year)",
                    "Efron, Hastie, Johnstone and Tibshirani 2004, Least Angle Regression; via " + SKLEARN,
                    "BSD-3-Clause (as distributed with scikit-learn)"),
            new DatasetInfo("digits", Kind.TABLE, "1,797 × 64 (8×8 images, counts 0…16), 10 classes",
                    "Alpaydin and Kaynak, Optical Recognition of Handwritten Digits, UCI; via " + SKLEARN, UCI),
            new DatasetInfo("iris", Kind.TABLE, "150 × 4, 3 classes", "Fisher 1936, Iris, UCI; via " + SKLEARN, UCI),
            new DatasetInfo("wine", Kind.TABLE, "178 × 13, 3 classes",
                    "Forina et al., Wine recognition, UCI; via " + SKLEARN, UCI),
            generator("GaussianMixture", "isotropic Gaussian mixtures with exact density and score"),
            generator("PowerLawRegression", "Gaussian inputs, eigenvalues i^-α, target power i^-β"),
            generator("LinearRegressionPrompts", "in-context linear-regression prompts with per-prompt noise and input scale"),
            generator("DSpritesLike", "binary sprites with factors shape, scale, rotation, x, y"),
            generator("MovingShapes", "grey-scale clips of one shape in one of eight motions"),
            generator("BouncingShapesVideo", "RGB video of coloured shapes bouncing over a textured background"),
            generator("RandomDfa", "random DFA languages with a membership oracle and uniform member sampling"),
            generator("TokFsm", "random-successor state machine walks written as digit tokens"),
            generator("TranslationPairs", "SVO → SOV synthetic translation with exact target entropy"),
            generator("ImageCorruptions", "noise, blur, occlusion, JPEG-like quantisation, contrast, pixelation"));

    private Catalogue() {
    }

    private static DatasetInfo generator(String simpleName, String description) {
        return new DatasetInfo("org.reprolab.data.synthetic." + simpleName, Kind.GENERATOR, description, "generated", GENERATED);
    }
}
