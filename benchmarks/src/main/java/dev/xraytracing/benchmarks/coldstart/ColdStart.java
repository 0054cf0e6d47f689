package dev.xraytracing.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.template.DeploymentPackage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Cold start of MyFirstLambda on the local platform, in three forms: traced with our library, the same logic untraced,
 * and the X-Ray SDK's default recorder plus its interceptor; with {@code --from-zip} also the traced zip with
 * xray-tracing-faults (and its Jackson) packaged and no rule configured, the traced zip on the OpenTelemetry backend
 * (xray-tracing-otel added, {@code XRAY_TRACING_BACKEND=opentelemetry}), and an ADOT-like reference (the untraced
 * zip plus the OpenTelemetry SDK built by its autoconfigure module, {@link AdotLikeFirstLambda}). Every run starts a fresh JVM for the first function under
 * AWS's runtime interface client (MySecondLambda stays warm, {@code WORK_MILLIS=0}); the forms take turns run by run.
 *
 * <p>The figures are the platform's own record of each cold invocation, from the function segment it emits:
 * {@code Initialization} starts when the JVM process is spawned and ends when the runtime first polls for an event;
 * {@code Invocation} ends when the runtime posts the response. JVM start to first response is their span.
 *
 * <p>By default each form runs from its classpath ({@code target/coldstart/*.classpath}). With {@code --from-zip}
 * each runs from its deployment zip unpacked into a folder of its own, as Lambda unpacks it into {@code /var/task}:
 * the function JVM's classpath holds only the runtime, and the runtime client's class loader reads the handler
 * classes at the root and the jars under {@code lib/}. The traced form uses the examples' own zip; the build makes
 * the other two ({@code target/coldstart/untraced-lambda.zip}, {@code xray-lambda.zip}).
 *
 * <pre>
 * mvn -B -q verify -pl benchmarks -am -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/coldstart/runner.classpath)" \
 *     dev.xraytracing.benchmarks.coldstart.ColdStart --runs 15 --cpus 1 --class-counts [--from-zip] \
 *     [--forms untraced,traced,otel]
 * </pre>
 */
public final class ColdStart {
    private static final String EVENT = "{\"resource\":\"/{proxy+}\",\"path\":\"/hello\",\"httpMethod\":\"GET\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One form: its short name ({@link FormNames}), its function name on the platform, its handler, where its code
     * comes from and whether it traces.
     */
    record Form(String name, String label, String function, String handler, Code code, boolean traced) {
    }

    /** A function's code: a classpath, or a deployment zip and the task root it was unpacked into. */
    record Code(String classpath, Path zip, Path taskRoot) {
        static Code classpath(String classpath) {
            return new Code(classpath, null, null);
        }

        /** Unpacks the zip into a fresh folder, as Lambda unpacks it into /var/task. */
        static Code zip(Path zip) {
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(zip + " is missing: build with mvn -B -q package -pl benchmarks -am "
                        + "-DskipTests");
            }
            return new Code(null, zip, DeploymentPackage.taskRoot(zip).orElseThrow());
        }

        /**
         * The zip unpacked once more, into a folder of its own, with the jars of {@code extraLib} added to its
         * {@code lib/}, as a zip built with those dependencies would hold them (a jar the zip has already stays).
         */
        Code withJars(Path extraLib) throws IOException {
            Code copy = zip(zip);
            Path lib = Files.createDirectories(copy.taskRoot().resolve("lib"));
            try (Stream<Path> jars = Files.list(extraLib)) {
                for (Path jar : (Iterable<Path>) jars::iterator) {
                    if (!Files.exists(lib.resolve(jar.getFileName()))) {
                        Files.copy(jar, lib.resolve(jar.getFileName()));
                    }
                }
            }
            return copy;
        }

        /** The same with the class files of {@code handler} (and its nested classes) added at the task root. */
        Code withHandler(Class<?> handler) throws IOException {
            Path classes;
            try {
                classes = Path.of(handler.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
            String packagePath = handler.getPackageName().replace('.', '/');
            Path target = Files.createDirectories(taskRoot.resolve(packagePath));
            try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.equals(handler.getSimpleName() + ".class")
                            || name.startsWith(handler.getSimpleName() + "$")) {
                        Files.copy(file, target.resolve(name));
                    }
                }
            }
            return this;
        }

        LocalFunction applyTo(LocalFunction function) {
            return taskRoot != null ? function.taskRoot(taskRoot) : function.classpath(classpath);
        }
    }

    /**
     * One cold invocation, in milliseconds, and the classes its JVM loaded until the first response (all of them, and
     * those not from the JDK's CDS archive); -1 when not counted.
     */
    record Sample(String form, int run, double init, double invocation, double total, double outside, int classes,
                  int classesOutsideArchive) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        int warmups = 1;
        String jvmOptions = null;
        String cpus = null;
        boolean classCounts = false;
        boolean fromZip = false;
        Path faultsLibOption = null;
        Path otelLibOption = null;
        Path adotLibOption = null;
        String formsOption = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                // For finding where the time goes, e.g. "-Xlog:class+load:file=/tmp/{function}.log:uptime"
                case "--jvm-options" -> jvmOptions = args[++i];
                // e.g. "1": the cold function JVMs run under taskset -c 1
                case "--cpus" -> cpus = args[++i];
                case "--class-counts" -> classCounts = true;
                case "--from-zip" -> fromZip = true;
                // the jars the faults form adds (default target/coldstart/faults-lib), e.g. an older build's
                case "--faults-lib" -> faultsLibOption = Path.of(args[++i]);
                // the jars the OpenTelemetry form adds (default target/coldstart/otel-lib)
                case "--otel-lib" -> otelLibOption = Path.of(args[++i]);
                // the jars the ADOT-like form adds to the untraced zip (default target/coldstart/adot-lib)
                case "--adot-lib" -> adotLibOption = Path.of(args[++i]);
                // only these forms each round, e.g. "untraced,traced,otel" (untraced always: the baseline)
                case "--forms" -> formsOption = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--runs N, --warmups N, --jvm-options OPTIONS, --cpus LIST, --class-counts, --from-zip,"
                        + " --faults-lib DIR, --otel-lib DIR, --adot-lib DIR, --forms "
                        + String.join(",", FormNames.KNOWN) + ")");
            }
        }
        FormNames chosen = formsOption == null ? FormNames.all() : FormNames.parse(formsOption);
        chosen.requireZipsFor(fromZip);
        Path classes = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.getParent().resolve("coldstart");
        String own = classes.toString() + File.pathSeparator;
        Code traced;
        Code untraced;
        Code xray;
        Code tracedWithFaults = null;
        Code tracedOnOpenTelemetry = null;
        Code adotLike = null;
        Path faultsLib = null;
        Path otelLib = null;
        if (fromZip) {
            // benchmarks/target/classes -> the repository's root -> examples/target
            traced = Code.zip(classes.getParent().getParent().getParent()
                    .resolve("examples/target/xray-tracing-examples-lambda.zip"));
            untraced = Code.zip(dir.resolve("untraced-lambda.zip"));
            xray = Code.zip(dir.resolve("xray-lambda.zip"));
            faultsLib = faultsLibOption != null ? faultsLibOption : dir.resolve("faults-lib");
            if (chosen.includes("faults")) {
                if (!Files.isDirectory(faultsLib)) {
                    throw new IllegalStateException(faultsLib + " is missing: build with mvn -B -q verify -pl "
                            + "benchmarks -am -DskipTests");
                }
                tracedWithFaults = traced.withJars(faultsLib);
            }
            otelLib = otelLibOption != null ? otelLibOption : dir.resolve("otel-lib");
            if (chosen.includes("otel") && Files.isDirectory(otelLib)) {
                tracedOnOpenTelemetry = traced.withJars(otelLib);
            }
            Path adotLib = adotLibOption != null ? adotLibOption : dir.resolve("adot-lib");
            if (chosen.includes("adot") && Files.isDirectory(adotLib)) {
                adotLike = untraced.withJars(adotLib).withHandler(AdotLikeFirstLambda.class);
            }
        } else {
            traced = Code.classpath(read(dir, "traced"));
            untraced = Code.classpath(own + read(dir, "untraced"));
            xray = Code.classpath(own + read(dir, "xray"));
        }
        List<Form> forms = new ArrayList<>(List.of(
                new Form("traced", "traced (xray-tracing)", "TracedFirst", "dev.xraytracing.examples.MyFirstLambda", traced,
                        true),
                new Form(FormNames.UNTRACED, "untraced", "UntracedFirst", UntracedFirstLambda.class.getName(), untraced, false),
                new Form("xray", "X-Ray SDK default + TracingInterceptor", "XrayFirst", XrayDefaultFirstLambda.class.getName(),
                        xray, true)));
        if (tracedWithFaults != null) {
            // The examples' zip plus xray-tracing-faults (and its Jackson), no rule in any source (issue 22).
            forms.add(new Form("faults", "traced + faults module (no rule)", "FaultsFirst",
                    "dev.xraytracing.examples.MyFirstLambda", tracedWithFaults, true));
        }
        if (tracedOnOpenTelemetry != null) {
            // The examples' zip plus xray-tracing-otel: the same handlers, spans to the daemon (issue 26).
            forms.add(new Form("otel", "traced, OpenTelemetry backend", "OtelFirst", // XRAY_TRACING_BACKEND set below
                    "dev.xraytracing.examples.MyFirstLambda", tracedOnOpenTelemetry, true));
        }
        if (adotLike != null) {
            // The untraced zip plus the OpenTelemetry SDK, its autoconfigure module and AdotLikeFirstLambda.
            forms.add(new Form("adot", "ADOT-like: OpenTelemetry SDK + autoconfigure", "AdotFirst",
                    AdotLikeFirstLambda.class.getName(), adotLike, true));
        }
        forms.removeIf(form -> !chosen.includes(form.name()));
        chosen.requireBuilt(forms.stream().map(Form::name).toList());
        if (fromZip) {
            for (Form form : forms) {
                if (!FormNames.ZIP_ONLY.contains(form.name())) { // the three zips as built, nothing added
                    System.out.println(describeZip(form));
                }
            }
            if (tracedWithFaults != null) {
                System.out.printf(Locale.ROOT, "faults module form: the traced zip's lib/ plus %s from %s (%,d "
                        + "bytes)%n", jarNames(faultsLib), faultsLib, bytesOf(faultsLib));
            }
            if (tracedOnOpenTelemetry != null) {
                System.out.printf(Locale.ROOT, "OpenTelemetry form: the traced zip's lib/ plus %s from %s (%,d bytes)%n",
                        jarNames(otelLib), otelLib, bytesOf(otelLib));
            }
            if (adotLike != null) {
                System.out.printf(Locale.ROOT, "ADOT-like form: the untraced zip's lib/ plus %s (%,d bytes) and "
                        + "AdotLikeFirstLambda%n", jarNames(adotLike.taskRoot().resolve("lib"), "opentelemetry-"),
                        bytesOf(adotLike.taskRoot().resolve("lib"), "opentelemetry-"));
            }
            expectNoJar(traced, "xray-tracing-otel", "opentelemetry-");
            expectNoJar(untraced, "xray-tracing-", "aws-xray-");
            expectNoJar(xray, "xray-tracing-");
        }

        Path classLogs = classCounts ? Files.createTempDirectory("coldstart-classes-") : null;
        LocalPlatform.Builder builder = LocalPlatform.builder()
                .function(traced.applyTo(LocalFunction.of("MySecondLambda", "dev.xraytracing.examples.MySecondLambda")
                        .env("WORK_MILLIS", "0")))
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(line -> { });
        for (Form form : forms) {
            LocalFunction function = form.code().applyTo(LocalFunction.of(form.function(), form.handler()))
                    .keepWarm(false);
            if (form.function().equals("OtelFirst")) {
                function.env("XRAY_TRACING_BACKEND", "opentelemetry");
            }
            List<String> options = new ArrayList<>();
            if (jvmOptions != null) {
                options.add(jvmOptions.replace("{function}", form.function()));
            }
            if (classLogs != null) {
                // filecount=0: each JVM truncates the file, so it holds the current run only
                options.add("-Xlog:class+load:file=" + classLog(classLogs, form) + ":none:filecount=0");
            }
            if (!options.isEmpty()) {
                function.env("JAVA_TOOL_OPTIONS", String.join(" ", options));
            }
            if (cpus != null) {
                function.launcher("taskset", "-c", cpus);
            }
            builder.function(function);
        }
        System.out.printf(Locale.ROOT, "cold JVMs on CPUs %s; %d CPUs; load average at start %.2f; code from %s%n",
                cpus == null ? "all" : cpus, Runtime.getRuntime().availableProcessors(), loadAverage(),
                fromZip ? "the deployment zips, unpacked as /var/task" : "classpaths");
        List<Sample> samples = new ArrayList<>();
        try (LocalPlatform platform = builder.start()) {
            for (int i = 0; i < 20; i++) {
                expectOk(platform.invoke("MySecondLambda", "{}", null), "MySecondLambda");
            }
            for (int run = -warmups; run < runs; run++) {
                for (int k = 0; k < forms.size(); k++) {
                    Form form = forms.get(Math.floorMod(run + k, forms.size())); // each form leads in turn
                    Sample sample = measure(platform, form, run, classLogs);
                    if (run >= 0) {
                        samples.add(sample);
                    }
                    System.out.printf(Locale.ROOT, "%s run %d: init %.0f ms, invocation %.0f ms, total %.0f ms "
                            + "(outside %.0f ms)%s%n", form.label(), run, sample.init(), sample.invocation(),
                            sample.total(), sample.outside(), sample.classes() < 0 ? "" : String.format(Locale.ROOT,
                                    ", %d classes (%d not from the CDS archive)", sample.classes(),
                                    sample.classesOutsideArchive()));
                }
            }
            if (!platform.problems().isEmpty()) {
                throw new IllegalStateException("problems during the run: " + platform.problems());
            }
        } finally {
            deleteClassLogs(classLogs);
        }
        writeCsv(dir.resolve(fromZip ? "results-zip.csv" : "results.csv"), samples);
        System.out.println();
        System.out.printf(Locale.ROOT, "cold JVMs on CPUs %s; load average at end %.2f; code from %s%n",
                cpus == null ? "all" : cpus, loadAverage(), fromZip ? "the deployment zips" : "classpaths");
        System.out.println(table(forms, samples, runs, classCounts));
        System.out.println(PairedIntervals.table(List.of(samples)));
    }

    /** Each round's class log is counted as the round ends; none is kept after the run. */
    private static void deleteClassLogs(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> logs = Files.list(folder)) {
            for (Path log : logs.toList()) {
                Files.deleteIfExists(log);
            }
            Files.deleteIfExists(folder);
        } catch (IOException failure) {
            System.err.println("could not delete the class logs in " + folder + ": " + failure);
        }
    }

    private static String describeZip(Form form) throws IOException {
        Path file = form.code().zip();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long jars = zip.stream().filter(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar"))
                    .count();
            return String.format(Locale.ROOT, "zip of %s: %s, %,d bytes, %d jars", form.label(), file,
                    Files.size(file), jars);
        }
    }

    /** Fails when a zip that must not carry tracing holds a jar whose name starts with one of the prefixes. */
    private static void expectNoJar(Code code, String... prefixes) throws IOException {
        List<String> found = jarNames(code.taskRoot().resolve("lib"), prefixes);
        if (!found.isEmpty()) {
            throw new IllegalStateException(code.zip() + " must not carry " + found);
        }
    }

    private static List<String> jarNames(Path lib, String... prefixes) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> prefixes.length == 0 || Arrays.stream(prefixes).anyMatch(name::startsWith))
                    .sorted().toList();
        }
    }

    private static long bytesOf(Path lib, String... prefixes) throws IOException {
        long bytes = 0;
        for (String jar : jarNames(lib, prefixes)) {
            bytes += Files.size(lib.resolve(jar));
        }
        return bytes;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Path classLog(Path dir, Form form) {
        return dir.resolve(form.function() + ".log");
    }

    /**
     * Counts the classes the run's JVM loaded until it began to shut down. The platform stops it right after its
     * runtime polls again, which follows the first response at once (and loads nothing new), so this is the count
     * until the first response. (The JVM's uptime clock cannot cut it: it starts tens of milliseconds after the spawn.)
     * The stop is the signal's handler ({@code jdk.internal.misc.Signal$1}); {@code java.lang.Shutdown} alone does
     * not mark it, since registering a shutdown hook loads it too (java.util.logging and the OpenTelemetry SDK do).
     */
    private static int[] countClasses(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int end = indexOfClass(lines, "jdk.internal.misc.Signal$1");
        if (end < 0) {
            end = indexOfClass(lines, "java.lang.Shutdown");
        }
        List<String> loaded = end < 0 ? lines : lines.subList(0, end);
        int outsideArchive = 0;
        for (String line : loaded) {
            if (!line.contains("source: shared objects file")) {
                outsideArchive++;
            }
        }
        return new int[] {loaded.size(), outsideArchive};
    }

    private static int indexOfClass(List<String> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static Sample measure(LocalPlatform platform, Form form, int run, Path classLogs) throws Exception {
        dev.xraytracing.internal.TraceHeader trace = TraceIds.newTrace().withParent(TraceIds.newSegmentId());
        String root = trace.root();
        String header = trace.toString();
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
        double total = (invocation.path("end_time").asDouble() - init.path("start_time").asDouble()) * 1000;
        int[] classes = classLogs == null ? new int[] {-1, -1} : countClasses(classLog(classLogs, form));
        return new Sample(form.label(), run, millis(init), millis(invocation), total, outside, classes[0], classes[1]);
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

    static String table(List<Form> forms, List<Sample> samples, int runs, boolean classCounts) {
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
        if (classCounts) {
            out.append("\n| form | classes loaded until the first response | of them not from the CDS archive | "
                    + "added over untraced: median of the per-round differences |\n|---|---:|---:|---:|\n");
            for (Form form : forms) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", form.label(),
                        Stats.of(samples, form.label(), Sample::classes),
                        Stats.of(samples, form.label(), Sample::classesOutsideArchive),
                        Stats.pairedOverUntraced(samples, form.label(), Sample::classes)));
            }
        }
        return out.toString();
    }

    private static void writeCsv(Path file, List<Sample> samples) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("form,run,init_ms,invocation_ms,total_ms,outside_ms,classes,classes_outside_archive");
        for (Sample s : samples) {
            // the form's label in quotes: some hold a comma
            lines.add(String.format(Locale.ROOT, "\"%s\",%d,%.1f,%.1f,%.1f,%.1f,%d,%d", s.form(), s.run(), s.init(),
                    s.invocation(), s.total(), s.outside(), s.classes(), s.classesOutsideArchive()));
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
}
