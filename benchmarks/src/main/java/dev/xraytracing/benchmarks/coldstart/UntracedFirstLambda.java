package dev.xraytracing.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * MyFirstLambda's logic without any tracing: the cold-start baseline. Runs on a classpath without our jars and
 * without the X-Ray SDK.
 */
public class UntracedFirstLambda implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PAYLOAD = "{\"message\": \"Hello from Lambda 1\"}";

    private final LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName("MySecondLambda")
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(PAYLOAD))
                .build();
        InvokeResponse response = lambda.invoke(request);
        return respond(response);
    }

    static APIGatewayProxyResponseEvent respond(InvokeResponse response) {
        boolean failed = response.functionError() != null || response.statusCode() >= 300;
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(failed ? 502 : 200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(failed ? "\"Lambda 2 failed\"" : "\"Successfully invoked Lambda 2!\"");
    }
}
