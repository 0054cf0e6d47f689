package dev.xraytracing.internal;

import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Finds the status of a body's result: user readers first, then AWS SDK responses, then API Gateway events. */
public final class StatusReaders {
    static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";

    private final List<Entry<?>> userReaders = new CopyOnWriteArrayList<>();

    public <T> void register(Class<T> type, StatusReader<? super T> reader) {
        userReaders.add(0, new Entry<>(type, reader));
    }

    /** The status {@code result} carries, or null. */
    public CallStatus read(Object result) {
        if (result == null) {
            return null;
        }
        for (Entry<?> entry : userReaders) {
            if (entry.type.isInstance(result)) {
                return entry.read(result);
            }
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

    private static final class Entry<T> {
        final Class<T> type;
        final StatusReader<? super T> reader;

        Entry(Class<T> type, StatusReader<? super T> reader) {
            this.type = type;
            this.reader = reader;
        }

        CallStatus read(Object result) {
            return reader.read(type.cast(result));
        }
    }
}
