package dev.xraytracing.lambda.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;

/**
 * A Lambda {@link Context} for tests: a function name, a request id (a fresh UUID unless given), a fixed remaining
 * time, and a logger that keeps what it is given. Immutable; each {@code with} returns a copy.
 *
 * <pre>{@code
 * Context context = TestContext.forFunction("orders").withRequestId("req-1");
 * }</pre>
 */
public final class TestContext implements Context {
    public static final String DEFAULT_FUNCTION_NAME = "test-function";

    private final String functionName;
    private final String requestId;
    private final int remainingMillis;
    private final int memoryMb;
    private final String traceHeader;
    private final TestLogger logger;

    private TestContext(String functionName, String requestId, int remainingMillis, int memoryMb, String traceHeader,
                        TestLogger logger) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.remainingMillis = remainingMillis;
        this.memoryMb = memoryMb;
        this.traceHeader = traceHeader;
        this.logger = logger;
    }

    /** A context for function {@code test-function}. */
    public static TestContext create() {
        return forFunction(DEFAULT_FUNCTION_NAME);
    }

    public static TestContext forFunction(String functionName) {
        return new TestContext(functionName, UUID.randomUUID().toString(), 30_000, 512, null, new TestLogger());
    }

    public TestContext withRequestId(String awsRequestId) {
        return new TestContext(functionName, awsRequestId, remainingMillis, memoryMb, traceHeader, logger);
    }

    public TestContext withRemainingTimeInMillis(int millis) {
        return new TestContext(functionName, requestId, millis, memoryMb, traceHeader, logger);
    }

    public TestContext withMemoryLimitInMB(int megabytes) {
        return new TestContext(functionName, requestId, remainingMillis, megabytes, traceHeader, logger);
    }

    /** The header {@link #getXrayTraceId()} reports, as the runtime's context does. */
    public TestContext withXrayTraceId(String header) {
        return new TestContext(functionName, requestId, remainingMillis, memoryMb, header, logger);
    }

    /** A copy with a fresh request id, for the next invocation. */
    public TestContext nextInvocation() {
        return withRequestId(UUID.randomUUID().toString());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[$LATEST]00000000000000000000000000000000";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public TestLogger getLogger() {
        return logger;
    }

    @Override
    public String getXrayTraceId() {
        return traceHeader;
    }

    /** Keeps every line logged, in order; safe to use from several threads. */
    public static final class TestLogger implements LambdaLogger {
        private final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public void log(byte[] message) {
            lines.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }

        public java.util.List<String> lines() {
            return java.util.List.copyOf(lines);
        }
    }
}
