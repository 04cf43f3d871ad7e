package org.reprolab.console.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refuses actions posted from another site's page. The session cookie is SameSite=Strict already, but browsers
 * also resend cached HTTP Basic credentials cross-site; their Origin (or Referer) header gives such posts away.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        String self = request.getScheme() + "://" + request.getHeader("Host");
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return origin.equals(self);
        }
        String referer = request.getHeader("Referer");
        return referer != null && (referer.equals(self) || referer.startsWith(self + "/"));
    }
}
