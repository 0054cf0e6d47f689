package dev.xraytracing.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Reads the trace header of the current Lambda invocation where the Java runtime puts it: a thread-local when one
 * environment runs several invocations at once, else the system property the runtime sets per invocation, else the
 * environment variable that custom runtimes set. With tracing switched off ({@link ConfigKey#ENABLED}) there is none.
 */
public final class LambdaTraceHeader {
    public static final String THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";
    public static final String SYSTEM_PROPERTY = ConfigKey.TRACE_HEADER.systemProperty();
    public static final String ENVIRONMENT_VARIABLE = ConfigKey.TRACE_HEADER.environmentVariables().get(0);

    private LambdaTraceHeader() {
    }

    /** The current invocation's header, or null outside Lambda. */
    public static String current() {
        if (TracerCore.tracingOffHere()) {
            return null;
        }
        String header = SdkInternalThreadLocal.get(THREAD_LOCAL_KEY);
        if (isBlank(header)) {
            header = Configuration.process().value(ConfigKey.TRACE_HEADER);
        }
        return isBlank(header) ? null : header;
    }

    /**
     * Whether the current invocation has a header that asks for recording (Sampled=1). Reads no recorder, so an
     * unsampled invocation never pays for building one.
     */
    public static boolean currentIsSampled(TracerCore core) {
        return Spans.currentInvocationIsSampled(core);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
