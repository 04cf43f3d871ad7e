package org.reprolab.console.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's only way in: a password checked against its salted hash, from a login form (which opens a
 * cookie session) or HTTP Basic (for scripts). The platform names this provider in
 * {@code felix.webconsole.security.providers}, so the Web Console serves nothing until it is registered and
 * its built-in provider, with its default password, is never used.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=" + ConsoleLogin.ID)
public final class ConsoleLogin implements SecurityProvider {

    static final String ID = "reprolab";
    static final String COOKIE = "reprolab-console";
    static final String LOGIN_PATH = "/login";
    private static final String USER = "admin";
    private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLogin.class);

    private final PasswordHash password;
    private final LoginSessions sessions;
    /** The Web Console's root path: the request's context path is not yet set when the security check runs. */
    private final String root;

    @Activate
    public ConsoleLogin(BundleContext context) {
        this(context, System.getenv(ConsolePassword.ENV));
    }

    ConsoleLogin(BundleContext context, String passwordFromEnvironment) {
        ConsoleAddress address = ConsoleAddress.of(context);
        SecureRandom random = new SecureRandom();
        PasswordFile file = new PasswordFile(address.passwordFile());
        ConsolePassword resolved;
        try {
            resolved = ConsolePassword.resolve(passwordFromEnvironment, file, random);
        } catch (IOException e) {
            LOG.error("the web console stays closed: cannot set up its password: {}", e.getMessage());
            throw new UncheckedIOException(e);
        }
        this.password = resolved.hash();
        this.sessions = new LoginSessions(random, Clock.systemUTC(), SESSION_LIFETIME);
        this.root = address.managerRoot();
        announce(address, resolved, file.path(), passwordFromEnvironment != null && !passwordFromEnvironment.isEmpty());
    }

    /**
     * Tells the person at the console where the page is and, on the first start only, the password. Printed,
     * not logged: the password must not end up in log files, and the console user needs it once.
     */
    private static void announce(ConsoleAddress address, ConsolePassword resolved, Path file, boolean fromEnvironment) {
        StringBuilder text = new StringBuilder("ReproLab web console: ").append(address.experimentsUrl()).append('\n');
        if (resolved.generated().isPresent()) {
            text.append("  password (generated now, shown only this once; its salted hash is in ").append(file)
                    .append("): ").append(resolved.generated().get()).append('\n');
        } else if (fromEnvironment) {
            text.append("  password: the one in ").append(ConsolePassword.ENV).append('\n');
        } else {
            text.append("  password: the one shown on its first start (delete ").append(file)
                    .append(" to have a new one made)\n");
        }
        System.out.print(text);
        System.out.flush();
        LOG.debug("web console at {}", address.experimentsUrl());
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (request.getRequestURI().equals(root + LOGIN_PATH)) {
                login(request, response);
                return null;
            }
            if (sessions.isValid(sessionToken(request))) {
                return USER;
            }
            char[] basic = basicPassword(request.getHeader("Authorization"));
            if (basic != null && password.matches(basic)) {
                return USER;
            }
            if (basic == null && "GET".equals(request.getMethod()) && acceptsHtml(request)) {
                String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(root + LOGIN_PATH + "?next="
                        + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
            } else {
                refuse(response);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = root + LOGIN_PATH;
        String next = safeNext(root, request.getParameter("next"));
        if (!"POST".equals(request.getMethod())) {
            page(response, HttpServletResponse.SC_OK, LoginPage.render(action, next, null));
            return;
        }
        String given = request.getParameter("password");
        if (given == null || !password.matches(given.toCharArray())) {
            LOG.warn("web console: wrong password from {}", request.getRemoteAddr());
            page(response, HttpServletResponse.SC_UNAUTHORIZED, LoginPage.render(action, next, "Wrong password."));
            return;
        }
        Cookie cookie = new Cookie(COOKIE, sessions.open());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(root);
        cookie.setMaxAge((int) sessions.lifetime().toSeconds());
        // Strict: no other site can make the browser send it, which is what stops cross-site form posts.
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        response.sendRedirect(next);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(sessionToken(request));
        Cookie expired = new Cookie(COOKIE, "");
        expired.setPath(root);
        expired.setMaxAge(0);
        response.addCookie(expired);
        try {
            response.sendRedirect(root + LOGIN_PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean authorize(Object user, String role) {
        return USER.equals(user);
    }

    /** Only a page of this console: an open redirect would let a link send a fresh login anywhere. */
    static String safeNext(String root, String next) {
        boolean ours = next != null && next.startsWith(root + "/") && !next.startsWith(root + "//")
                && !next.contains("\\") && !next.startsWith(root + LOGIN_PATH);
        return ours ? next : root + "/" + ExperimentsPlugin.LABEL;
    }

    /** The password of an HTTP Basic {@code Authorization} header; null when there is none or it is malformed. */
    static char[] basicPassword(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(colon + 1).toCharArray();
    }

    private static String sessionToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"ReproLab console\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "wrong or missing password");
    }

    private static void page(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
        // Committed now: the HTTP whiteboard answers 403 to an uncommitted response whose security check said no.
        response.flushBuffer();
    }
}
