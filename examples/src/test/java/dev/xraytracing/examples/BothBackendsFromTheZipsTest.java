package dev.xraytracing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.template.DeploymentPackage;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.BackendComparison;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.TraceDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The examples as deployed, once per backend: template.yaml with its {@code TracingBackend} parameter ({@code xray},
 * then {@code opentelemetry}, as {@code sam deploy --parameter-overrides} gives it), the functions from the zips the
 * package phase builds (the default one, and the one with the OpenTelemetry backend's jars, which is what
 * {@code -Popentelemetry} puts at the template's CodeUri), under AWS's runtime interface client. What the local
 * daemon keeps of each run is the same trace, field by field ({@link BackendComparison}). Runs after the package
 * phase (the {@code from-the-zips} surefire execution).
 */
@Tag("from-the-zips")
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class BothBackendsFromTheZipsTest {
    static final Path XRAY_ZIP = Path.of("target/xray-tracing-examples-lambda.zip");
    static final Path OPEN_TELEMETRY_ZIP = Path.of("target/xray-tracing-examples-otel-lambda.zip");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two requests: a cold start and a warm invocation of each function. */
    private static final int REQUESTS = 2;
    /** What X-Ray names as the SDK of an entity it made of a span. */
    private static final String SPANS = "opentelemetry for java";

    static Run xray;
    static Run openTelemetry;

    record Run(List<String> documents, List<Integer> statuses, Map<String, String> runtimes, List<String> problems) {
    }

    @BeforeAll
    static void runBothBackends() {
        xray = run("xray", XRAY_ZIP);
        openTelemetry = run("opentelemetry", OPEN_TELEMETRY_ZIP);
    }

    private static Run run(String backend, Path zip) {
        SamTemplate template = SamTemplate.read(Path.of("template.yaml"), "us-east-1",
                Map.of("TracingBackend", backend));
        TemplateSetup setup = TemplateSetup.of(template, RunLocally.BUILD_COMMAND, line -> { });
        Path taskRoot = DeploymentPackage.taskRoot(zip).orElseThrow(() -> new AssertionError(zip + " is not built"));
        setup.functions().forEach(f -> f.taskRoot(taskRoot).deploymentPackage(zip)
                .env(ExampleSettings.WORK_MILLIS, "50"));
        try (LocalPlatform platform = LocalPlatform.builder().template(setup)
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT).output(line -> { }).start()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                statuses.add(platform.request("GET", "/hello", null).status());
            }
            List<String> documents = platform.awaitDocuments();
            write(Path.of("target", "both-backends", backend + ".jsonl"), documents);
            return new Run(documents, statuses, platform.runtimes(), platform.problems());
        }
    }

    @Test
    void bothRunsAnswerEveryRequestUnderTheRuntimeInterfaceClient() {
        for (Run run : List.of(xray, openTelemetry)) {
            assertThat(run.problems()).isEmpty();
            assertThat(run.statuses()).containsOnly(200).hasSize(REQUESTS);
            assertThat(run.runtimes()).containsEntry("MyFirstLambda", "AWS runtime interface client")
                    .containsEntry("MySecondLambda", "AWS runtime interface client");
        }
    }

    @Test
    void theFunctionsOfTheOpenTelemetryRunSentSpansAndThoseOfTheXrayRunSegmentDocuments() {
        assertThat(sdkNames(xray.documents())).doesNotContain(SPANS);
        assertThat(sdkNames(openTelemetry.documents())).containsExactly(SPANS);
    }

    @Test
    void everyDocumentIsSchemaValidAndEachRequestIsOneTrace() {
        for (Run run : List.of(xray, openTelemetry)) {
            SegmentDocumentSchema.assertValid(run.documents());
            assertThat(TraceDocuments.assemble(run.documents())).hasSize(REQUESTS);
        }
    }

    @Test
    void theLocalDaemonShowsTheSameTraceForBothBackendsFieldByField() {
        BackendComparison.assertSameTraceAcrossRuns(xray.documents(), openTelemetry.documents());
    }

    @Test
    void onlyTheOpenTelemetryZipCarriesTheBackendsJarsAndOtherwiseTheyAreTheSame() {
        Set<String> xrayEntries = entries(XRAY_ZIP);
        Set<String> openTelemetryEntries = entries(OPEN_TELEMETRY_ZIP);
        assumeFalse("runtime".equals(System.getProperty("examples.otel.scope")),
                "built with -Popentelemetry: the default zip carries the backend too (the X-Ray run still sent"
                        + " segment documents, since the variable chooses)");

        assertThat(xrayEntries).noneMatch(e -> e.startsWith("lib/xray-tracing-otel")
                || e.startsWith("lib/opentelemetry-"));
        assertThat(openTelemetryEntries).containsAll(xrayEntries);
        Set<String> added = new TreeSet<>(openTelemetryEntries);
        added.removeAll(xrayEntries);
        // The backend alone: in Lambda it encodes its spans itself, and its OpenTelemetry dependencies are optional.
        assertThat(added).as("what the OpenTelemetry zip adds").singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("lib/xray-tracing-otel-");
    }

    /**
     * The {@code aws.xray.sdk} of the entities: X-Ray writes it on every entity it makes of a span, our X-Ray backend
     * on none of the functions' subsegments, and the platform's own segments say nothing of an SDK.
     */
    private static Set<String> sdkNames(List<String> documents) {
        Set<String> names = new TreeSet<>();
        for (String document : documents) {
            read(document).findValues("xray").forEach(xray -> {
                if (xray.has("sdk")) {
                    names.add(xray.path("sdk").asText());
                }
            });
        }
        return names;
    }

    /** Each run's documents, one per line, for a reader of a failure. */
    private static void write(Path file, List<String> documents) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> entries(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Set<String> names = new TreeSet<>();
            file.stream().forEach(e -> names.add(e.getName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
