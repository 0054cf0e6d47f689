package dev.xraytracing.internal.fault;

import com.amazonaws.xray.entities.Entity;

/**
 * The seam the faults module (xray-tracing-faults) plugs into: one per tracer, built by a {@link Provider} that
 * {@link java.util.ServiceLoader} finds. Without that module there is no provider and every call site costs nothing.
 * Implementations decide, sleep and record; they never throw: a failure to inject is what they return, and their own
 * problems they log.
 */
public interface FaultHook {

    /** Before the body of block {@code name} runs, in its subsegment (null when unrecorded): the exception to throw instead, or null. */
    RuntimeException beforeBlock(String name, Entity subsegment);

    /**
     * When an SDK call starts (after its subsegment opened; null when unrecorded): what each attempt fails with, or
     * null. {@code requestType} is the call's request class (null if unknown): its package is the service's model,
     * where the modelled exceptions are.
     */
    SdkFault beforeSdkCall(String service, String operation, Class<?> requestType, Entity subsegment);

    /** Before a handler runs: what to do instead, or null to run it. */
    HandlerFault beforeHandler(Object event, Object lambdaContext, Entity handlerSubsegment);

    /** After the handler ran (whatever happened), on the same thread. */
    void afterHandler();

    /** Whether this hook may ever fault a named block (false lets block sites skip every hook at once). */
    default boolean mayFaultBlocks() {
        return true;
    }

    /**
     * The hash codes of the block names this hook's rules name, for good; null when it may fault any name (a
     * wildcard, or rules that may change while it lives).
     */
    default int[] blockNameHashes() {
        return null;
    }

    /** Each attempt of a faulted SDK call fails with a fresh exception (the SDK may keep earlier ones as suppressed). */
    interface SdkFault {
        RuntimeException attemptFailure();

        /** The HTTP status the attempt is recorded with. */
        int status();
    }

    /** Either an exception to throw or a response to return instead of running the handler. */
    final class HandlerFault {
        public final RuntimeException exception;
        public final Object response;

        public HandlerFault(RuntimeException exception, Object response) {
            this.exception = exception;
            this.response = response;
        }
    }

    /** Builds the hook of a tracer, or returns null when that tracer's configuration names no faults. */
    interface Provider {
        FaultHook create(dev.xraytracing.internal.TracerCore core);
    }
}
