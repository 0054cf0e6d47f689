package dev.xraytracing.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Behind an API Gateway REST API: invokes MySecondLambda synchronously inside the subsegment
 * {@code CallSecondLambda}. The SDK call gets its own {@code Lambda} subsegment from the library's interceptor; a
 * failing status or a function error is recorded by the library, and exceptions are recorded and rethrown by it.
 * When the second function fails, or the Lambda service refuses the call (a throttle, a 5xx), it answers 502.
 */
public class MyFirstLambda extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PAYLOAD = "{\"message\": \"Hello from Lambda 1\"}";
    static final String SUCCESS_BODY = "\"Successfully invoked Lambda 2!\"";
    static final String FAILURE_BODY = "\"Lambda 2 failed\"";

    private final LambdaClient lambda;
    private final String secondFunction;

    /** Used by the Lambda runtime: one client per execution environment. */
    public MyFirstLambda() {
        this(Clients.lambda(), ExampleSettings.secondFunctionName(System.getenv()));
    }

    MyFirstLambda(LambdaClient lambda, String secondFunction) {
        this.lambda = lambda;
        this.secondFunction = secondFunction;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName(secondFunction)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(PAYLOAD))
                .build();

        InvokeResponse response;
        try {
            response = Tracing.sub("CallSecondLambda", s -> {
                InvokeResponse r = lambda.invoke(request);
                s.annotate("SecondLambdaStatus", r.statusCode());
                return r;
            });
        } catch (AwsServiceException failed) {
            // The Lambda service refused the call (throttled, or failed) after the SDK's retries: CallSecondLambda
            // and its Lambda subsegment have recorded it; the caller gets a Bad Gateway, as for a function error.
            return json(502, FAILURE_BODY);
        }

        if (response.functionError() != null || response.statusCode() >= 300) {
            return json(502, FAILURE_BODY);
        }
        return json(200, SUCCESS_BODY);
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
