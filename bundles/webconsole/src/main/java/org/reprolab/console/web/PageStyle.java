package org.reprolab.console.web;

/** The few styles the page adds to the Web Console's own. */
final class PageStyle {

    static final String CSS = """
            <style>
            .rl-feature { margin-bottom: 2em; }
            .rl-feature h2, #content h2 { font-size: 1.4em; margin: .8em 0 .4em; }
            .rl-experiment h3, #content h3 { font-size: 1.15em; margin: .6em 0 .3em; }
            .rl-experiment { border: 1px solid #ccc; padding: .5em 1em; margin: 1em 0; background: #fff; }
            .rl-params th { text-align: left; width: 10em; }
            .rl-error { color: #b00020; font-weight: bold; }
            .rl-held { color: #1b5e20; font-weight: bold; }
            .rl-not-held { color: #b00020; font-weight: bold; }
            .rl-plots svg { margin: .5em 1em .5em 0; background: #fff; border: 1px solid #ddd; vertical-align: top; }
            #progress progress { width: 30em; }
            </style>
            """;

    private PageStyle() {
    }
}
