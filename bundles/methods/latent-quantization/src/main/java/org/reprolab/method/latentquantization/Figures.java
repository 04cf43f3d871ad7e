package org.reprolab.method.latentquantization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.data.synthetic.DSpritesLike;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/** The specification's figures, the per-model metrics and the InfoMEC table. */
final class Figures {

    static final List<PlotSpec> PLOTS = List.of(
            PlotSpec.heatmap("nmi-*", "Normalised mutual information NMI_ij = I(s_i; z_j)/H(s_i), sources × latents (inactive latents empty), per model"),
            PlotSpec.bar("infomec", "InfoM, InfoC, InfoE per model (x = model number, see table 'models'); one bar per training")
                    .labels("model", "score"),
            PlotSpec.imageGrid("latent-traversals", "QLAE: one image's code with one dimension (row) stepped through its codebook values (columns)"),
            PlotSpec.line("codebook-values-*", "QLAE codebook values of one latent dimension over training").labels("step", "value"),
            PlotSpec.imageGrid("reconstructions", "Held-out images (first row) and each model's reconstruction (one row per model)"),
            PlotSpec.scatter("infom-vs-weight-decay", "InfoM with and without weight decay 0.1, QLAE and AE").labels("weight decay", "InfoM"));

    private static final int EXAMPLES = 8;

    private Figures() {
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static void report(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> results, InfoMec.Scores randomFloor,
                       SpriteData data, Result.Builder out) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> modelRows = new ArrayList<>();
        int number = 0;
        for (Variant v : Variant.values()) {
            number++;
            modelRows.add(List.of(Integer.toString(number), v.label));
            List<LatentQuantizationExperiment.Evaluated> runs = results.get(v);
            double[] x = new double[runs.size()];
            for (int s = 0; s < runs.size(); s++) {
                LatentQuantizationExperiment.Evaluated e = runs.get(s);
                InfoMec.Scores sc = e.scores();
                x[s] = number + 0.1 * s;
                rows.add(List.of(v.label, Integer.toString(s), fmt(sc.infoM()), fmt(sc.infoC()), fmt(sc.infoE()),
                        fmt(e.trained().heldOutBce()), Integer.toString(sc.activeCount())));
                out.heatmap(new Heatmap("nmi-" + v.key() + (runs.size() > 1 ? "-" + s : ""), v.label + " training " + s, "latent",
                        "source", "NMI", latentLabels(sc.active().length), DSpritesLike.FACTORS, sc.nmi()));
                out.metric("lossDrop." + v.key() + "." + s, e.trained().firstLoss() - e.trained().lastLoss());
            }
            out.metric("infoM." + v.key(), PaperClaims.mean(runs, e -> e.scores().infoM()));
            out.metric("infoC." + v.key(), PaperClaims.mean(runs, e -> e.scores().infoC()));
            out.metric("infoE." + v.key(), PaperClaims.mean(runs, e -> e.scores().infoE()));
            out.metric("heldOutBce." + v.key(), PaperClaims.mean(runs, e -> e.trained().heldOutBce()));
            out.metric("activeLatents." + v.key(), PaperClaims.mean(runs, e -> e.scores().activeCount()));
            out.series(Series.of("infomec", v.label + " InfoM", "model", "score", x, runs.stream().mapToDouble(e -> e.scores().infoM()).toArray()));
            out.series(Series.of("infomec", v.label + " InfoC", "model", "score", x, runs.stream().mapToDouble(e -> e.scores().infoC()).toArray()));
            out.series(Series.of("infomec", v.label + " InfoE", "model", "score", x, runs.stream().mapToDouble(e -> e.scores().infoE()).toArray()));
        }
        rows.add(List.of("random encoder (floor)", "0", fmt(randomFloor.infoM()), fmt(randomFloor.infoC()), fmt(randomFloor.infoE()), "", Integer.toString(randomFloor.activeCount())));
        out.metric("infoM.random", randomFloor.infoM());
        out.metric("infoC.random", randomFloor.infoC());
        out.metric("infoE.random", randomFloor.infoE());
        out.table(new Table("models", List.of("number", "model"), modelRows));
        out.table(new Table("infomec", List.of("model", "training", "InfoM", "InfoC", "InfoE", "held-out BCE", "active latents"), rows));
        weightDecayAblation(results, out);
        LatentQuantizationExperiment.Evaluated qlae = results.get(Variant.QLAE).get(0);
        codebooks(qlae.trained(), out);
        traversals(qlae.trained().model(), data, out);
        reconstructions(results, data, out);
    }

