package org.reprolab.data;

/**
 * One entry of the data catalogue.
 *
 * @param name        the name methods use ({@code fashion-mnist}, a table name, or a generator's class name)
 * @param kind        what it is
 * @param description shape and content in one line
 * @param source      where the data come from (a paper, a repository, or "generated")
 * @param license     the licence of the data, or of the code for generators
 */
public record DatasetInfo(String name, Kind kind, String description, String source, String license) {

    /** What a catalogue entry is. */
    public enum Kind {
        /** Real images read from files outside the bundle. */
        IMAGES,
        /** A real table shipped inside the bundle. */
        TABLE,
        /** A seeded synthetic generator. */
        GENERATOR
    }
}
