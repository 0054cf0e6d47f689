package dev.xraytracing.otel;

import dev.xraytracing.Tracing;
import dev.xraytracing.hostile.OverflowInAFreshJvm;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.otel.internal.GlobalJoinSink;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Run in a JVM of its own by {@link StackOverflowOnAJoinedGlobalTest}: the backend joins a global SDK, and the very
 * first exception this JVM records is a stack overflow in traced recursion, so that every class that turns a
 * recorded exception into a live span's events is first loaded and initialised with the stack nearly exhausted.
 * Exits 0 when the caller got its own error back and a later exception still reaches the pipeline as an event.
 */
public final class JoinedOverflowInAFreshJvm {
    private JoinedOverflowInAFreshJvm() {
    }

    public static void main(String[] args) {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .buildAndRegisterGlobal();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        TracerCore core = new TracerCore(GlobalJoinSink::ofGlobal, null, true);
        StackOverflowError caught = null;
        try (TracerCore.Scope scope = core.makeCurrent()) {
            try {
                OverflowInAFreshJvm.recurse(0);
            } catch (StackOverflowError overflow) {
                caught = overflow;
            }
            try {
                Tracing.run("After", s -> {
                    throw new IllegalStateException("outer", new IllegalArgumentException("inner"));
                });
            } catch (IllegalStateException expected) {
                // recorded; checked below
            }
        }
        if (caught == null || caught != OverflowInAFreshJvm.deepest()) {
            System.out.println("FAIL: the caller did not get its own StackOverflowError back: " + caught);
            System.exit(1);
        }
        List<SpanData> spans = exported.getFinishedSpanItems();
        SpanData after = spans.stream().filter(s -> s.getName().equals("After")).findFirst().orElse(null);
        String events = after == null ? "no After span among " + spans.size()
                : after.getEvents().stream().map(EventData::getAttributes).toList().toString();
        if (after == null || !events.contains("outer") || !events.contains("inner")) {
            System.out.println("FAIL: the later exception did not reach the pipeline with its cause: " + events);
            System.exit(2);
        }
        long levels = spans.stream().filter(s -> s.getName().equals("level")).count();
        System.out.println("OK: " + levels + " levels, the overflow and the later exception exported");
        System.exit(0);
    }
}
