package org.reprolab.zoo;

import java.util.Map;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Module;

/**
 * How to make one zoo model: its config, its untrained architecture, and its training. The zoo service owns
 * caching, locking, timing and the sanity checks of the config; a recipe only trains. Register one as an OSGi
 * service to make it available by name (and to {@code reprolab zoo build}), or pass it to
 * {@link ZooService#get(ZooRecipe, BuildListener)} directly.
 *
 * <p>Training must be deterministic: every random draw comes from {@link BuildContext#generator}, so the same
 * config gives the same weights.
 */
public interface ZooRecipe {

    /** The config; its name is the model's name in the zoo. */
    ZooConfig config();

    default String name() {
        return config().name();
    }

    /** One line for listings. */
    String description();

    /** A group that {@code reprolab zoo build <group>} builds together (e.g. "var-core"); empty for none. */
    default String group() {
        return "";
    }

    /** The training code's version; bump it when a change to the training code changes the weights. */
    default String codeVersion() {
        return "1";
    }

    /** A freshly initialised model of this architecture (initialised from gen). */
    Module newModel(Generator gen);

    /**
     * Trains a model made by {@link #newModel} (initialised from {@code ctx.generator("init")}) and returns its
     * metrics, among them every metric the config's sanity settings name.
     */
    Map<String, Double> train(Module model, BuildContext ctx) throws Exception;
}
