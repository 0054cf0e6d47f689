package dev.xraytracing.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.LocalFunction;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.RuntimeLoop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cold start of MyFirstLambda on the local platform, in three forms: traced with our library, the same logic untraced,
 * and the X-Ray SDK's default recorder plus its interceptor. Every run starts a fresh JVM for the first function under
 * AWS's runtime interface client (MySecondLambda stays warm, {@code WORK_MILLIS=0}); the forms take turns run by run.
 *
 * <p>The figures are the platform's own record of each cold invocation, from the function segment it emits:
 * {@code Initialization} starts when the JVM process is spawned and ends when the runtime first polls for an event;
 * {@code Invocation} ends when the runtime posts the response. JVM start to first response is their span.
 *
 * <pre>
 * mvn -B -q verify -pl benchmarks -am -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/coldstart/runner.classpath)" \
 *     dev.xraytracing.benchmarks.coldstart.ColdStart --runs 10
 * </pre>
 */
public final class ColdStart {
    private static final String EVENT = "{\"resource\":\"/{proxy+}\",\"path\":\"/hello\",\"httpMethod\":\"GET\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One form: its function name on the platform, its handler, its classpath and whether it traces. */
    record Form(String label, String function, String handler, String classpath, boolean traced) {
    }

    /** One cold invocation, in milliseconds. */
    record Sample(String form, int run, double init, double invocation, double total, double outside) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        int warmups = 1;
        String jvmOptions = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                // For finding where the time goes, e.g. "-Xlog:class+load:file=/tmp/{function}.log:uptime"
                case "--jvm-options" -> jvmOptions = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--runs N, --warmups N, --jvm-options OPTIONS)");
            }
        }
        Path classes = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.getParent().resolve("coldstart");
        String own = classes.toString() + File.pathSeparator;
        List<Form> forms = List.of(
                new Form("traced (xray-tracing)", "TracedFirst", "dev.xraytracing.examples.MyFirstLambda",
                        read(dir, "traced"), true),
                new Form("untraced", "UntracedFirst", UntracedFirstLambda.class.getName(),
                        own + read(dir, "untraced"), false),
                new Form("X-Ray SDK default + TracingInterceptor", "XrayFirst", XrayDefaultFirstLambda.class.getName(),
                        own + read(dir, "xray"), true));

        LocalPlatform.Builder builder = LocalPlatform.builder()
                .function(LocalFunction.of("MySecondLambda", "dev.xraytracing.examples.MySecondLambda")
                        .env("WORK_MILLIS", "0").classpath(read(dir, "traced")))
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(line -> { });
        for (Form form : forms) {
            LocalFunction function = LocalFunction.of(form.function(), form.handler()).classpath(form.classpath())
                    .keepWarm(false);
            if (jvmOptions != null) {
                function.env("JAVA_TOOL_OPTIONS", jvmOptions.replace("{function}", form.function()));
            }
            builder.function(function);
        }
        List<Sample> samples = new ArrayList<>();
        try (LocalPlatform platform = builder.start()) {
            for (int i = 0; i < 20; i++) {
                expectOk(platform.invoke("MySecondLambda", "{}", null), "MySecondLambda");
            }
            for (int run = -warmups; run < runs; run++) {
                for (int k = 0; k < forms.size(); k++) {
                    Form form = forms.get(Math.floorMod(run + k, forms.size())); // each form leads in turn
                    Sample sample = measure(platform, form, run);
                    if (run >= 0) {
                        samples.add(sample);
                    }
                    System.out.printf(Locale.ROOT, "%s run %d: init %.0f ms, invocation %.0f ms, total %.0f ms "
                            + "(outside %.0f ms)%n", form.label(), run, sample.init(), sample.invocation(),
                            sample.total(), sample.outside());
                }
            }
            if (!platform.problems().isEmpty()) {
                throw new IllegalStateException("problems during the run: " + platform.problems());
            }
        }
        writeCsv(dir.resolve("results.csv"), samples);
        System.out.println();
        System.out.println(table(forms, samples, runs));
    }

    private static Sample measure(LocalPlatform platform, Form form, int run) throws Exception {
        String root = "1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex(12);
        String header = "Root=" + root + ";Parent=" + hex(8) + ";Sampled=1";
        long start = System.nanoTime();
        LocalPlatform.ApiResponse response = platform.invoke(form.function(), EVENT, header);
        double outside = (System.nanoTime() - start) / 1e6;
        expectOk(response, form.function());
        List<JsonNode> documents = new ArrayList<>();
        for (String document : platform.awaitDocuments()) {
            JsonNode node = JSON.readTree(document);
            if (root.equals(node.path("trace_id").asText())) {
                documents.add(node);
            }
        }
        JsonNode function = documents.stream()
                .filter(d -> form.function().equals(d.path("name").asText())
                        && "AWS::Lambda::Function".equals(d.path("origin").asText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no function segment for " + form.label()));
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        function.path("subsegments").forEach(s -> parts.put(s.path("name").asText(), s));
        JsonNode init = parts.get("Initialization");
        JsonNode invocation = parts.get("Invocation");
        if (init == null || invocation == null) {
            throw new IllegalStateException(form.label() + " was not a cold start: " + parts.keySet());
        }
        Set<String> names = new HashSet<>();
        documents.forEach(d -> collectNames(d, names));
        if (form.traced() != names.contains("CallSecondLambda")) {
            throw new IllegalStateException(form.label() + (form.traced() ? " recorded no" : " recorded a")
                    + " CallSecondLambda subsegment: " + names);
        }
        Thread.sleep(1_000); // the used JVM is stopped after its next poll; let the machine settle before the next run
        return new Sample(form.label(), run, millis(init), millis(invocation),
                (invocation.path("end_time").asDouble() - init.path("start_time").asDouble()) * 1000, outside);
    }

    private static void collectNames(JsonNode entity, Set<String> names) {
        names.add(entity.path("name").asText());
        entity.path("subsegments").forEach(s -> collectNames(s, names));
    }

    private static double millis(JsonNode entity) {
        return (entity.path("end_time").asDouble() - entity.path("start_time").asDouble()) * 1000;
    }

    private static void expectOk(LocalPlatform.ApiResponse response, String function) {
        if (response.status() != 200 || !response.body().contains("Success") && !response.body().contains("200")) {
            throw new IllegalStateException(function + " answered " + response.status() + ": " + response.body());
        }
    }

    static String table(List<Form> forms, List<Sample> samples, int runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d cold starts per form; milliseconds, median (min-max)%n%n", runs));
        out.append("| form | JVM start to first response | added over untraced: difference of medians | "
                + "added over untraced: median of the per-round differences | init phase | first invocation | "
                + "request, seen by the caller |\n|---|---:|---:|---:|---:|---:|---:|\n");
        double untraced = Stats.of(samples, "untraced", Sample::total).median();
        for (Form form : forms) {
            Stats total = Stats.of(samples, form.label(), Sample::total);
            out.append(String.format(Locale.ROOT, "| %s | **%.0f** (%.0f-%.0f) | %+.0f | %s | %s | %s | %s |%n",
                    form.label(), total.median(), total.min(), total.max(), total.median() - untraced,
                    Stats.pairedOverUntraced(samples, form.label()),
                    Stats.of(samples, form.label(), Sample::init), Stats.of(samples, form.label(), Sample::invocation),
                    Stats.of(samples, form.label(), Sample::outside)));
        }
        return out.toString();
    }

    private static void writeCsv(Path file, List<Sample> samples) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("form,run,init_ms,invocation_ms,total_ms,outside_ms");
        for (Sample s : samples) {
            lines.add(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.1f,%.1f", s.form(), s.run(), s.init(),
                    s.invocation(), s.total(), s.outside()));
        }
        Files.write(file, lines);
    }

    private static String read(Path dir, String form) throws IOException {
        Path file = dir.resolve(form + ".classpath");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: build with mvn -B -q verify -pl benchmarks -am");
        }
        return Files.readString(file).trim();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        StringBuilder out = new StringBuilder();
        for (byte b : random) {
            out.append(String.format(Locale.ROOT, "%02x", b));
        }
        return out.toString();
    }
}
