package dev.xraytracing.benchmarks;

import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.Tracing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sampled subsegment carrying two annotations (a string, a number) and one metadata value (a small map with a
 * list), emit included: ours against the X-Ray SDK's putAnnotation/putMetadata and Jackson serialization.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AnnotationsBenchmark {
    static final String RESULT = "ok";
    static final Map<String, Object> ORDER = order();

    private static final Function<Subsegment, String> XRAY_BODY = subsegment -> {
        subsegment.putAnnotation("customer_id", "c-42");
        subsegment.putAnnotation("items", 3);
        subsegment.putMetadata("order", ORDER);
        return RESULT;
    };

    @Benchmark
    public String annotated_ours_TracingSub(SegmentStates.OursSampled context) {
        return Tracing.sub("CallSecondLambda", s -> {
            s.annotate("customer_id", "c-42").annotate("items", 3).metadata("order", ORDER);
            return RESULT;
        });
    }

    @Benchmark
    public String annotated_xray_createSubsegment(SegmentStates.XRaySampled context) {
        return context.recorder.createSubsegment("CallSecondLambda", XRAY_BODY);
    }

    private static Map<String, Object> order() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "o-1001");
        order.put("total", 12.5);
        order.put("lines", List.of("book", "pen"));
        return order;
    }
}
