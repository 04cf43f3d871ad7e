package org.reprolab.method.pvrnn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Component;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamException;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.ParamValues;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Result;
import org.reprolab.api.RunCancelledException;
import org.reprolab.api.RunContext;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;

/**
 * Ahmadi and Tani, "A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition"
 * (Neural Computation 2019): PV-RNN — MTRNN layers with deterministic and stochastic units, a posterior given by free
 * adaptive vectors per training sequence and step (no encoder), a lower bound whose KL term is weighted by the
 * meta-prior w, and online prediction by error regression over a sliding window. Trained on sequences of a
 * probabilistic finite-state machine over three 2-D motion primitives, at four meta-priors and beside a VRNN with an
 * amortised encoder.
 */
@Component(service = Experiment.class)
public final class PvRnnExperiment implements Experiment {

    static final ParamSpec<Integer> TRAIN_SEQUENCES = ParamSpec.ofInt("data.trainSequences", 2, 16, "training sequences").range(1, 1000);
    static final ParamSpec<Integer> TEST_SEQUENCES = ParamSpec.ofInt("data.testSequences", 2, 8, "fresh test sequences").range(1, 1000);
    static final ParamSpec<Integer> PRIMITIVES = ParamSpec.ofInt("data.primitives", 2, 8, "primitives per sequence (20 steps each)").range(2, 100);
    static final ParamSpec<Double> NOISE = ParamSpec.ofDouble("data.noise", 0.02, 0.02, "observation noise σ").range(0, 1);
    static final ParamSpec<List<Integer>> D = ParamSpec.ofIntList("model.d", List.of(8, 4), List.of(40, 20), "deterministic units per layer, bottom first").range(1, 1000);
    static final ParamSpec<List<Integer>> Z = ParamSpec.ofIntList("model.z", List.of(2, 1), List.of(4, 2), "stochastic units per layer, bottom first").range(1, 100);
    static final ParamSpec<List<Double>> TAU = ParamSpec.ofDoubleList("model.tau", List.of(2.0, 8.0), List.of(2.0, 8.0), "time constants per layer, bottom first").range(1, 1000);
    static final ParamSpec<Integer> EPOCHS = ParamSpec.ofInt("train.epochs", 30, 1500, "full-batch epochs per model").range(1, 1_000_000);
    static final ParamSpec<Double> LR = ParamSpec.ofDouble("train.lr", 1e-3, 1e-3, "Adam learning rate (weights and adaptive vectors)").range(1e-6, 1);
    static final ParamSpec<List<Double>> META_PRIORS = ParamSpec.ofDoubleList("metaPriors", List.of(1e-4, 1e-3, 1e-2, 1e-1),
            List.of(1e-4, 1e-3, 1e-2, 1e-1), "meta-priors w, ascending (w₁ = w)").range(0, 100);
    static final ParamSpec<Integer> ER_WINDOW = ParamSpec.ofInt("er.window", 8, 20, "error-regression window W").range(1, 10_000);
    static final ParamSpec<Integer> ER_ITERATIONS = ParamSpec.ofInt("er.iterations", 3, 20, "Adam steps per window").range(1, 10_000);
    static final ParamSpec<Double> ER_LR = ParamSpec.ofDouble("er.lr", 0.05, 0.05, "error-regression Adam rate").range(1e-6, 10);
    static final ParamSpec<Integer> ER_STRIDE = ParamSpec.ofInt("er.stride", 4, 10, "steps the window slides at a time").range(1, 10_000);
    static final ParamSpec<Integer> HORIZON = ParamSpec.ofInt("er.horizon", 10, 10, "steps predicted ahead").range(1, 1000);
    static final ParamSpec<List<Integer>> EVAL_TIMES = ParamSpec.ofIntList("er.evalTimes", List.of(20),
            List.of(40, 60, 80, 100, 120, 140), "observed steps after which the test sequences are predicted (primitive boundaries)").range(20, 100_000);
    static final ParamSpec<Integer> GENERATED = ParamSpec.ofInt("gen.sequences", 4, 20, "sequences per generation mode").range(1, 10_000);
    static final ParamSpec<Integer> GENERATED_STEPS = ParamSpec.ofInt("gen.steps", 80, 400, "steps per generated sequence").range(40, 100_000);
    static final ParamSpec<Integer> TWIN_WARMUP = ParamSpec.ofInt("twin.warmup", 20, 100, "mean-prior steps before the twins split").range(1, 100_000);
    static final ParamSpec<Integer> TWIN_STEPS = ParamSpec.ofInt("twin.steps", 40, 100, "steps the twin trajectories are followed").range(2, 100_000);
    static final ParamSpec<Integer> THREADS = ParamSpec.ofInt("threads", 2, 2, "models trained at once (results do not depend on it)").range(1, 64);

