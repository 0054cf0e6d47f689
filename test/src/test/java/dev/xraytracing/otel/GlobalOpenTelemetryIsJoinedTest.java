package dev.xraytracing.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracer;
import dev.xraytracing.Tracing;
import dev.xraytracing.context.TraceContext;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.otel.internal.DaemonSpanSinks;
import dev.xraytracing.otel.internal.GlobalJoinSink;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * With a {@code GlobalOpenTelemetry} set (the Java agent, the ADOT layer, a team's own SDK), the OpenTelemetry backend
 * opens our subsegments as live spans of that global, so that one tree holds our spans and the team's: spans the
 * "agent" opens inside {@code Tracing.sub} are its children, ours opened inside the agent's are its children, the
 * trace header sent downstream names the live span, and every span has left before a traced handler returns.
 * Isolated: the global is process-wide.
 */
@Isolated
class GlobalOpenTelemetryIsJoinedTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    static final String TRACE_ID = "5759e988bd862e3fe1be46a994272793";
    static final String FUNCTION_SEGMENT = "53995c3f42cd8ad8";
    static final String HEADER = "Root=" + ROOT + ";Parent=" + FUNCTION_SEGMENT + ";Sampled=1";

    @RegisterExtension
    final FakeAws aws = FakeAws.start();

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();

    private OpenTelemetrySdk global;

    @AfterEach
    void resetTheGlobal() {
        if (global != null) {
            try {
                global.close();
            } catch (IllegalArgumentException hostileShutdown) {
                // the hostile pipeline throws on its own shutdown too: that call is the test's, not ours
            }
        }
        GlobalOpenTelemetry.resetForTest();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
    }

    /** The team's global SDK, with {@code processor} in its pipeline. */
    private void globalWith(SpanProcessor... processors) {
        GlobalOpenTelemetry.resetForTest();
        global = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SpanProcessor.composite(processors))
                        .build())
                .buildAndRegisterGlobal();
    }

    /** Runs {@code code} in a Lambda invocation with {@link #HEADER}, traced by the backend that joins the global. */
    private static void inInvocation(Runnable code) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, HEADER);
        TracerCore core = new TracerCore(GlobalJoinSink::ofGlobal, null, true);
        try (TracerCore.Scope scope = core.makeCurrent()) {
            code.run();
        }
    }

    private static io.opentelemetry.api.trace.Tracer agent() {
        return GlobalOpenTelemetry.getTracer("the-agent");
    }

    private Map<String, SpanData> byName() {
        return exported.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
    }

    @Test
    void theBackendJoinsTheGlobalWhenOneIsSetAndSendsToTheDaemonOtherwise() {
        InetSocketAddress daemon = new InetSocketAddress("127.0.0.1", 2000);
        assertThat(new DaemonSpanSinks().apply(daemon, new WarnOnce())).isNotInstanceOf(GlobalJoinSink.class);

        globalWith(SimpleSpanProcessor.create(exported));

        assertThat(new DaemonSpanSinks().apply(daemon, new WarnOnce())).isInstanceOf(GlobalJoinSink.class);
    }

    @Test
    void aSpanTheAgentOpensInsideTracingSubIsItsChild() {
        globalWith(SimpleSpanProcessor.create(exported));

        inInvocation(() -> Tracing.run("LoadOrder", s -> agent().spanBuilder("SELECT orders").startSpan().end()));

        Map<String, SpanData> spans = byName();
        SpanData ours = spans.get("LoadOrder");
        assertThat(ours.getTraceId()).as("our span continues the Lambda trace").isEqualTo(TRACE_ID);
        assertThat(ours.getParentSpanId()).as("under Lambda's function segment").isEqualTo(FUNCTION_SEGMENT);
        assertThat(spans.get("SELECT orders").getParentSpanId()).as("the agent's span nests under ours")
                .isEqualTo(ours.getSpanId());
        assertThat(Span.current().getSpanContext().isValid()).as("our span is no longer current").isFalse();
    }

    @Test
    void ourSubInsideASpanOfTheAgentIsItsChild() {
        globalWith(SimpleSpanProcessor.create(exported));
        SpanContext lambda = SpanContext.createFromRemoteParent(TRACE_ID, FUNCTION_SEGMENT, TraceFlags.getSampled(),
                TraceState.getDefault());

        inInvocation(() -> {
            Span invocation = agent().spanBuilder("handleRequest").setSpanKind(SpanKind.SERVER)
                    .setParent(Context.root().with(Span.wrap(lambda))).startSpan();
            try (Scope scope = invocation.makeCurrent()) {
                Tracing.run("Charge", s -> { });
            } finally {
                invocation.end();
            }
        });

        Map<String, SpanData> spans = byName();
        assertThat(spans.get("Charge").getParentSpanId()).isEqualTo(spans.get("handleRequest").getSpanId());
        assertThat(spans.get("Charge").getTraceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void aSubOnAnotherThreadNestsUnderTheSubItsContextWasCarriedFrom() {
        globalWith(SimpleSpanProcessor.create(exported));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            inInvocation(() -> Tracing.run("Outer", s -> {
                try {
                    pool.submit(TraceContext.wrap(() -> Tracing.run("OnAnotherThread", t -> { }))).get();
                } catch (InterruptedException | ExecutionException failure) {
                    throw new IllegalStateException(failure);
                }
            }));
        } finally {
            pool.shutdown();
        }

        Map<String, SpanData> spans = byName();
        assertThat(spans.get("OnAnotherThread").getParentSpanId()).isEqualTo(spans.get("Outer").getSpanId());
    }

    @Test
    void theHeaderSentDownstreamNamesTheLiveSpanOfTheSdkCall() {
        globalWith(SimpleSpanProcessor.create(exported));
        aws.json(200, "{}");

        inInvocation(() -> Tracing.run("CallSecond", s -> aws.lambda().invoke(r -> r.functionName("second"))));

        Map<String, SpanData> spans = byName();
        SpanData call = spans.get("Lambda");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getParentSpanId()).isEqualTo(spans.get("CallSecond").getSpanId());
        assertThat(aws.traceHeader(0)).isEqualTo("Root=" + ROOT + ";Parent=" + call.getSpanId() + ";Sampled=1");
    }

    @Test
    void liveSpansCarryTheAttributesStatusAndEventsTheDocumentConverterGives() {
        Runnable code = () -> {
            aws.jsonError(404, "ResourceNotFoundException", "Function not found");
            Tracing.run("Work", s -> {
                s.annotate("OrderId", 42);
                s.metadata("order", Map.of("lines", 2));
                try {
                    aws.lambda().invoke(r -> r.functionName("missing"));
                } catch (RuntimeException expected) {
                    // recorded on the call's span
                }
            });
        };
        InMemorySpanExporter converted = InMemorySpanExporter.create();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, HEADER);
        try (Tracer.Scope scope = Tracer.builder().documents(OpenTelemetryExport.to(converted)).build().makeCurrent()) {
            code.run();
        }
        globalWith(SimpleSpanProcessor.create(exported));

        inInvocation(code);

        Map<String, SpanData> live = byName();
        for (SpanData expected : converted.getFinishedSpanItems()) {
            SpanData actual = live.get(expected.getName());
            assertThat(actual).as(expected.getName()).isNotNull();
            assertThat(actual.getKind()).as(expected.getName()).isEqualTo(expected.getKind());
            assertThat(actual.getAttributes().asMap()).as(expected.getName()).isEqualTo(expected.getAttributes().asMap());
            assertThat(actual.getStatus()).as(expected.getName()).isEqualTo(expected.getStatus());
            assertThat(actual.getEvents().stream().map(e -> e.getName() + e.getAttributes()
                    .get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.type"))).toList())
                    .as(expected.getName()).isEqualTo(expected.getEvents().stream().map(e -> e.getName() + e
                            .getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("exception.type")))
                            .toList());
        }
        assertThat(live.get("Lambda").getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Test
    void everySpanHasLeftBeforeATracedHandlerReturns() {
        // A batch that would wait an hour: only the flush gets the spans out in time.
        globalWith(BatchSpanProcessor.builder(exported).setScheduleDelay(Duration.ofHours(1)).build());
        RequestHandler<String, String> handler = TracedHandler.of((name, context) ->
                Tracing.sub("BuildGreeting", s -> "Hello, " + name));
        String[] answer = new String[1];

        inInvocation(() -> answer[0] = handler.handleRequest("Ada", null));

        assertThat(answer[0]).isEqualTo("Hello, Ada");
        assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
                .contains("BuildGreeting").hasSize(2);
    }

    @Test
    void aHostilePipelineNeverReachesTheTracedCode() {
        IllegalStateException own = new IllegalStateException("the handler's own");
        globalWith(new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
                if (span.getName().equals("OpenFails")) {
                    throw new IllegalArgumentException("hostile onStart");
                }
            }

            @Override
            public boolean isStartRequired() {
                return true;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                throw new IllegalArgumentException("hostile onEnd");
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }

            @Override
            public CompletableResultCode forceFlush() {
                throw new IllegalArgumentException("hostile flush");
            }
        });

        inInvocation(() -> {
            int answer = Tracing.sub("OpenFails", s -> Tracing.sub("Inner", t -> 7));
            assertThat(answer).isEqualTo(7);
            assertThatThrownBy(() -> Tracing.run("Throws", s -> {
                throw own;
            })).isSameAs(own);
        });

        assertThat(Span.current().getSpanContext().isValid()).as("no span left current").isFalse();
    }

    @Test
    void aHostileExporterNeverReachesTheTracedCode() {
        SpanExporter hostile = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                throw new IllegalArgumentException("hostile export");
            }

            @Override
            public CompletableResultCode flush() {
                throw new IllegalArgumentException("hostile flush");
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        globalWith(SimpleSpanProcessor.create(hostile), BatchSpanProcessor.builder(hostile).build());
        RequestHandler<String, String> handler = TracedHandler.of((name, context) ->
                Tracing.sub("BuildGreeting", s -> "Hello, " + name));
        String[] answer = new String[1];

        inInvocation(() -> answer[0] = handler.handleRequest("Ada", null));

        assertThat(answer[0]).isEqualTo("Hello, Ada");
        assertThat(Span.current().getSpanContext().isValid()).as("no span left current").isFalse();
    }

    @Test
    void spansOfAnSdkCallsAttemptsAreKeptUnderItsLiveSpan() {
        globalWith(SimpleSpanProcessor.create(exported));
        aws.jsonError(429, "TooManyRequestsException", "Rate Exceeded.").json(200, "{}");

        inInvocation(() -> aws.lambda().invoke(r -> r.functionName("second")));

        Map<String, SpanData> spans = byName();
        List<String> names = exported.getFinishedSpanItems().stream().map(SpanData::getName).toList();
        assertThat(names).contains("Lambda", "Attempt 1", "Attempt 2");
        assertThat(spans.get("Attempt 1").getParentSpanId()).isEqualTo(spans.get("Lambda").getSpanId());
        assertThat(spans.get("Lambda").getParentSpanId()).isEqualTo(FUNCTION_SEGMENT);
    }
}
