package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/** The pieces together: a tiny causal transformer learns to predict the next token of a cyclic sequence. */
class TrainingSmokeTest {

    static final class TinyLm extends Module {
        private final Embedding tokens;
        private final Embedding positions;
        private final TransformerBlock block;
        private final LayerNorm norm;
        private final Linear head;

        TinyLm(int vocab, int length, int d, Generator gen) {
            tokens = child("tokens", new Embedding(vocab, d, gen));
            positions = child("positions", new Embedding(length, d, gen));
            block = child("block", new TransformerBlock(d, 2, 2 * d, 0.1, true, gen));
            norm = child("norm", new LayerNorm(d));
            head = child("head", new Linear(d, vocab, gen));
        }

        @Override
        public Tensor forward(Tensor ids) {
            Tensor h = tokens.forward(ids).add(positions.forward(Tensor.arange(ids.size(1))));
            return head.forward(norm.forward(block.forward(h)));
        }
    }

    @Test
    void tinyCausalTransformerLearnsASequence() {
        int vocab = 5;
        int length = 8;
        Generator gen = new Generator(3);
        TinyLm model = new TinyLm(vocab, length, 16, gen);
        int batch = 4;
        int[] ids = new int[batch * (length + 1)];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t <= length; t++) {
                ids[b * (length + 1) + t] = (b + 2 * t) % vocab;
            }
        }
        Tensor all = Tensor.ofInts(ids, batch, length + 1);
        Tensor inputs = all.narrow(1, 0, length).contiguous();
        Tensor targets = all.narrow(1, 1, length).contiguous();
        double first = 0;
        double last = 0;
        for (int step = 0; step < 60; step++) {
            model.zeroGrad();
            Tensor loss = Losses.crossEntropy(model.forward(inputs).permute(0, 2, 1), targets, 0.0);
            loss.backward();
            try (var ignored = Autograd.noGrad()) {
                for (Tensor p : model.parameters()) {
                    p.addInPlace(p.grad(), -0.3);
                }
            }
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertTrue(last < 0.25 * first, "loss " + first + " → " + last);
    }
}