    private static final List<ParamSpec<?>> PARAMS = List.of(TRAIN_SEQUENCES, TEST_SEQUENCES, PRIMITIVES, NOISE, D, Z, TAU,
            EPOCHS, LR, META_PRIORS, ER_WINDOW, ER_ITERATIONS, ER_LR, ER_STRIDE, HORIZON, EVAL_TIMES, GENERATED,
            GENERATED_STEPS, TWIN_WARMUP, TWIN_STEPS, THREADS);

    /** The twins' initial difference in the top layer's h. */
    static final double TWIN_DELTA = 1e-6;

    private static final ExperimentInfo INFO = new ExperimentInfo("pv-rnn",
            "PV-RNN: meta-prior-weighted variational RNN with adaptive vectors and error regression",
            new Paper("A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition",
                    "Ahmadreza Ahmadi, Jun Tani", 2019, "https://arxiv.org/abs/1811.01339"),
            "autoencoders", List.of("variational RNN", "predictive coding", "MTRNN", "error regression", "meta-prior"),
            "PV-RNN at four meta-priors and a VRNN on stochastic motion-primitive sequences: the meta-prior sets the prior's "
                    + "noise (high w gives deterministic chaos), an intermediate w generalises best, and error regression "
                    + "predicts better than amortised inference.");

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public List<PlotSpec> plots() {
        return Figures.PLOTS;
    }

    @Override
    public List<ParamSpec<?>> params() {
        return PARAMS;
    }

    @Override
    public void validate(ParamValues values) {
        layers(values);
        int steps = values.param(PRIMITIVES) * MotionPrimitives.LENGTH;
        for (int t : values.param(EVAL_TIMES)) {
            if (t % MotionPrimitives.LENGTH != 0 || t + values.param(HORIZON) > steps) {
                throw new ParamException("er.evalTimes must be multiples of " + MotionPrimitives.LENGTH
                        + " with t + er.horizon ≤ data.primitives·20 = " + steps + ", got " + t);
            }
        }
        List<Double> w = values.param(META_PRIORS);
        for (int i = 1; i < w.size(); i++) {
            if (!(w.get(i) > w.get(i - 1))) {
                throw new ParamException("metaPriors must be strictly ascending, got " + w);
            }
        }
        if (w.size() < 3) {
            throw new ParamException("metaPriors needs at least 3 values (low, intermediate, high), got " + w);
        }
    }

    private static List<LayerSize> layers(ParamValues values) {
        List<Integer> d = values.param(D);
        List<Integer> z = values.param(Z);
        List<Double> tau = values.param(TAU);
        if (d.size() != z.size() || d.size() != tau.size()) {
            throw new ParamException("model.d, model.z and model.tau need one entry per layer, got " + d.size() + ", "
                    + z.size() + ", " + tau.size());
        }
        List<LayerSize> out = new ArrayList<>();
        for (int l = 0; l < d.size(); l++) {
            out.add(new LayerSize(d.get(l), z.get(l), tau.get(l)));
        }
        return out;
    }

