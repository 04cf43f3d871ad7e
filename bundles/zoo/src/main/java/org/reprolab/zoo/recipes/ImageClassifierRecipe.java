package org.reprolab.zoo.recipes;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.Adam;
import org.reprolab.tensor.optim.LrScheduler;
import org.reprolab.tensor.optim.Optimizer;
import org.reprolab.tensor.optim.Schedules;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooRecipe;

/**
 * A Fashion-MNIST classifier trained with cross-entropy. The config's settings drive everything:
 * <ul>
 * <li>{@code input}: {@code flat} ([B, 784]) or {@code image} ([B, 1, 28, 28]); {@code input.mean},
 * {@code input.std}: pixels in [0, 1] are standardised with them (the model expects the same from its users).</li>
 * <li>{@code train.images}, {@code test.images}: how many of each split (the first ones in file order).</li>
 * <li>{@code train.epochs}, {@code train.batch}: passes over the training images, reshuffled every epoch; the
 * last partial batch of an epoch is dropped.</li>
 * <li>{@code train.optimizer}: {@code adam} (no weight decay) or {@code adamw} with {@code train.weight_decay} on
 * the matrices; {@code train.lr} the peak rate; {@code train.schedule}: {@code cosine} (to 0 at the end) or
 * {@code constant}.</li>
 * <li>{@code augment.translate}: a random shift of each training image by up to this many pixels in x and y,
 * filled with background (0 before standardising); 0 for none.</li>
 * </ul>
 * Metrics: {@code test_accuracy} on the test images and {@code train_loss}, the last epoch's mean.
 */
public final class ImageClassifierRecipe implements ZooRecipe {

    private static final int SIDE = 28;
    private static final int EVAL_BATCH = 1000;

    private final ZooConfig config;
    private final String description;
    private final Function<Generator, Module> architecture;

    public ImageClassifierRecipe(ZooConfig config, String description, Function<Generator, Module> architecture) {
        this.config = config;
        this.description = description;
        this.architecture = architecture;
        String input = config.get("input");
        if (!input.equals("flat") && !input.equals("image")) {
            throw new IllegalArgumentException("zoo config " + config.name() + ": input must be 'flat' or 'image', got '"
                    + input + "'");
        }
    }

    @Override
    public ZooConfig config() {
        return config;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Module newModel(Generator gen) {
        return architecture.apply(gen);
    }

    @Override
    public Map<String, Double> train(Module model, BuildContext ctx) {
        FashionMnist data = FashionMnist.locate();
        LabeledImages train = data.load(FashionMnist.Split.TRAIN, config.getInt("train.images"));
        LabeledImages test = data.load(FashionMnist.Split.TEST, config.getInt("test.images"));
        double mean = config.getDouble("input.mean");
        double std = config.getDouble("input.std");
        int n = train.size();
        int batch = Math.min(config.getInt("train.batch"), n);
        int epochs = config.getInt("train.epochs");
        int stepsPerEpoch = n / batch;
        long total = (long) epochs * stepsPerEpoch;
        int shift = config.getInt("augment.translate");
        Optimizer opt = optimizer(model);
        LrScheduler schedule = new LrScheduler(opt, switch (config.get("train.schedule")) {
            case "cosine" -> Schedules.cosine(total, 0);
            case "constant" -> Schedules.constant();
            default -> throw new IllegalArgumentException("zoo config " + config.name()
                    + ": train.schedule must be 'cosine' or 'constant', got '" + config.get("train.schedule") + "'");
        });
        model.train();
        double epochLoss = Double.NaN;
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = ctx.generator("epoch" + epoch).permutation(n).toIntArray();
            Generator shifts = ctx.generator("translate" + epoch);
            double lossSum = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                ctx.checkCancelled();
                int[] rows = java.util.Arrays.copyOfRange(order, s * batch, (s + 1) * batch);
                int[] offsets = shift > 0 ? shifts.randint(-shift, shift + 1, batch, 2).toIntArray() : null;
                Tensor x = shape(Tensor.of(batchPixels(train, rows, offsets, mean, std), batch, SIDE * SIDE));
                int[] labels = new int[batch];
                for (int i = 0; i < batch; i++) {
                    labels[i] = train.labels()[rows[i]];
                }
                opt.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.forward(x), Tensor.ofInts(labels, batch));
                loss.backward();
                opt.step();
                schedule.step();
                lossSum += loss.item();
                step++;
                ctx.progress(step, total, String.format(Locale.ROOT, "epoch %d/%d, loss %.4f", epoch + 1, epochs,
                        lossSum / (s + 1)));
            }
            epochLoss = lossSum / stepsPerEpoch;
            ctx.log().info("{}: epoch {}/{} mean training loss {}", config.name(), epoch + 1, epochs,
                    String.format(Locale.ROOT, "%.4f", epochLoss));
        }
        double accuracy = accuracy(model, test, mean, std);
        ctx.log().info("{}: test accuracy {}", config.name(), String.format(Locale.ROOT, "%.4f", accuracy));
        return Map.of("test_accuracy", accuracy, "train_loss", epochLoss);
    }

    private Optimizer optimizer(Module model) {
        double lr = config.getDouble("train.lr");
        return switch (config.get("train.optimizer")) {
            case "adam" -> new Adam(model.parameters(), lr);
            case "adamw" -> Optimizers.adamWOnMatrices(model, lr, config.getDouble("train.weight_decay"), 0.9, 0.999);
            default -> throw new IllegalArgumentException("zoo config " + config.name()
                    + ": train.optimizer must be 'adam' or 'adamw', got '" + config.get("train.optimizer") + "'");
        };
    }

    /** Standardised [B, 784] → the model's input shape. */
    private Tensor shape(Tensor flat) {
        return config.get("input").equals("image") ? flat.reshape(-1, 1, SIDE, SIDE) : flat;
    }

    /** The images of rows, each shifted by (dx, dy) = offsets[2i], offsets[2i+1] when offsets are given, standardised. */
    static float[] batchPixels(LabeledImages images, int[] rows, int[] offsets, double mean, double std) {
        int d = SIDE * SIDE;
        float[] out = new float[rows.length * d];
        float background = (float) (-mean / std);
        for (int i = 0; i < rows.length; i++) {
            float[] src = images.pixels()[rows[i]];
            int dx = offsets == null ? 0 : offsets[2 * i];
            int dy = offsets == null ? 0 : offsets[2 * i + 1];
            for (int y = 0; y < SIDE; y++) {
                int sy = y - dy;
                for (int x = 0; x < SIDE; x++) {
                    int sx = x - dx;
                    boolean inside = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE;
                    out[i * d + y * SIDE + x] = inside ? (float) ((src[sy * SIDE + sx] - mean) / std) : background;
                }
            }
        }
        return out;
    }

    private double accuracy(Module model, LabeledImages test, double mean, double std) {
        model.eval();
        long correct = 0;
        try (var ignored = Autograd.noGrad()) {
            for (int at = 0; at < test.size(); at += EVAL_BATCH) {
                int len = Math.min(EVAL_BATCH, test.size() - at);
                int[] rows = java.util.stream.IntStream.range(at, at + len).toArray();
                Tensor x = shape(Tensor.of(batchPixels(test, rows, null, mean, std), len, SIDE * SIDE));
                int[] labels = java.util.Arrays.copyOfRange(test.labels(), at, at + len);
                correct += (long) model.forward(x).argmax(1).eq(Tensor.ofInts(labels, len)).to(DType.INT32).sum().item();
            }
        }
        model.train();
        return correct / (double) test.size();
    }
}
