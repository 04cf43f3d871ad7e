package org.reprolab.tensor.nn;

import java.util.function.Supplier;
import org.reprolab.tensor.Generator;

/**
 * A multilayer perceptron: Linear(sizes[0] → sizes[1]), activation, dropout (when p &gt; 0), …, and a final
 * Linear with nothing after it. A {@link Sequential}, so parameters read "0.weight", "2.weight", ….
 *
 * <pre>{@code new MLP(new int[] {784, 256, 256, 10}, ReLU::new, 0.1, gen)}</pre>
 */
public class MLP extends Sequential {

    public MLP(int[] sizes, Supplier<? extends Module> activation, double dropout, Generator gen) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("MLP needs at least an input and an output size, got "
                    + java.util.Arrays.toString(sizes));
        }
        Generator dropoutGen = Streams.child(gen, "dropout");
        for (int i = 0; i + 1 < sizes.length; i++) {
            add(new Linear(sizes[i], sizes[i + 1], true, gen));
            if (i + 2 < sizes.length) {
                add(activation.get());
                if (dropout > 0) {
                    add(new Dropout(dropout, dropoutGen));
                }
            }
        }
    }

    public MLP(int[] sizes, Supplier<? extends Module> activation, Generator gen) {
        this(sizes, activation, 0, gen);
    }
}