    @Override
    public Result run(RunContext ctx) {
        validate(ctx);
        Settings s = new Settings(layers(ctx), ctx.param(EPOCHS), ctx.param(LR),
                new ErrorRegression.Settings(ctx.param(ER_WINDOW), ctx.param(ER_ITERATIONS), ctx.param(ER_LR), ctx.param(HORIZON), ctx.param(ER_STRIDE)),
                ctx.param(EVAL_TIMES).stream().mapToInt(Integer::intValue).toArray(), ctx.param(GENERATED), ctx.param(GENERATED_STEPS),
                ctx.param(TWIN_WARMUP), ctx.param(TWIN_STEPS), TWIN_DELTA);
        PrimitiveFsm fsm = new PrimitiveFsm(PrimitiveFsm.TRANSITIONS, ctx.param(NOISE));
        double[][][] train = fsm.generate(ctx.param(TRAIN_SEQUENCES), ctx.param(PRIMITIVES), ctx.random("data/train")).sequences();
        double[][][] test = fsm.generate(ctx.param(TEST_SEQUENCES), ctx.param(PRIMITIVES), ctx.random("data/test")).sequences();
        List<Double> metaPriors = ctx.param(META_PRIORS);

        Progress progress = new Progress(ctx, (long) (metaPriors.size() + 1) * s.epochs());
        List<Future<MetaPriorStudy.Findings>> studies = new ArrayList<>();
        Future<VrnnStudy.Findings> vrnnFuture;
        Backend backend = Backends.current();
        ExecutorService pool = Executors.newFixedThreadPool(ctx.param(THREADS));
        try {
            for (double w : metaPriors) {
                String tag = "w=" + w;
                MetaPriorStudy.Streams streams = new MetaPriorStudy.Streams(ctx.random(tag + "/init"), ctx.random(tag + "/train"),
                        ctx.random(tag + "/generate"), ctx.random(tag + "/regress"));
                studies.add(pool.submit(() -> Backends.using(backend, () -> MetaPriorStudy.run(w, s, train, test, streams, progress.epoch(tag)))));
            }
            RandomGenerator vrnnInit = ctx.random("vrnn/init");
            RandomGenerator vrnnNoise = ctx.random("vrnn/train");
            vrnnFuture = pool.submit(() -> Backends.using(backend, () -> VrnnStudy.run(s, train, test, vrnnInit, vrnnNoise, progress.epoch("VRNN"))));
            List<MetaPriorStudy.Findings> findings = new ArrayList<>();
            for (Future<MetaPriorStudy.Findings> f : studies) {
                findings.add(get(f));
            }
            VrnnStudy.Findings vrnn = get(vrnnFuture);
            return report(findings, vrnn, train, test, s);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted while training");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Result report(List<MetaPriorStudy.Findings> findings, VrnnStudy.Findings vrnn, double[][][] train,
                                 double[][][] test, Settings s) {
        Result.Builder out = Result.builder();
        double repeatLast = Predictors.mse(Predictors.repeatLast(test, s.evalTimes(), s.er().horizon()), test, s.evalTimes());
        double oracle = Predictors.mse(Predictors.trueTransitions(test, s.evalTimes(), s.er().horizon(), PrimitiveFsm.TRANSITIONS),
                test, s.evalTimes());
        PaperClaims claims = new PaperClaims(findings, vrnn, repeatLast);
        claims.report(out);
        Figures.report(findings, vrnn, repeatLast, oracle, out);
        for (MetaPriorStudy.Findings f : findings) {
            String w = Figures.label(f.w());
            out.metric("sigmaP.bottom." + w, f.sigmaP()[0]);
            out.metric("sigmaP.top." + w, f.sigmaP()[f.sigmaP().length - 1]);
            out.metric("erMse." + w, f.erMse());
            out.metric("freeTv." + w, f.freeTv());
            out.metric("freeTemplateMse." + w, f.freeTemplateMse());
            out.metric("posteriorMse." + w, f.posteriorMse());
            out.metric("alignedFreeMse." + w, f.alignedFreeMse());
            out.metric("twinSeparated." + w, f.twinSeparated());
            out.metric("twinRate." + w, f.twinRate());
        }
        out.metric("erMse.vrnn", vrnn.predictionMse());
        out.metric("erMse.repeatLast", repeatLast);
        out.metric("erMse.trueTransitions", oracle);
        // The smoke invariants, recorded on every run.
        for (MetaPriorStudy.Findings f : findings) {
            out.metric("lossDrop." + Figures.label(f.w()), f.history().lossDrop(f.w()));
        }
        out.metric("check.minLossDrop", findings.stream().mapToDouble(f -> f.history().lossDrop(f.w())).min().orElseThrow());
        out.metric("check.vrnnLossDrop", vrnn.history().lossDrop(VrnnStudy.W));
        out.metric("check.maxAbsOutput", findings.stream().mapToDouble(MetaPriorStudy.Findings::maxAbsOutput).max().orElseThrow());
        out.metric("check.minSigmaP", findings.stream().mapToDouble(MetaPriorStudy.Findings::minSigmaP).min().orElseThrow());
        out.metric("check.erMinVectorGradient", findings.stream().mapToDouble(f -> f.er().maxVectorGradient()).min().orElseThrow());
        out.metric("check.erWeightsTouched", findings.stream().anyMatch(f -> f.er().weightsTouched()) ? 1 : 0);
        out.metric("check.erWindowsLowered", findings.stream().flatMap(f -> f.er().windowLosses().stream())
                .mapToDouble(l -> l[1] < l[0] ? 1 : 0).average().orElseThrow());
        out.metric("data.trainSteps", train[0].length);
        return out.build();
    }
}
