package dev.xraytracing.internal.status;

import dev.xraytracing.internal.TypeTable;
import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Finds the status of a body's result: the tracer's user readers first, then AWS SDK responses, then API Gateway. */
public final class StatusReaders {
    static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";

    private StatusReaders() {
    }

    /** Registers {@code reader} in a tracer's table of user readers; readers registered later are asked first. */
    public static <T> void register(TypeTable<Object> userReaders, Class<T> type, StatusReader<? super T> reader) {
        userReaders.register(type, reader);
    }

    /** The status {@code result} carries, or null. */
    @SuppressWarnings("unchecked")
    public static CallStatus read(TypeTable<Object> userReaders, Object result) {
        if (result == null) {
            return null;
        }
        Object reader = userReaders.find(result);
        if (reader != null) {
            return ((StatusReader<Object>) reader).read(result);
        }
        if (result instanceof SdkResponse) {
            return ofSdkResponse((SdkResponse) result);
        }
        return ApiGatewayStatus.read(result);
    }

    /** The status of any AWS SDK v2 response; Lambda's function errors arrive as a header on a 200. */
    public static CallStatus ofSdkResponse(SdkResponse response) {
        return ofSdkHttpResponse(response.sdkHttpResponse());
    }

    /**
     * The same from the HTTP response alone; an SDK interceptor needs it because the SDK attaches the HTTP response to
     * the response object only after its interceptors ran.
     */
    public static CallStatus ofSdkHttpResponse(SdkHttpResponse http) {
        if (http == null) {
            return null;
        }
        String functionError = http.firstMatchingHeader(FUNCTION_ERROR_HEADER).orElse(null);
        return functionError == null ? CallStatus.of(http.statusCode())
                : CallStatus.failed(http.statusCode(), functionError);
    }
}
