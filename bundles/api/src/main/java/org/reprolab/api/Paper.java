package org.reprolab.api;

import java.util.Objects;

/** The paper an experiment reproduces. */
public record Paper(String title, String authors, int year, String link) {
    public Paper {
        Objects.requireNonNull(title, "title");
        authors = authors == null ? "" : authors;
        link = link == null ? "" : link;
    }
}
