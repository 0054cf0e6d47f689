package dev.xraytracing.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The ADOT-like reference: MyFirstLambda's logic with the OpenTelemetry SDK built by its autoconfigure module at
 * init, a span per invocation under Lambda's segment, one around the call and a client span in it, each exported when it ends to the
 * daemon in the X-Ray UDP span exporter's format with the SDK's own OTLP marshaler (as AWS's exporter does). It
 * leaves out what the ADOT layer adds on top (the Java agent's or the AWS SDK instrumentation, the X-Ray propagator
 * and id generator), so it is a lower bound of the layer's cost. Runs without our jars and without the X-Ray SDK.
 */
public class AdotLikeFirstLambda implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final OpenTelemetry OPEN_TELEMETRY = AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                    "otel.logs.exporter", "none", "otel.service.name", "AdotFirst"))
            .addTracerProviderCustomizer((tracerProvider, config) ->
                    tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(new DaemonExporter())))
            .setResultAsGlobal()
            .build()
            .getOpenTelemetrySdk();
    private static final Tracer TRACER = OPEN_TELEMETRY.getTracer("adot-like");

    private final LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Span function = TRACER.spanBuilder("AdotFirst").setSpanKind(SpanKind.SERVER)
                .setParent(io.opentelemetry.context.Context.root().with(Span.wrap(lambdasSegment()))).startSpan();
        try (Scope ignored = function.makeCurrent()) {
            InvokeRequest request = InvokeRequest.builder()
                    .functionName("MySecondLambda")
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(UntracedFirstLambda.PAYLOAD))
                    .build();
            Span call = TRACER.spanBuilder("CallSecondLambda").startSpan();
            InvokeResponse response;
            try (Scope inCall = call.makeCurrent()) {
                // the client span the AWS SDK instrumentation would open around the call
                Span client = TRACER.spanBuilder("Lambda.Invoke").setSpanKind(SpanKind.CLIENT)
                        .setAttribute("rpc.system", "aws-api").setAttribute("rpc.service", "Lambda")
                        .setAttribute("rpc.method", "Invoke").startSpan();
                try {
                    response = lambda.invoke(request);
                } finally {
                    client.end();
                }
                call.setAttribute("SecondLambdaStatus", (long) response.statusCode());
            } catch (RuntimeException e) {
                call.recordException(e);
                call.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                call.end();
            }
            return UntracedFirstLambda.respond(response);
        } finally {
            function.end();
        }
    }

    /** Lambda's segment from {@code _X_AMZN_TRACE_ID} (what the X-Ray propagator reads), sampled. */
    private static SpanContext lambdasSegment() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"));
        String root = null;
        String parent = null;
        for (String part : header == null ? new String[0] : header.split(";")) {
            if (part.startsWith("Root=") && part.length() == 40) {
                root = part.substring(7, 15) + part.substring(16);
            } else if (part.startsWith("Parent=")) {
                parent = part.substring(7);
            }
        }
        return root == null || parent == null ? SpanContext.getInvalid()
                : SpanContext.createFromRemoteParent(root, parent, TraceFlags.getSampled(), TraceState.getDefault());
    }

    /** AWS's X-Ray UDP span exporter's format: the daemon's header line, {@code T1S}, base64 OTLP protobuf. */
    static final class DaemonExporter implements SpanExporter {
        private final InetSocketAddress daemon = daemon();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            try (DatagramSocket socket = new DatagramSocket()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                TraceRequestMarshaler.create(spans).writeBinaryTo(bytes);
                byte[] datagram = ("{\"format\": \"json\", \"version\": 1}\nT1S"
                        + Base64.getEncoder().encodeToString(bytes.toByteArray())).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(datagram, datagram.length, daemon));
                return CompletableResultCode.ofSuccess();
            } catch (Exception failure) {
                return CompletableResultCode.ofFailure();
            }
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        private static InetSocketAddress daemon() {
            String address = System.getenv().getOrDefault("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000");
            String udp = address.contains(" ") ? address.substring(address.indexOf("udp:") + 4).split(" ")[0]
                    : address;
            int colon = udp.lastIndexOf(':');
            return new InetSocketAddress(udp.substring(0, colon), Integer.parseInt(udp.substring(colon + 1)));
        }
    }
}
