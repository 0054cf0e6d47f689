package dev.xraytracing.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.otel.internal.DaemonSpanSinks;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * xray-tracing-otel depends on OpenTelemetry's jars optionally: a function's zip in Lambda carries none of them. Each
 * case loads the module in a class loader that holds only the jars a user would have, and none of the test's.
 */
class OptionalDependenciesTest {
    private static final String SUBSEGMENT = "{\"type\":\"subsegment\",\"name\":\"CallSecondLambda\","
            + "\"id\":\"70de5b6f19ff9a00\",\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\","
            + "\"parent_id\":\"53995c3f42cd8ad8\",\"start_time\":1.0,\"end_time\":1.5}";

    @Test
    void withNoOpenTelemetryJarTheDaemonPathStillTurnsDocumentsIntoSpans() throws Exception {
        try (URLClassLoader zip = isolated(XrayUdpSpanExporter.class, DocumentSink.class, Logger.class)) {
            Class<?> sinkType = zip.loadClass(DocumentSink.class.getName());
            List<String> payloads = new ArrayList<>();
            Object datagrams = Proxy.newProxyInstance(zip, new Class<?>[] {sinkType}, (proxy, method, args) -> {
                if (method.getName().equals("send")) {
                    payloads.add((String) args[0]);
                }
                return method.getReturnType() == boolean.class ? false : null;
            });
            Object warnings = zip.loadClass(WarnOnce.class.getName()).getConstructor().newInstance();
            Object sink = zip.loadClass(DaemonSpanSinks.class.getName())
                    .getMethod("over", sinkType, warnings.getClass()).invoke(null, datagrams, warnings);

            sinkType.getMethod("send", String.class).invoke(sink, SUBSEGMENT);

            assertThat(payloads).singleElement().asString().startsWith("T1S");
            assertThatThrownBy(() -> zip.loadClass(SpanExporter.class.getName()))
                    .as("the loader holds no OpenTelemetry jar").isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void withoutTheOtlpEncoderXrayUdpSpanExporterSaysWhichArtifactToAdd() throws Exception {
        try (URLClassLoader pipeline = isolated(XrayUdpSpanExporter.class, DocumentSink.class, Logger.class,
                SpanExporter.class, CompletableResultCode.class, Span.class, Context.class)) {
            InetSocketAddress daemon = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2000);

            assertThatThrownBy(() -> {
                try {
                    pipeline.loadClass(XrayUdpSpanExporter.class.getName())
                            .getMethod("toDaemon", InetSocketAddress.class).invoke(null, daemon);
                } catch (InvocationTargetException thrown) {
                    throw thrown.getCause();
                }
            }).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("io.opentelemetry:opentelemetry-exporter-otlp-common");
        }
    }

    /** A loader with the jars (or class folders) of {@code types} only, under the platform's. */
    private static URLClassLoader isolated(Class<?>... types) {
        List<URL> locations = new ArrayList<>();
        for (Class<?> type : types) {
            URL location = type.getProtectionDomain().getCodeSource().getLocation();
            if (!locations.contains(location)) {
                locations.add(location);
            }
        }
        return new URLClassLoader(locations.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
