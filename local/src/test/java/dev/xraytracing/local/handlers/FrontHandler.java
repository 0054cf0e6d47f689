package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context.ModifyHttpRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A tiny MyFirstLambda: takes a REST proxy event, calls the back function through an unmodified SDK v2 LambdaClient
 * (endpoint from AWS_ENDPOINT_URL_LAMBDA) inside CallSecondLambda, and answers 200. The "Lambda" subsegment and the
 * header interceptor stand in for the SDK interceptor of the core module, which this branch does not have yet.
 */
public final class FrontHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final LambdaClient LAMBDA = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(new TraceHeaderOfCurrentSubsegment()).build())
            .build();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String second = System.getenv().getOrDefault("SECOND_FUNCTION_NAME", "Back");
        int status = Tracing.sub("CallSecondLambda", call -> {
            InvokeResponse response = Tracing.sub("Lambda", invoke -> {
                invoke.aws();
                invoke.xraySubsegment().ifPresent(s -> {
                    s.putAws("operation", "Invoke");
                    s.putAws("function_name", second);
                });
                return LAMBDA.invoke(r -> r.functionName(second)
                        .payload(SdkBytes.fromUtf8String("{\"message\": \"Hello from Lambda 1\"}")));
            });
            call.annotate("SecondLambdaStatus", response.statusCode());
            if (response.functionError() != null) {
                call.annotate("SecondLambdaError", response.functionError());
            }
            return response.statusCode();
        });
        return Map.of("statusCode", 200, "body", "\"Successfully invoked " + second + ": " + status + "\"");
    }

    /** Puts the current subsegment into X-Amzn-Trace-Id, as X-Ray's SDK interceptor does. */
    static final class TraceHeaderOfCurrentSubsegment implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(ModifyHttpRequest context, ExecutionAttributes attributes) {
            return Tracing.current().xraySubsegment()
                    .map(s -> context.httpRequest().toBuilder().putHeader("X-Amzn-Trace-Id",
                            "Root=" + s.getTraceId() + ";Parent=" + s.getId() + ";Sampled=1").build())
                    .orElse(context.httpRequest());
        }
    }
}
