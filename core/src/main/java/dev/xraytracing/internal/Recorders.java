package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.internal.emit.DocumentSink;

/**
 * Builds recorders that carry only what tracing in Lambda uses: no EC2/ECS/EKS plugins probing metadata endpoints,
 * no centralized sampling pollers (in Lambda the trace header decides sampling), our own document writer, and a
 * context-missing strategy that never throws into user code.
 */
public final class Recorders {
    private Recorders() {
    }

    public static AWSXRayRecorder lean(DocumentSink sink) {
        return AWSXRayRecorderBuilder.standard()
                .withEmitter(new DocumentEmitter(sink))
                .withSamplingStrategy(new AllSamplingStrategy())
                .withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
                .withFastIdGenerator()
                .build();
    }
}
