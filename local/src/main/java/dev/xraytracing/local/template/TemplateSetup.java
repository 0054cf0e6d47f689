package dev.xraytracing.local.template;

import dev.xraytracing.local.app.LocalFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a SAM template asks the local platform to run, as plain data: each function with its handler, memory, timeout,
 * tracing, environment and code (its built package where there is one), the first REST API and the first HTTP API with
 * their routes. {@code LocalPlatform.Builder.template} consumes it. What it cannot simulate it says, one line each, to
 * {@code say}.
 */
public final class TemplateSetup {
    private final SamTemplate template;
    private final List<LocalFunction> functions = new ArrayList<>();
    private final Optional<TemplateApi> restApi;
    private final List<ApiRoute> restRoutes;
    private final Optional<TemplateApi> httpApi;
    private final List<ApiRoute> httpRoutes;

    private TemplateSetup(SamTemplate template, String buildCommand, boolean fromPackages, Consumer<String> say) {
        this.template = template;
        template.warnings().forEach(w -> say.accept("warning: " + w));
        for (TemplateFunction f : template.functions()) {
            LocalFunction function = LocalFunction.of(f.name(), f.handler())
                    .memoryMb(f.memoryMb())
                    .timeout(Duration.ofSeconds(f.timeoutSeconds()))
                    .activeTracing(f.activeTracing());
            f.environment().forEach(function::env);
            f.reservedConcurrency().ifPresent(function::reservedConcurrency);
            if (fromPackages && f.codeUri().isPresent()) {
                Path codeUri = f.codeUri().get();
                Optional<Path> taskRoot = DeploymentPackage.taskRoot(codeUri);
                if (taskRoot.isPresent()) {
                    function.taskRoot(taskRoot.get()).deploymentPackage(codeUri);
                } else {
                    say.accept(f.name() + "'s CodeUri " + codeUri + " is not built yet (" + buildCommand
                            + " builds it; " + DeploymentPackage.besideMissing(codeUri) + "); " + f.name()
                            + " runs from the classpath instead");
                }
            }
            functions.add(function);
        }
        List<TemplateApi> rest = template.apis().stream().filter(a -> a.kind() == ApiRoute.Kind.REST).toList();
        restApi = rest.stream().findFirst();
        rest.stream().skip(1).forEach(a -> say.accept("warning: only one REST API is simulated ("
                + restApi.get().logicalId() + "); " + a.logicalId() + "'s routes are not"));
        List<TemplateApi> http = template.apis().stream().filter(a -> a.kind() == ApiRoute.Kind.HTTP).toList();
        httpApi = http.stream().findFirst();
        httpApi.ifPresent(a -> say.accept("note: " + a.logicalId() + " is an HTTP API, which API Gateway cannot "
                + "trace (only REST APIs): its requests start no trace there and draw no API Gateway node; each "
                + "function's Tracing decides"));
        http.stream().skip(1).forEach(a -> say.accept("warning: only one HTTP API is simulated ("
                + httpApi.get().logicalId() + "); " + a.logicalId() + "'s routes are not"));
        httpRoutes = httpApi.map(api -> template.routes().stream()
                .filter(r -> r.kind() == ApiRoute.Kind.HTTP && r.api().equals(api.logicalId())).toList())
                .orElse(List.of());
        restRoutes = restApi.map(api -> template.routes().stream()
                .filter(r -> r.kind() == ApiRoute.Kind.REST && r.api().equals(api.logicalId())).toList())
                .orElse(List.of());
    }

    /** Functions run from their built packages where there are some ({@code buildCommand} builds the others). */
    public static TemplateSetup of(SamTemplate template, String buildCommand, Consumer<String> say) {
        return new TemplateSetup(template, buildCommand, true, say);
    }

    /**
     * Functions run from the platform's classpath, whatever their CodeUri: for tests, which run before the package
     * is built (and must not pick up a stale one).
     */
    public static TemplateSetup fromClasspath(SamTemplate template, Consumer<String> say) {
        return new TemplateSetup(template, "", false, say);
    }

    /** The functions, in template order; each may still be changed (environment, task root) before the run. */
    public List<LocalFunction> functions() {
        return List.copyOf(functions);
    }

    public SamTemplate template() {
        return template;
    }

    /** The REST API that is simulated (the template's first), if any. */
    public Optional<TemplateApi> restApi() {
        return restApi;
    }

    /** The routes of {@link #restApi()}, in template order. */
    public List<ApiRoute> restRoutes() {
        return restRoutes;
    }

    /** The HTTP API that is simulated (the template's first), if any. */
    public Optional<TemplateApi> httpApi() {
        return httpApi;
    }

    /** The routes of {@link #httpApi()}, in template order. */
    public List<ApiRoute> httpRoutes() {
        return httpRoutes;
    }

    /** Whether the template has REST API routes (requests go there first). */
    public boolean hasApi() {
        return !restRoutes.isEmpty();
    }

    /** Whether the template has HTTP API routes. */
    public boolean hasHttpApi() {
        return !httpRoutes.isEmpty();
    }

    /** The request a run sends by default: the first route's method and path, parameters filled with samples. */
    public String[] defaultRequest() {
        if (restRoutes.isEmpty() && httpRoutes.isEmpty()) {
            return new String[] {"GET", "/"};
        }
        ApiRoute route = restRoutes.isEmpty() ? httpRoutes.get(0) : restRoutes.get(0);
        String path = route.path().replaceAll("\\{([^}+]+)\\+}", "$1").replaceAll("\\{([^}]+)}", "$1");
        return new String[] {route.method().equals("ANY") ? "GET" : route.method(), path};
    }
}
