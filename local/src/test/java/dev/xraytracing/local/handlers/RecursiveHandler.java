package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function that calls itself: with {@code {"depth": n}} and n above 0, it invokes its own function with n - 1 and
 * waits for the answer, so each level needs an execution environment of its own. Answers the levels it went through.
 */
public final class RecursiveHandler extends TracedRequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final LambdaClient LAMBDA = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    protected Map<String, Object> handle(Map<String, Object> event, Context context) {
        int depth = ((Number) event.getOrDefault("depth", 0)).intValue();
        if (depth <= 0) {
            return Map.of("levels", 1);
        }
        String inner = LAMBDA.invoke(r -> r.functionName(context.getFunctionName())
                .payload(SdkBytes.fromUtf8String("{\"depth\":" + (depth - 1) + "}"))).payload().asUtf8String();
        int levels = Integer.parseInt(inner.replaceAll("\\D", ""));
        return Map.of("levels", levels + 1);
    }
}
