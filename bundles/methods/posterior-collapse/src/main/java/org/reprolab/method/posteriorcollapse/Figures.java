package org.reprolab.method.posteriorcollapse;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.Heatmap;
import org.reprolab.api.Result;
import org.reprolab.api.Series;
import org.reprolab.api.Table;
import org.reprolab.data.FashionMnist;

/** The specification's plots and tables. */
final class Figures {
    private Figures() {
    }

    static void report(LinearCvaeStudy.Settings a, LinearCvaeStudy.Findings lin, MhvaeStudy.Findings hier, NonlinearStudy.Findings non,
                       Result.Builder out) {
        sweeps(a, lin, out);
        singularValues(lin, out);
        spectra(a, lin, non.fashion(), out);
        mhvaeGrid(hier, out);
        nonlinear(non, out);
    }

    private static void sweeps(LinearCvaeStudy.Settings a, LinearCvaeStudy.Findings lin, Result.Builder out) {
        for (boolean overRho : new boolean[] {true, false}) {
            double[] xs = overRho ? a.rhos() : a.betas();
            double[] measured = new double[xs.length];
            double[] theory = new double[xs.length];
            List<List<String>> rows = new ArrayList<>();
            for (int k = 0; k < xs.length; k++) {
                LinearCvaeStudy.Cell c = overRho ? lin.cell(xs[k], 1) : lin.cell(a.betaSweepRho(), xs[k]);
                measured[k] = c.measuredMean();
                theory[k] = c.theory().predictedActive();
                rows.add(List.of(Double.toString(c.rho()), Double.toString(c.beta()), Integer.toString(c.theory().predictedActive()),
                        java.util.Arrays.toString(c.measured())));
                out.metric("a.active." + (overRho ? "rho" + xs[k] : "beta" + xs[k]), measured[k]);
            }
            String plot = overRho ? "active-vs-rho" : "active-vs-beta";
            String x = overRho ? "ρ" : "β";
            out.series(Series.of(plot, "trained (seed mean)", x, "active latents", xs, measured));
            out.series(Series.of(plot, "theory #{θ_i > βη_dec²}", x, "active latents", xs, theory));
            out.table(new Table("a-" + (overRho ? "rho" : "beta") + "-sweep", List.of("ρ", "β", "predicted", "trained per seed"), rows));
        }
    }

