package dev.xraytracing.internal;

import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Reads the trace header of the current Lambda invocation where the Java runtime puts it: a thread-local when one
 * environment runs several invocations at once, else the system property the runtime sets per invocation, else the
 * environment variable that custom runtimes set.
 */
public final class LambdaTraceHeader {
    public static final String THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";
    public static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
    public static final String ENVIRONMENT_VARIABLE = "_X_AMZN_TRACE_ID";

    private LambdaTraceHeader() {
    }

    /** The current invocation's header, or null outside Lambda. */
    public static String current() {
        String header = SdkInternalThreadLocal.get(THREAD_LOCAL_KEY);
        if (isBlank(header)) {
            header = System.getProperty(SYSTEM_PROPERTY);
        }
        if (isBlank(header)) {
            header = System.getenv(ENVIRONMENT_VARIABLE);
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
