package org.reprolab.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.junit.jupiter.api.Test;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStore;

/** The run page's Cancel button as the servlet receives it: same origin only, then through the RunEngine. */
class CancelTest {

    private static final String ROOT = "/system/console/experiments";
    private static final String HOST = "127.0.0.1:8080";

    /** Records which runs it was asked to cancel; only "running-1" is active. */
    private static final class FakeEngine implements RunEngine {
        final List<String> cancelled = new ArrayList<>();

        @Override
        public RunHandle submit(RunRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RunHandle> active() {
            return List.of();
        }

        @Override
        public Optional<RunHandle> active(String runId) {
            return Optional.empty();
        }

        @Override
        public boolean cancel(String runId) {
            cancelled.add(runId);
            return runId.equals("running-1");
        }
    }

    private static final ExperimentRegistry NO_EXPERIMENTS = new ExperimentRegistry() {
        @Override
        public List<RegisteredExperiment> experiments() {
            return List.of();
        }

        @Override
        public Optional<RegisteredExperiment> find(String id) {
            return Optional.empty();
        }
    };

    private static final RunStore NO_RUNS = new RunStore() {
        @Override
        public Path root() {
            return Path.of("runs");
        }

        @Override
        public List<RunRecord> list() {
            return List.of();
        }

        @Override
        public Optional<RunRecord> read(String runId) {
            return Optional.empty();
        }

        @Override
        public RunStore at(Path other) {
            throw new UnsupportedOperationException("one store in this test");
        }
    };

    /** What the servlet did to the response. */
    private static final class Answer {
        Integer error;
        String redirect;
    }

    private final FakeEngine engine = new FakeEngine();
    private final ExperimentsPlugin plugin = new ExperimentsPlugin(NO_EXPERIMENTS, engine, NO_RUNS, List::of);

    @Test
    void aSameOriginPostCancelsTheRunAndShowsItsPageAgain() throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        Answer answer = post(Map.of("action", "cancel", "run", "running-1"), "http://" + HOST, attributes);
        assertEquals(List.of("running-1"), engine.cancelled);
        assertEquals(ROOT + "?run=running-1", answer.redirect);
        assertNull(answer.error);
    }

    @Test
    void aCrossOriginPostIsRefusedAndCancelsNothing() throws Exception {
        Answer answer = post(Map.of("action", "cancel", "run", "running-1"), "https://evil.example", new HashMap<>());
        assertEquals(403, answer.error);
        assertEquals(List.of(), engine.cancelled, "the engine was never asked");

        Answer noOrigin = post(Map.of("action", "cancel", "run", "running-1"), null, new HashMap<>());
        assertEquals(403, noOrigin.error, "neither Origin nor Referer: refused too");
        assertEquals(List.of(), engine.cancelled);
    }

    @Test
    void aRunThatIsNoLongerActiveGivesAMessageOnThePage() throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        Answer answer = post(Map.of("action", "cancel", "run", "ended-2"), "http://" + HOST, attributes);
        assertEquals(List.of("ended-2"), engine.cancelled);
        assertNull(answer.redirect, "left uncommitted: the page is rendered with the message");
        assertTrue(String.valueOf(attributes.get(ExperimentsPlugin.class.getName() + ".error"))
                .contains("no queued or running run 'ended-2'"), attributes.toString());

        Map<String, Object> none = new HashMap<>();
        post(Map.of("action", "cancel"), "http://" + HOST, none);
        assertEquals("which run? the form named none", none.get(ExperimentsPlugin.class.getName() + ".error"));
        assertEquals(List.of("ended-2"), engine.cancelled);
    }

    private Answer post(Map<String, String> form, String origin, Map<String, Object> attributes) throws Exception {
        attributes.put(ServletConstants.ATTR_PLUGIN_ROOT, ROOT);
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", HOST);
        if (origin != null) {
            headers.put("Origin", origin);
        }
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getScheme" -> "http";
                    case "getMethod" -> "POST";
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getParameter" -> form.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendError" -> answer.error = (Integer) args[0];
                        case "sendRedirect" -> answer.redirect = (String) args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        plugin.doPost(request, response);
        return answer;
    }
}
