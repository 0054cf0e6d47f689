package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * MyFirstLambda's shape as a traced handler: calls the back function inside CallSecondLambda and answers 200, or 502
 * when the Lambda service refuses the call. Anything else it throws fails the invocation.
 */
public final class TracedFrontHandler
        extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final LambdaClient LAMBDA = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        try {
            int status = Tracing.sub("CallSecondLambda", call -> LAMBDA.invoke(r -> r.functionName("Back")
                    .payload(SdkBytes.fromUtf8String("{}"))).statusCode());
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("Back answered " + status);
        } catch (AwsServiceException refused) {
            return new APIGatewayProxyResponseEvent().withStatusCode(502).withBody("Back failed");
        }
    }
}
