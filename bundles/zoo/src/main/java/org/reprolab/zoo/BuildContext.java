package org.reprolab.zoo;

import org.reprolab.tensor.Generator;
import org.slf4j.Logger;

/** What a {@link ZooRecipe} gets while it trains: seeded random streams, progress, cancellation and a logger. */
public interface BuildContext {

    /** The config being built. */
    ZooConfig config();

    /** An independent generator derived from the config's seed and a name ("batches", "epoch3", …). */
    Generator generator(String stream);

    /** Reports progress to the requester and, every few seconds, to the log. */
    void progress(long done, long total, String message);

    /** Throws {@link org.reprolab.api.RunCancelledException} once the requester cancelled the build. */
    void checkCancelled();

    Logger log();
}
