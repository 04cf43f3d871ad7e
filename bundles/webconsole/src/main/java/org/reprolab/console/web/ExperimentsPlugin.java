package org.reprolab.console.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.reprolab.api.ParamException;
import org.reprolab.runtime.BackendCatalog;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.ExperimentRegistry;
import org.reprolab.runtime.FeatureException;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.RunEngine;
import org.reprolab.runtime.RunHandle;
import org.reprolab.runtime.RunStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console's "Experiments" page: experiments grouped by feature with a form to start each, a run's
 * progress (with a Cancel button while it runs), claims and plots, and feature install buttons (when a
 * FeatureService is there). GETs render; the Web Console wraps them in its navigation. POSTs (same origin only)
 * act and redirect; {@code progress.json} feeds the page's poll.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ExperimentsPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=Experiments",
        ServletConstants.PLUGIN_CATEGORY + "=ReproLab"})
public final class ExperimentsPlugin extends AbstractServlet {

    static final String LABEL = "experiments";
    private static final String PROGRESS = "/" + LABEL + "/progress.json";
    private static final String FILES = "/" + LABEL + RunFiles.PREFIX;
    private static final String ERROR = ExperimentsPlugin.class.getName() + ".error";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentsPlugin.class);

    private final transient ExperimentRegistry registry;
    private final transient RunEngine engine;
    private final transient RunStore store;
    private final transient RunProgress progress;
    private final transient BackendCatalog backends;
    /** Optional: without a feature installer the page simply shows no Install/Uninstall buttons. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeatureService features;

    @Activate
    public ExperimentsPlugin(@Reference ExperimentRegistry registry, @Reference RunEngine engine, @Reference RunStore store,
                             @Reference BackendCatalog backends) {
        this.registry = registry;
        this.backends = backends;
        this.engine = engine;
        this.store = store;
        this.progress = new RunProgress(engine, store);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PROGRESS.equals(request.getPathInfo())) {
            response.setContentType("application/json;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            String runId = request.getParameter("run");
            response.getWriter().write(runId == null ? "{}" : progress.json(runId));
        } else if (request.getPathInfo() != null && request.getPathInfo().startsWith(FILES)) {
            var served = RunFiles.resolve(store, request.getPathInfo().substring(LABEL.length() + 1));
            if (served.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such report file");
                return;
            }
            response.setContentType(served.get().contentType());
            response.setHeader("Content-Security-Policy", RunFiles.CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-cache");
            java.nio.file.Files.copy(served.get().file(), response.getOutputStream());
        }
        // Anything else: leave the response alone, and the Web Console renders the page through renderContent.
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = (String) request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        String runId = request.getParameter("run");
        String error = (String) request.getAttribute(ERROR);
        String html;
        if (runId != null && error == null) {
            html = store.read(runId)
                    .map(record -> RunPage.render(root, record, progress.isActive(runId)))
                    .orElseGet(() -> OverviewPage.render(root, registry.experiments(), currentFeatures(), backends.backends(), store.list(),
                            "no run '" + runId + "'"));
        } else {
            html = OverviewPage.render(root, registry.experiments(), currentFeatures(), backends.backends(), store.list(), error);
        }
        response.getWriter().write(html);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SameOrigin.isSameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-origin request refused");
            return;
        }
        String root = (String) request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "start" -> {
                    RunHandle run = engine.submit(RunForm.request(request.getParameterMap()));
                    progress.watch(run);
                    response.sendRedirect(root + "?run=" + java.net.URLEncoder.encode(run.runId(), java.nio.charset.StandardCharsets.UTF_8));
                }
                case "cancel" -> {
                    String runId = cancel(request.getParameter("run"));
                    response.sendRedirect(root + "?run=" + java.net.URLEncoder.encode(runId, java.nio.charset.StandardCharsets.UTF_8));
                }
                case "install", "uninstall" -> {
                    changeFeature(request.getParameter("action"), request.getParameter("feature"));
                    response.sendRedirect(root);
                }
                default -> request.setAttribute(ERROR, "unknown action '" + request.getParameter("action") + "'");
            }
        } catch (BadRequestException | ParamException | FeatureException e) {
            // Left uncommitted, the response becomes the page again, with this message on top.
            request.setAttribute(ERROR, e.getMessage());
        }
    }

    /** As {@code lab:cancel}: the engine stops the run, which is then recorded as cancelled; returns the id. */
    private String cancel(String runId) {
        if (runId == null || runId.isBlank()) {
            throw new BadRequestException("which run? the form named none");
        }
        if (!engine.cancel(runId)) {
            throw new BadRequestException("no queued or running run '" + runId + "'; it may have ended already");
        }
        LOG.info("web console: cancel run {}", runId);
        return runId;
    }

    private void changeFeature(String action, String name) {
        FeatureService service = features;
        if (service == null) {
            throw new BadRequestException("no feature installer is running; features cannot be changed now");
        }
        if (name == null || name.isBlank()) {
            throw new BadRequestException("which feature? the form named none");
        }
        LOG.info("web console: {} feature {}", action, name);
        if (action.equals("install")) {
            service.install(name);
        } else {
            service.uninstall(name);
        }
    }

    private Optional<FeatureService> currentFeatures() {
        return Optional.ofNullable(features);
    }
}
