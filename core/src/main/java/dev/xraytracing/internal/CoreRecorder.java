package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.AWSLogReference;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.internal.emit.RecorderEmitter;
import java.util.Collections;

/**
 * A recorder that knows its tracer, so that every entity it creates leads back to it ({@link TracerCore#of}), on
 * any thread. It carries only what tracing in Lambda uses: no EC2/ECS/EKS plugins probing metadata endpoints, no
 * centralized sampling pollers (in Lambda the trace header decides sampling), our own document writer, and a
 * context-missing strategy that never throws into user code. Configured as {@code AWSXRayRecorderBuilder} would.
 */
final class CoreRecorder extends AWSXRayRecorder {

    final TracerCore core;

    /**
     * A new recorder, typed as the SDK's: {@code TracerCore} calls this rather than the constructor, so that the JVM's
     * verifier, which checks that a {@code CoreRecorder} may be stored as an {@code AWSXRayRecorder}, does not load
     * both classes (the SDK's recorder is large) on every cold start that never builds a recorder.
     */
    static AWSXRayRecorder create(TracerCore core, DocumentEmitter emitter) {
        return new CoreRecorder(core, emitter);
    }

    private CoreRecorder(TracerCore core, DocumentEmitter emitter) {
        this.core = core;
        setEmitter(new RecorderEmitter(emitter)); // the same writer and socket as the lean entities'
        setSamplingStrategy(new AllSamplingStrategy());
        if (!AWSXRayRecorderBuilder.contextMissingStrategyFromEnvironmentVariable().isPresent()
                && !AWSXRayRecorderBuilder.contextMissingStrategyFromSystemProperty().isPresent()) {
            setContextMissingStrategy(new IgnoreErrorContextMissingStrategy());
        }
        if (core.restoredFromSnapshotAlready()) {
            useSecureIdGenerator(); // see TracerCore.restoredFromSnapshot
        } else {
            useFastIdGenerator();
        }
        String logGroup = core.configuration().value(ConfigKey.LOG_GROUP);
        if (logGroup != null && !logGroup.isBlank()) {
            AWSLogReference reference = new AWSLogReference();
            reference.setLogGroup(logGroup);
            addAllLogReferences(Collections.singleton(reference));
        }
    }
}
