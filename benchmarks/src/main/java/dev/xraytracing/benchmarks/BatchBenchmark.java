package dev.xraytracing.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.xray.ThreadLocalStorage;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.TracedBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * One SQS record of a batch of {@value #BATCH}, in the shape of a Lambda consumer (only the runtime's trace header on
 * the thread): {@code TracedBatch.forEachRecord} against a plain loop over the same records. Figures are per record.
 * {@code invocation} is the invocation's sampling decision, {@code producer} the one in each message's
 * {@code AWSTraceHeader}; a record is recorded only when both say 1 (the default oversampling mitigation). Each
 * message has its {@code SentTimestamp}, as Lambda delivers it, which a recorded record turns into its age.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class BatchBenchmark {
    static final int BATCH = 10;
    private static final String INVOCATION =
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=";
    private static final String PRODUCER =
            "Root=1-6759e988-cd862e3fe1be46a994272794;Parent=63995c3f42cd8ad9;Sampled=";

    @Param({"1", "0"})
    public String invocation;

    @Param({"1", "0"})
    public String producer;

    private final SerializeOnlySink sink = new SerializeOnlySink();
    private SQSEvent event;

    @Setup(Level.Trial)
    public void enter() {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("059f36b4-87a3-44ab-83d2-66197583" + (1000 + i));
            message.setBody("order " + i);
            message.setEventSource("aws:sqs");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:orders");
            Map<String, String> attributes = new HashMap<>();
            attributes.put("AWSTraceHeader", PRODUCER + producer);
            attributes.put("SentTimestamp", "1795735300000"); // as Lambda delivers it: a recorded record's age reads it
            message.setAttributes(attributes);
            messages.add(message);
        }
        event = new SQSEvent();
        event.setRecords(messages);
        ThreadLocalStorage.clear();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, INVOCATION + invocation);
        TracerCore.setDefault(TraceContexts.oursTracer(sink));
    }

    @TearDown(Level.Trial)
    public void leave() {
        TracerCore.setDefault(TracerCore.fromEnvironment());
        SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
        boolean recorded = invocation.equals("1") && producer.equals("1");
        if (recorded != (sink.bytesEncoded > 0)) {
            throw new IllegalStateException("recorded " + sink.bytesEncoded + " bytes; expected records: " + recorded);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainLoop(Blackhole blackhole) {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            blackhole.consume(message.getBody());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object tracedBatch(Blackhole blackhole) {
        return TracedBatch.forEachRecord(event, message -> blackhole.consume(message.getBody()));
    }
}
