package dev.xraytracing.internal.config;

import java.util.List;

/**
 * Every setting the library reads from its environment, in one table: the one source of {@code docs/configuration.md}
 * (see {@link ConfigurationDoc}). A key is read from its system property first, then from its environment variables
 * in the order listed; blank counts as unset. Nothing in the library calls {@code System.getenv} or
 * {@code System.getProperty} but {@link Configuration}, and a test holds both to that.
 */
public enum ConfigKey {
    ENABLED(Owner.YOU, "xraytracing.enabled", List.of("XRAY_TRACING_ENABLED"), "`true`",
            "`false` (or `off`) switches all tracing off: traced code and handlers run, the SDK interceptor stands aside, no "
                    + "recorder is built, nothing is sent. Read once per process."),
    SERVICE_NAME(Owner.YOU, "xraytracing.service.name",
            List.of("XRAY_TRACING_SERVICE_NAME", "POWERTOOLS_SERVICE_NAME", "OTEL_SERVICE_NAME"),
            "the function's name",
            "The `Service` annotation of every traced handler invocation, unless `HandlerTracing.service(...)` sets "
                    + "one. The first that is set wins, in the order listed."),
    HANDLER_SUBSEGMENT_NAME(Owner.YOU, "xraytracing.handler.subsegment", List.of("XRAY_TRACING_HANDLER_SUBSEGMENT"),
            "`## handleRequest`",
            "The name of the subsegment a traced handler opens for each invocation, unless "
                    + "`HandlerTracing.subsegmentName(...)` sets one."),
    CAPTURE_RESPONSE(Owner.YOU, "xraytracing.capture.response", List.of("XRAY_TRACING_CAPTURE_RESPONSE"), "`false`",
            "`true` records each traced handler's response or error as metadata (namespace `lambda`, cut to "
                    + "`HandlerTracing.captureLimit`), unless `HandlerTracing.captureResponse(...)` decides. Off by "
                    + "default: responses can hold personal data."),
    SDK_INTERCEPTOR(Owner.YOU, "xraytracing.sdk.interceptor", List.of("XRAY_TRACING_SDK_INTERCEPTOR"), "`on`",
            "`off` switches the AWS SDK v2 interceptor off (the rest of tracing stays on). Read when the interceptor "
                    + "class loads."),
    SAMPLING_RULES(Owner.YOU, "xraytracing.sampling.rules", List.of("XRAY_TRACING_SAMPLING_RULES"),
            "the X-Ray SDK's default rules (1 a second, then 5%)",
            "A file or classpath resource with local sampling rules in the X-Ray SDK's format, for traces that "
                    + "start outside Lambda (`Tracing.segment`); see [sampling.md](sampling.md)."),
    DAEMON_ADDRESS(Owner.LAMBDA, "com.amazonaws.xray.emitters.daemonAddress", List.of("AWS_XRAY_DAEMON_ADDRESS"),
            "`127.0.0.1:2000`",
            "Where documents are sent (UDP). Lambda sets it when active tracing is on; a traced handler then "
                    + "prepares tracing during init (see `XRAY_TRACING_INIT_WARM_UP`)."),
    BACKEND(Owner.YOU, "xraytracing.backend", List.of("XRAY_TRACING_BACKEND"),
            "`xray`",
            "Which backend sends what tracers built from the environment record (and the test kit's): `xray` sends "
                    + "segment documents to the daemon; `opentelemetry` (with `xray-tracing-otel` on the class path) "
                    + "sends the same trace as OpenTelemetry spans, over UDP to the daemon in the format of AWS's X-Ray "
                    + "UDP span exporter. Read when a tracer first sends."),
    OTEL_GLOBAL(Owner.YOU, "xraytracing.otel.global", List.of("XRAY_TRACING_OTEL_GLOBAL"), "`auto`",
            "With the OpenTelemetry backend, whether to join a `GlobalOpenTelemetry` that is already set (the Java "
                    + "agent, the ADOT layer, a team's own SDK; see [opentelemetry.md](opentelemetry.md)). Asking "
                    + "starts `java.util.logging`, about 30 ms of a one-core cold start, so `auto` asks outside Lambda "
                    + "and, in Lambda, only where `JAVA_TOOL_OPTIONS` holds `-javaagent` or `AWS_LAMBDA_EXEC_WRAPPER` "
                    + "is set (how the agent and the ADOT layer start); `on` always asks (a function that registers "
                    + "its own SDK as the global); `off` never joins. Read when a tracer first sends."),
    INIT_WARM_UP(Owner.YOU, "xraytracing.init.warmUp", List.of("XRAY_TRACING_INIT_WARM_UP"), "`auto`",
            "Where a traced handler of an on-demand environment prepares tracing (loads its classes, opens the "
                    + "emitter and its socket) while init goes on: `auto` on a background thread where the JVM sees "
                    + "more than one CPU, else in the first invocation (on one CPU a thread only competes with the "
                    + "function's own init); `on` always on the thread, `off` never. Provisioned concurrency and "
                    + "SnapStart prepare inline during init whatever it says."),
    TRACE_HEADER(Owner.LAMBDA, "com.amazonaws.xray.traceHeader", List.of("_X_AMZN_TRACE_ID"), "none",
            "The current invocation's trace header (after the runtime's thread-local, where it has one). Without "
                    + "it, outside a segment, nothing is recorded."),
    FUNCTION_NAME(Owner.LAMBDA, null, List.of("AWS_LAMBDA_FUNCTION_NAME"), "none",
            "The service name when neither the handler nor the variables above name one and the handler has no "
                    + "`Context`."),
    INITIALIZATION_TYPE(Owner.LAMBDA, null, List.of("AWS_LAMBDA_INITIALIZATION_TYPE"), "`on-demand`",
            "`provisioned-concurrency` and `snap-start` initialise ahead of requests: no `ColdStart` annotation, "
                    + "and tracing is prepared during init."),
    HANDLER(Owner.LAMBDA, null, List.of("_HANDLER"), "none",
            "The function's handler string. With a method in it (`Class::handleRequest`) a traced handler builds "
                    + "its event serializers during init, as the runtime does for the class-only form."),
    LOG_GROUP(Owner.LAMBDA, null, List.of("AWS_LOG_GROUP"), "none",
            "The function's CloudWatch log group, recorded as the segments' log reference so the console links "
                    + "traces to logs."),
    FAULTS(Owner.YOU, "xraytracing.faults", List.of("XRAY_TRACING_FAULTS"), "none (no faults)",
            "Fault rules as JSON (with the `xray-tracing-faults` module on the class path); see "
                    + "[fault-injection.md](fault-injection.md). Read when the tracer first needs them."),
    FAULTS_FILE(Owner.YOU, "xraytracing.faults.file", List.of("XRAY_TRACING_FAULTS_FILE"), "none",
            "A file with more fault rules in the same JSON format."),
    FAULTS_OFF(Owner.YOU, "xraytracing.faults.off", List.of("XRAY_TRACING_FAULTS_OFF"), "`false`",
            "`true` is the kill switch: no fault is injected, whatever any rule says."),
    FAULTS_SEED(Owner.YOU, "xraytracing.faults.seed", List.of("XRAY_TRACING_FAULTS_SEED"), "random",
            "A number that seeds the fault rules' percentage draws, so that a test or an experiment repeats."),
    FAULTS_APPCONFIG(Owner.YOU, "xraytracing.faults.appconfig", List.of("XRAY_TRACING_FAULTS_APPCONFIG"), "none",
            "`application/environment/profile`: fault rules (JSON or compact) read from the AWS AppConfig Lambda "
                    + "extension, so an experiment starts and stops without a redeploy."),
    FAULTS_APPCONFIG_POLL_SECONDS(Owner.YOU, "xraytracing.faults.appconfig.pollSeconds",
            List.of("XRAY_TRACING_FAULTS_APPCONFIG_POLL_SECONDS"), "`30`",
            "At most one AppConfig fetch per this many seconds, made on an invocation when the last is older."),
    JAVA_TOOL_OPTIONS(Owner.YOU, null, List.of("JAVA_TOOL_OPTIONS"), "none",
            "The JVM's extra options (set by you or a layer); read only to see whether a Java agent runs "
                    + "(`XRAY_TRACING_OTEL_GLOBAL`)."),
    EXEC_WRAPPER(Owner.YOU, null, List.of("AWS_LAMBDA_EXEC_WRAPPER"), "none",
            "The script a layer (the ADOT layer's `/opt/otel-handler`) starts the runtime through; read only for "
                    + "`XRAY_TRACING_OTEL_GLOBAL`."),
    APPCONFIG_EXTENSION_PORT(Owner.LAMBDA, null, List.of("AWS_APPCONFIG_EXTENSION_HTTP_PORT"), "`2772`",
            "The AppConfig Lambda extension's local HTTP port (the extension's own setting).");

    /** Who sets a key: the function's owner, or the Lambda service (we only read it). */
    public enum Owner {
        YOU, LAMBDA
    }

    private final Owner owner;
    private final String systemProperty;
    private final List<String> environmentVariables;
    private final String defaultValue;
    private final String meaning;

    ConfigKey(Owner owner, String systemProperty, List<String> environmentVariables, String defaultValue,
              String meaning) {
        this.owner = owner;
        this.systemProperty = systemProperty;
        this.environmentVariables = environmentVariables;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public Owner owner() {
        return owner;
    }

    /** The system property read first, or null where there is none. */
    public String systemProperty() {
        return systemProperty;
    }

    /** The environment variables read after the property, in this order. */
    public List<String> environmentVariables() {
        return environmentVariables;
    }

    /** What applies when the key is unset, as the documentation says it. */
    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }
}
