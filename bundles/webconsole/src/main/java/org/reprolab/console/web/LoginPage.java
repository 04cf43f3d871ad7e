package org.reprolab.console.web;

/** The login form, served before the Web Console's own pages (which need a logged-in user). */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String action, String next, String error) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ReproLab console: log in</title>
                <style>
                body { font-family: sans-serif; background: #f4f4f4; }
                form { width: 22em; margin: 8em auto; padding: 1.5em 2em; background: #fff; border: 1px solid #ccc; }
                label, input, button { display: block; width: 100%%; margin-top: .5em; box-sizing: border-box; }
                .error { color: #b00020; }
                </style></head>
                <body><form method="post" action="%s">
                <h1>ReproLab console</h1>
                %s
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" autofocus>
                <input type="hidden" name="next" value="%s">
                <button id="login" type="submit">Log in</button>
                <p><small>The password was shown when <code>reprolab console</code> first started; its salted hash is
                in <code>conf/console.password</code> (delete that file for a new one), or set
                <code>REPROLAB_CONSOLE_PASSWORD</code>.</small></p>
                </form></body></html>
                """.formatted(Html.esc(action), error == null ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>",
                Html.esc(next));
    }
}
