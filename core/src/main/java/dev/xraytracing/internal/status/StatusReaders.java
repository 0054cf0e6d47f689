package dev.xraytracing.internal.status;

import dev.xraytracing.internal.TypeTable;
import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Finds the status of a body's result: the tracer's user readers first, then AWS SDK responses, then API Gateway. */
public final class StatusReaders {
    static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";
    static final String STATUS_CODE_MEMBER = "StatusCode";
    static final String FUNCTION_ERROR_MEMBER = "FunctionError";

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

    /**
     * The status of any AWS SDK v2 response; Lambda's function errors arrive as a header on a 200. A response built
     * with its builder (as unit tests mock clients) has no HTTP response: then its modelled {@code StatusCode} and
     * {@code FunctionError} members tell, where the operation has them ({@code InvokeResponse} does).
     */
    public static CallStatus ofSdkResponse(SdkResponse response) {
        SdkHttpResponse http = response.sdkHttpResponse();
        if (http != null) {
            CallStatus fromHttp = ofSdkHttpResponse(http);
            String modelledError = modelled(response, FUNCTION_ERROR_MEMBER, String.class);
            return fromHttp.failure() == null && modelledError != null
                    ? CallStatus.failed(fromHttp.status(), modelledError) : fromHttp;
        }
        Integer status = modelled(response, STATUS_CODE_MEMBER, Integer.class);
        String functionError = modelled(response, FUNCTION_ERROR_MEMBER, String.class);
        if (status == null) {
            return functionError == null ? null : CallStatus.failed(200, functionError);
        }
        return functionError == null ? CallStatus.of(status) : CallStatus.failed(status, functionError);
    }

    /** A modelled member of the response, or null when the operation has none of that name and type. */
    private static <T> T modelled(SdkResponse response, String member, Class<T> type) {
        try {
            return response.getValueForField(member, type).orElse(null);
        } catch (RuntimeException notThatType) {
            return null;
        }
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
