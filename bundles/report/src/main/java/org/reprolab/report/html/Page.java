package org.reprolab.report.html;

/** The frame every page shares: a self-contained document with its style sheet inline. */
final class Page {

    private static final String CSS = """
            :root { --ink: #1f2430; --muted: #5b6370; --line: #e3e6eb; --paper: #ffffff; --ground: #f5f6f8;
              --held: #1a7f37; --held-bg: #dcf5e3; --missed: #c4242d; --missed-bg: #fde8e8; --warn: #8a5a00;
              --warn-bg: #fff4cc; --idle: #59606b; --idle-bg: #eceef1; --accent: #2457c5; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--ground); color: var(--ink); line-height: 1.45;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1320px; margin: 0 auto; padding: 28px 28px 60px; }
            a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
            header.top { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; flex-wrap: wrap; }
            header.top .brand { font-weight: 700; letter-spacing: .02em; color: var(--muted); font-size: 13px;
              text-transform: uppercase; }
            h1 { font-size: 28px; line-height: 1.2; margin: 6px 0 6px; }
            h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 20px 0 8px; }
            p.lead { color: var(--muted); margin: 4px 0 0; max-width: 70em; }
            .paper { margin: 8px 0 0; color: var(--ink); } .paper .authors { color: var(--muted); }
            code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 22px 0 6px; }
            .card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
            .card .value { font-size: 26px; font-weight: 700; line-height: 1.15; }
            .card .label { color: var(--muted); font-size: 13px; }
            .card.good .value { color: var(--held); } .card.bad .value { color: var(--missed); }
            .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px 22px;
              background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 18px 0 0; }
            .facts div span { display: block; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .facts div b { font-weight: 600; overflow-wrap: anywhere; }
            .facts div.wide { grid-column: span 2; }
            .scroll { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; }
            table { border-collapse: collapse; width: 100%; font-size: 14px; }
            th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: #fafbfc; color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase;
              letter-spacing: .04em; white-space: nowrap; }
            tr:last-child td { border-bottom: none; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.data td { font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.held td:first-child { box-shadow: inset 4px 0 0 var(--held); }
            tr.missed td:first-child { box-shadow: inset 4px 0 0 var(--missed); }
            tr.missed { background: #fffafa; }
            .badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600;
              white-space: nowrap; }
            .badge.held, .badge.succeeded { color: var(--held); background: var(--held-bg); }
            .badge.missed, .badge.failed { color: var(--missed); background: var(--missed-bg); }
            .badge.cancelled, .badge.aborted, .badge.timed_out { color: var(--warn); background: var(--warn-bg); }
            .badge.interrupted, .badge.queued, .badge.running, .badge.idle { color: var(--idle); background: var(--idle-bg); }
            .meter { display: inline-block; width: 90px; height: 8px; border-radius: 4px; background: var(--missed-bg);
              vertical-align: middle; margin-left: 8px; overflow: hidden; }
            .meter i { display: block; height: 100%; background: var(--held); }
            .chips { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px; }
            .chip { font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 4px; cursor: help; }
            .chip.held { color: var(--held); background: var(--held-bg); } .chip.missed { color: var(--missed); background: var(--missed-bg); }
            .muted { color: var(--muted); } .small { font-size: 13px; } .nowrap { white-space: nowrap; }
            table.lab td:nth-child(3) { max-width: 220px; }
            .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(580px, 1fr)); gap: 16px; }
            figure { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 10px; }
            figure img { width: 100%; height: auto; display: block; }
            figcaption { font-size: 13px; color: var(--muted); padding: 6px 4px 0; }
            figcaption .note { display: block; color: var(--warn); }
            .alert { border-radius: 10px; padding: 10px 14px; margin: 16px 0 0; }
            .alert.error { background: var(--missed-bg); color: var(--missed); }
            .alert.warn { background: var(--warn-bg); color: var(--warn); }
            details { margin: 14px 0 0; } summary { cursor: pointer; font-weight: 600; margin-bottom: 8px; }
            ul.files { columns: 2; margin: 0; padding-left: 18px; }
            footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
            """;

    private Page() {
    }

    /** Starts a page: doctype, head with title and style, body, main. */
    static Html begin(String title) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>").newline();
        h.open("html", "lang", "en").open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title).open("style").raw(CSS).close("style").close("head").newline();
        return h.open("body").open("main");
    }

    static String end(Html h) {
        return h.close("main").close("body").close("html").newline().toString();
    }
}