    private static void singularValues(LinearCvaeStudy.Findings lin, Result.Builder out) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double max = 0;
        for (LinearCvaeStudy.Cell c : lin.cells().values()) {
            double[] omega = c.theory().omegas();
            for (double[] learned : c.singular()) {
                for (int i = 0; i < omega.length; i++) {
                    xs.add(omega[i]);
                    ys.add(learned[i]);
                    max = Math.max(max, Math.max(omega[i], learned[i]));
                }
            }
        }
        out.series(Series.of("singular-values", "learned σ_i(U₁) vs ω_i", "theory ω_i", "learned singular value",
                xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()));
        double[] line = new double[21];
        for (int i = 0; i <= 20; i++) {
            line[i] = max * i / 20;
        }
        out.series(Series.of("singular-values", "identity", "theory ω_i", "learned singular value", line, line));
    }

    private static void spectra(LinearCvaeStudy.Settings a, LinearCvaeStudy.Findings lin, NonlinearStudy.FashionFindings f, Result.Builder out) {
        LinearCvaeStudy.Cell cell = lin.cell(a.betaSweepRho(), 1);
        int n = cell.theory().theta().length;
        double[] idx = new double[n];
        double[] pop = new double[n];
        double[] thr = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i + 1;
            pop[i] = PairedData.anisotropicTheta(i, a.betaSweepRho());
            thr[i] = cell.theory().threshold();
        }
        out.series(Series.of("theta-spectrum-synthetic", "θ_i from the data (ρ = 0.5)", "i", "θ_i", idx, cell.theory().theta()));
        out.series(Series.of("theta-spectrum-synthetic", "θ_i population", "i", "θ_i", idx, pop));
        out.series(Series.of("theta-spectrum-synthetic", "threshold βη_dec² (β = 1)", "i", "θ_i", idx, thr));
        int m = Math.min(64, f.pooledTheta().length);
        double[] fi = new double[m];
        double[] ft = new double[m];
        double[] fthr = new double[m];
        for (int i = 0; i < m; i++) {
            fi[i] = i + 1;
            ft[i] = Math.max(1e-12, f.pooledTheta()[i]);
            fthr[i] = f.etaDec() * f.etaDec();
        }
        out.series(Series.of("theta-spectrum-fmnist", "θ_i pooled Fashion-MNIST (y = 3 quarters | x = 1 quarter)", "i", "θ_i", fi, ft));
        out.series(Series.of("theta-spectrum-fmnist", "threshold βη_dec² (calibrated)", "i", "θ_i", fi, fthr));
    }

    private static void mhvaeGrid(MhvaeStudy.Findings hier, Result.Builder out) {
        List<String> cols = new ArrayList<>();
        for (double b2 : PosteriorCollapseExperiment.B_BETA2) {
            cols.add("β₂ = " + b2);
        }
        List<String> rowLabels = new ArrayList<>();
        for (double eta : PosteriorCollapseExperiment.B_ETA_DEC) {
            rowLabels.add("η_dec = " + eta);
        }
        List<List<String>> table = new ArrayList<>();
        for (boolean sgd : new boolean[] {false, true}) {
            for (boolean learnable : new boolean[] {true, false}) {
                double[][] v = new double[rowLabels.size()][cols.size()];
                for (int r = 0; r < rowLabels.size(); r++) {
                    for (int c = 0; c < cols.size(); c++) {
                        MhvaeStudy.Cell cell = hier.cell(PosteriorCollapseExperiment.B_BETA2[c], PosteriorCollapseExperiment.B_ETA_DEC[r], learnable);
                        v[r][c] = sgd ? cell.sgdActive() : cell.analyticActive();
                        if (!sgd) {
                            table.add(List.of(Double.toString(cell.beta2()), Double.toString(cell.etaDec()), learnable ? "learnable" : "fixed",
                                    Integer.toString(cell.analyticActive()), Integer.toString(cell.sgdActive()),
                                    java.util.Arrays.toString(round(cell.optimum().u2Singular())), java.util.Arrays.toString(round(cell.sgdSingular()))));
                        }
                    }
                }
                String id = "mhvae-active-z2-" + (sgd ? "sgd-" : "analytic-") + (learnable ? "learnable" : "fixed");
                out.heatmap(new Heatmap(id, (sgd ? "SGD-trained" : "analytic optimum") + ", Σ₂ " + (learnable ? "learnable" : "fixed 0.5²I"),
                        "β₂", "η_dec", "active z₂ directions", cols, rowLabels, v));
            }
        }
        out.table(new Table("b-mhvae", List.of("β₂", "η_dec", "Σ₂", "analytic active z₂", "SGD active z₂", "analytic σ(U₂)", "SGD σ(U₂)"), table));
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }

    private static void nonlinear(NonlinearStudy.Findings non, Result.Builder out) {
        NonlinearStudy.FashionFindings f = non.fashion();
        double[] cls = new double[f.theory().length];
        double[] th = new double[cls.length];
        double[] me = new double[cls.length];
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < cls.length; c++) {
            cls[c] = c;
            th[c] = f.theory()[c];
            me[c] = f.measured()[c];
            rows.add(List.of(Integer.toString(c), FashionMnist.CLASS_NAMES.get(c), Integer.toString(f.theory()[c]), Integer.toString(f.measured()[c])));
        }
        out.series(Series.of("fmnist-per-class", "linear theory", "class", "active latents", cls, th));
        out.series(Series.of("fmnist-per-class", "ReLU CVAE", "class", "active latents", cls, me));
        out.table(new Table("c-fmnist-per-class", List.of("class", "name", "theory", "ReLU CVAE active"), rows));
        out.imageGrid(f.reconstructions());
        if (Double.isFinite(f.spearman())) {
            out.metric("c.spearman", f.spearman());   // undefined when either count is constant
        }

        NonlinearStudy.SyntheticFindings s = non.synthetic();
        out.series(Series.of("synthetic-c-active", "ReLU CVAE", "coupling c (x = c·y + √(1−c²)ξ)", "active latents", s.couplings(),
                java.util.Arrays.stream(s.measured()).asDoubleStream().toArray()));

        NonlinearStudy.HierarchyFindings h = non.hierarchy();
        out.series(Series.of("relu-mhvae-active-z2", "learnable Σ₂", "β₂", "active z₂ units", h.beta2s(),
                java.util.Arrays.stream(h.learnable()).asDoubleStream().toArray()));
        out.series(Series.of("relu-mhvae-active-z2", "fixed Σ₂", "β₂", "active z₂ units", h.beta2s(),
                java.util.Arrays.stream(h.fixed()).asDoubleStream().toArray()));
    }
}
