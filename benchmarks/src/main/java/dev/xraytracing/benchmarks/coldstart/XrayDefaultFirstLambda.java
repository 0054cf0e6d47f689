package dev.xraytracing.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * MyFirstLambda's logic traced the way the X-Ray SDK documents it: its default global recorder ({@code AWSXRay}),
 * a subsegment by hand, and its {@code TracingInterceptor} on the client. Runs on a classpath without our jars.
 */
public class XrayDefaultFirstLambda
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final LambdaClient lambda = LambdaClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.addExecutionInterceptor(new TracingInterceptor()))
            .build();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        InvokeRequest request = InvokeRequest.builder()
                .functionName("MySecondLambda")
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(UntracedFirstLambda.PAYLOAD))
                .build();
        Subsegment subsegment = AWSXRay.beginSubsegment("CallSecondLambda");
        InvokeResponse response;
        try {
            response = lambda.invoke(request);
            subsegment.putAnnotation("SecondLambdaStatus", response.statusCode());
        } catch (RuntimeException e) {
            subsegment.addException(e);
            throw e;
        } finally {
            AWSXRay.endSubsegment();
        }
        return UntracedFirstLambda.respond(response);
    }
}
