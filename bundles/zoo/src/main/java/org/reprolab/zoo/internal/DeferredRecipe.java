package org.reprolab.zoo.internal;

import java.util.Map;
import java.util.function.Supplier;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Module;
import org.reprolab.zoo.BuildContext;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooRecipe;

/**
 * A recipe whose config needs data read first (tiny-lm-char hashes the corpus): its name and description are
 * known at once, the recipe itself is made on first use, so listing the zoo works without the corpus installed.
 */
final class DeferredRecipe implements ZooRecipe {
    private final String name;
    private final String description;
    private final Supplier<? extends ZooRecipe> make;
    private volatile ZooRecipe recipe;

    DeferredRecipe(String name, String description, Supplier<? extends ZooRecipe> make) {
        this.name = name;
        this.description = description;
        this.make = make;
    }

    private ZooRecipe recipe() {
        ZooRecipe r = recipe;
        if (r == null) {
            synchronized (this) {
                r = recipe;
                if (r == null) {
                    r = make.get();
                    if (!r.name().equals(name)) {
                        throw new IllegalStateException("deferred recipe " + name + " made a recipe named " + r.name());
                    }
                    recipe = r;
                }
            }
        }
        return r;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ZooConfig config() {
        return recipe().config();
    }

    @Override
    public String group() {
        return recipe == null ? "" : recipe.group();
    }

    @Override
    public String codeVersion() {
        return recipe().codeVersion();
    }

    @Override
    public Module newModel(Generator gen) {
        return recipe().newModel(gen);
    }

    @Override
    public Map<String, Double> train(Module model, BuildContext ctx) throws Exception {
        return recipe().train(model, ctx);
    }
}