    private static List<String> latentLabels(int n) {
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            labels.add("z" + j);
        }
        return labels;
    }

    private static void weightDecayAblation(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> r, Result.Builder out) {
        out.series(Series.of("infom-vs-weight-decay", "QLAE", "weight decay", "InfoM", new double[] {0, 0.1},
                new double[] {PaperClaims.infoM(r, Variant.QLAE_NO_WD), PaperClaims.infoM(r, Variant.QLAE)}));
        out.series(Series.of("infom-vs-weight-decay", "AE", "weight decay", "InfoM", new double[] {0, 0.1},
                new double[] {PaperClaims.infoM(r, Variant.AE), PaperClaims.infoM(r, Variant.AE_WD)}));
    }

    private static void codebooks(Training.Trained qlae, Result.Builder out) {
        List<float[][]> history = qlae.codebookHistory();
        double[] steps = qlae.snapshotSteps().stream().mapToDouble(Integer::doubleValue).toArray();
        int nz = history.get(0).length;
        int nv = history.get(0)[0].length;
        for (int j = 0; j < nz; j++) {
            for (int v = 0; v < nv; v++) {
                double[] y = new double[history.size()];
                for (int t = 0; t < y.length; t++) {
                    y[t] = history.get(t)[j][v];
                }
                out.series(Series.of("codebook-values-z" + j, "v" + v, "step", "value", steps, y));
            }
        }
    }

    private static void traversals(QuantisedAutoEncoder qlae, SpriteData data, Result.Builder out) {
        try (var ignored = Autograd.noGrad()) {
            Tensor base = qlae.latent(data.batch(new int[] {data.heldOut()[0]}));
            float[] code = base.contiguous().toFloatArray();
            float[] values = qlae.scalarCodebooks().values().detach().contiguous().toFloatArray();
            int nz = code.length;
            int nv = values.length / nz;
            float[] codes = new float[nz * nv * nz];
            for (int j = 0; j < nz; j++) {
                for (int v = 0; v < nv; v++) {
                    int row = j * nv + v;
                    System.arraycopy(code, 0, codes, row * nz, nz);
                    codes[row * nz + j] = values[j * nv + v];
                }
            }
            Tensor images = qlae.decode(Tensor.of(codes, nz * nv, nz)).sigmoid();
            out.imageGrid(new ImageGrid("latent-traversals", "QLAE latent traversals", data.side(), data.side(), 1, nv,
                    split(images, data.pixelCount()), List.of()));
        }
    }

    private static void reconstructions(Map<Variant, List<LatentQuantizationExperiment.Evaluated>> r, SpriteData data, Result.Builder out) {
        int[] idx = java.util.Arrays.copyOf(data.heldOut(), Math.min(EXAMPLES, data.heldOut().length));
        Tensor originals = data.batch(idx);
        List<float[]> images = new ArrayList<>(split(originals, data.pixelCount()));
        try (var ignored = Autograd.noGrad()) {
            for (Variant v : Variant.values()) {
                images.addAll(split(r.get(v).get(0).trained().model().forward(originals).sigmoid(), data.pixelCount()));
            }
        }
        out.imageGrid(new ImageGrid("reconstructions", "originals, then " + java.util.Arrays.stream(Variant.values()).map(v -> v.label).toList(),
                data.side(), data.side(), 1, idx.length, images, List.of()));
    }

    private static List<float[]> split(Tensor images, int pixels) {
        float[] flat = images.contiguous().toFloatArray();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < flat.length / pixels; i++) {
            out.add(java.util.Arrays.copyOfRange(flat, i * pixels, (i + 1) * pixels));
        }
        return out;
    }
}
