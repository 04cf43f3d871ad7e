package org.reprolab.data;

import java.util.List;

/**
 * The data service: Fashion-MNIST found (or downloaded) where this installation is configured to keep it, the
 * small real tables by name, and a catalogue of everything the data bundle offers with its source and licence.
 *
 * <p>The synthetic generators ({@code org.reprolab.data.synthetic}) and batching helpers
 * ({@code org.reprolab.data.batch}) hold no configuration: they are plain classes that take an explicit seed or
 * random generator, so methods construct them directly; the {@link #catalogue()} lists them.
 */
public interface Datasets {

    /** Fashion-MNIST, located as configured; a {@link DataException} saying how to get it when it is nowhere. */
    FashionMnist fashionMnist();

    /** The names {@link #tabular(String)} accepts. */
    List<String> tabularNames();

    /** The shipped table of that name; an {@link IllegalArgumentException} listing the names for an unknown one. */
    TabularDataset tabular(String name);

    /** Every dataset and generator of the bundle, with where it comes from and its licence. */
    List<DatasetInfo> catalogue();
}
