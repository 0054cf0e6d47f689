package dev.xraytracing;

import dev.xraytracing.internal.InterceptorSwitch;
import dev.xraytracing.internal.LocalSampling;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.DocumentSinks;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.status.StatusReader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One tracer: it owns everything tracing keeps (where documents go, the sampling rules for traces that start here,
 * the status readers, the AWS SDK resource table, the problems already logged). The static {@link Tracing} facade,
 * the AWS SDK interceptor and the Lambda handlers use the process-wide default, which is built from the environment
 * on first use unless {@link #setDefault} installed another. A thread can have a tracer of its own
 * ({@link #makeCurrent()}); the test kit gives each test one, so tests run in parallel without sharing anything.
 *
 * <pre>{@code
 * Tracer.setDefault(Tracer.builder()
 *         .samplingRules(Main.class.getResource("/sampling.json"))
 *         .statusReader(HttpResponse.class, response -> CallStatus.of(response.statusCode()))
 *         .build());
 * }</pre>
 *
 * <p>Entities remember the tracer that created them, so work that continues on another thread under a captured
 * context (see {@code dev.xraytracing.context.TraceContext}) records for the same tracer.
 */
public final class Tracer {
    final TracerCore core;

    private Tracer(TracerCore core) {
        this.core = core;
    }

    /** A builder whose every setting starts at its default, as the environment configures it. */
    public static Builder builder() {
        return new Builder();
    }

    /** Makes {@code tracer} the process-wide default, for every thread that has no tracer of its own. */
    public static void setDefault(Tracer tracer) {
        TracerCore.setDefault(Objects.requireNonNull(tracer, "tracer").core);
    }

    /**
     * Makes this tracer the calling thread's own until the returned scope closes, which restores what the thread had
     * before (another tracer of its own, or the default). Scopes nest; close them on the thread that opened them.
     */
    public Scope makeCurrent() {
        TracerCore.Scope scope = core.makeCurrent();
        return scope::close;
    }

    /** Undoes {@link #makeCurrent()}; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Builds a {@link Tracer}; each setter names the property it sets and says its default. */
    public static final class Builder {
        /** Null: where the environment says. No lambdas on this path: each costs a spun class on a cold start. */
        private Function<WarnOnce, ? extends DocumentSink> sink;
        private URL samplingRules;
        private Boolean awsSdkCalls;
        private Configuration configuration = Configuration.process();
        private final List<Registration<?>> statusReaders = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sends documents to the X-Ray daemon at {@code address}. Default: the address in
         * {@code AWS_XRAY_DAEMON_ADDRESS} (Lambda sets it) or {@code -Dcom.amazonaws.xray.emitters.daemonAddress},
         * else {@code 127.0.0.1:2000}. With {@code XRAY_TRACING_BACKEND=opentelemetry} (and {@code xray-tracing-otel}
         * on the class path) the trace goes there as OpenTelemetry spans (docs/opentelemetry.md).
         */
        public Builder daemonAddress(InetSocketAddress address) {
            Objects.requireNonNull(address, "address");
            this.sink = new ToDaemon(address);
            return this;
        }

        /**
         * Hands every finished segment document (X-Ray's JSON) to {@code consumer} instead of sending it to the daemon:
         * for a local run or a test. Default: the daemon (see {@link #daemonAddress}). What the consumer throws is
         * logged once and dropped; it never reaches traced code.
         */
        public Builder documents(Consumer<String> consumer) {
            Objects.requireNonNull(consumer, "consumer");
            this.sink = warnings -> document -> {
                try {
                    consumer.accept(document);
                } catch (Throwable failure) {
                    warnings.warn("documents:" + failure.getClass().getName(),
                            "the document consumer failed; the document was not delivered", failure);
                }
            };
            return this;
        }

        /**
         * Samples traces that start here ({@link Tracing#segment}) by these rules, in the X-Ray SDK's local format.
         * Default: the file or classpath resource named by {@code XRAY_TRACING_SAMPLING_RULES} or
         * {@code -Dxraytracing.sampling.rules}, else the SDK's default rule (one a second, then 5%). In Lambda the
         * trace header decides instead.
         */
        public Builder samplingRules(URL rules) {
            this.samplingRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * Whether the AWS SDK interceptor records calls for this tracer. Default: true, unless
         * {@code -Dxraytracing.sdk.interceptor=off} or {@code XRAY_TRACING_SDK_INTERCEPTOR=off}.
         */
        public Builder awsSdkCalls(boolean recorded) {
            this.awsSdkCalls = recorded;
            return this;
        }

        /**
         * Reads the status of results of {@code type} with {@code reader}; readers added later are asked first, and
         * all before the built-in ones. Default: only the built-in readers (AWS SDK responses, Lambda function errors,
         * API Gateway proxy responses).
         */
        public <T> Builder statusReader(Class<T> type, StatusReader<? super T> reader) {
            statusReaders.add(new Registration<>(Objects.requireNonNull(type, "type"),
                    Objects.requireNonNull(reader, "reader")));
            return this;
        }

        /**
         * Reads this tracer's settings (docs/configuration.md: the off switch, the service name, response capture, the
         * handler subsegment's name, the interceptor switch) from {@code variables}, as if they were the whole
         * environment and no system property were set: for tests. Default: the process's system properties and
         * environment variables. What is built once per JVM (the daemon address, sampling rules from the
         * environment) and what the Lambda runtime sets per invocation (the trace header) still come from the process.
         */
        public Builder environment(Map<String, String> variables) {
            this.configuration = Configuration.of(Objects.requireNonNull(variables, "variables"), Map.of());
            return this;
        }

        public Tracer build() {
            TracerCore core = new TracerCore(sink,
                    samplingRules == null ? null : LocalSampling.fromRules(samplingRules),
                    awsSdkCalls != null ? awsSdkCalls : InterceptorSwitch.enabled(configuration), configuration);
            for (Registration<?> registration : statusReaders) {
                core.statusReaders().register(registration.type, registration.reader);
            }
            return new Tracer(core);
        }
    }

    /** Sends to one daemon address; a named class, not a lambda (a spun class on a cold start, docs/benchmarks.md). */
    private static final class ToDaemon implements Function<WarnOnce, DocumentSink> {
        private final InetSocketAddress address;

        ToDaemon(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public DocumentSink apply(WarnOnce warnings) {
            return DocumentSinks.toDaemon(address, warnings);
        }
    }

    private static final class Registration<T> {
        final Class<T> type;
        final StatusReader<? super T> reader;

        Registration(Class<T> type, StatusReader<? super T> reader) {
            this.type = type;
            this.reader = reader;
        }
    }
}
