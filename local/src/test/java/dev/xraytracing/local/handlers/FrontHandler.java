package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A tiny MyFirstLambda: takes a REST proxy event, calls the back function through an unmodified SDK v2 LambdaClient
 * (endpoint from AWS_ENDPOINT_URL_LAMBDA) inside CallSecondLambda, and answers 200. The core's SDK interceptor
 * records the "Lambda" subsegment and sends the trace header.
 */
public final class FrontHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final LambdaClient LAMBDA = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String second = System.getenv().getOrDefault("SECOND_FUNCTION_NAME", "Back");
        int status = Tracing.sub("CallSecondLambda", call -> {
            InvokeResponse response = LAMBDA.invoke(r -> r.functionName(second)
                    .payload(SdkBytes.fromUtf8String("{\"message\": \"Hello from Lambda 1\"}")));
            call.annotate("SecondLambdaStatus", response.statusCode());
            if (response.functionError() != null) {
                call.annotate("SecondLambdaError", response.functionError());
            }
            return response.statusCode();
        });
        return Map.of("statusCode", 200, "body", "\"Successfully invoked " + second + ": " + status + "\"");
    }
}
