package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A front function with a fallback: calls Back inside CallBack; when the Lambda service refuses the call or Back
 * fails, calls Spare inside CallSpare instead. Answers 200 with who served, or 502 when Spare fails too.
 */
public final class FallbackFrontHandler extends TracedRequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final LambdaClient LAMBDA = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    protected Map<String, Object> handle(Map<String, Object> event, Context context) {
        if (answers("CallBack", "Back")) {
            return Map.of("statusCode", 200, "body", "served by Back");
        }
        if (answers("CallSpare", "Spare")) {
            return Map.of("statusCode", 200, "body", "served by Spare");
        }
        return Map.of("statusCode", 502, "body", "Back and Spare failed");
    }

    private static boolean answers(String block, String function) {
        try {
            InvokeResponse response = Tracing.sub(block, call -> LAMBDA.invoke(r -> r.functionName(function)
                    .payload(SdkBytes.fromUtf8String("{}"))));
            return response.functionError() == null;
        } catch (AwsServiceException refused) {
            return false;
        }
    }
}
