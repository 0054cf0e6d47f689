package dev.xraytracing.benchmarks.local;

import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.services.LocalService;
import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.catalog.ServiceCatalog;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the local platform's services cost to start for a template, in a fresh JVM: by default the whole start as a
 * run does it ({@code LocalServices.start}: the engines side by side, then the others); with {@code --each}, each kind
 * the template needs alone, in the catalog's order, with its wall time and this thread's CPU time (an engine in a
 * child process, dynalite or S3Mock, spends most of its CPU there, so its wall time is the figure to read). Run from
 * the repository's root: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/coldstart/runner.classpath)"
 * dev.xraytracing.benchmarks.local.ServicesStartup local/src/test/resources/templates/services.yaml [--each]}.
 */
public final class ServicesStartup {
    private ServicesStartup() {
    }

    public static void main(String[] args) {
        Path templateFile = Path.of(args.length > 0 ? args[0] : "examples/template.yaml");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        SamTemplate template = SamTemplate.read(templateFile, "us-east-1");
        Map<String, List<FunctionEvent>> events = new LinkedHashMap<>();
        for (TemplateFunction f : template.functions()) {
            events.put(f.name(), f.events());
        }
        ServiceContext context = new ServiceContext(template.resources(), events,
                (function, payload, header) -> InvokeResponse.serviceError(503, "NotStarted", "not started", "none"),
                new LinkedHashMap<>(), "us-east-1", "123456789012", new InetSocketAddress("127.0.0.1", 2000),
                line -> System.out.println("  said: " + line));
        System.out.printf(Locale.ROOT, "%s: template read in %.0f ms%n", templateFile, ms(System.nanoTime() - wall0));
        if (!List.of(args).contains("--each")) {
            long wall = System.nanoTime();
            try (LocalServices services = LocalServices.start(context, ServiceCatalog.ALL)) {
                System.out.printf(Locale.ROOT, "started %s in %.0f ms wall; JVM start to ready %d ms%n",
                        services.endpoints().keySet(), ms(System.nanoTime() - wall),
                        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
                firstS3Answer(services.endpoints().get("AWS_ENDPOINT_URL_S3"), wall);
            }
            return;
        }
        List<LocalService> started = new ArrayList<>();
        try {
            for (LocalServices.Kind kind : ServiceCatalog.ALL) {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                if (!kind.needed().test(context)) {
                    System.out.printf(Locale.ROOT, "%-12s not needed (%.1f ms)%n", kind.name(),
                            ms(System.nanoTime() - wall));
                    continue;
                }
                LocalService service = kind.start().apply(context);
                started.add(service);
                context.endpoints().put(service.endpointVariable(), service.endpoint());
                System.out.printf(Locale.ROOT, "%-12s started in %6.0f ms wall, %6.0f ms CPU of this thread%n",
                        kind.name(), ms(System.nanoTime() - wall), ms(threads.getCurrentThreadCpuTime() - cpu));
                if (kind.name().equals("S3")) {
                    firstS3Answer(service.endpoint(), wall);
                }
            }
        } finally {
            System.out.printf(Locale.ROOT, "all: %.0f ms wall, %.0f ms CPU of this thread, JVM start to ready %d ms%n",
                    ms(System.nanoTime() - wall0), ms(threads.getCurrentThreadCpuTime() - cpu0),
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }

    /**
     * S3Mock starts beside the run: the run is ready before S3 is. This waits for S3's first answer (an unsigned
     * {@code ListBuckets}, which S3Mock answers) and says how long after {@code since} it came.
     */
    private static void firstS3Answer(String endpoint, long since) {
        if (endpoint == null) {
            return;
        }
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/")).build(), HttpResponse.BodyHandlers.discarding());
            System.out.printf(Locale.ROOT, "S3's first answer (%d) %.0f ms after the start began%n",
                    answer.statusCode(), ms(System.nanoTime() - since));
        } catch (IOException e) {
            System.out.println("S3 did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
