package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Greets {name}, after the Auditor function has audited the greeting; /slow makes the Auditor overrun its timeout. */
public class Greeter extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        boolean slow = event.getPath().equals("/slow");
        String name = slow ? "slowpoke" : event.getPathParameters().get("name");
        InvokeResponse audit = Tracing.sub("Audit", s -> lambda.invoke(r -> r.functionName(System.getenv("AUDIT_FUNCTION"))
                .payload(SdkBytes.fromUtf8String("{\"name\":\"" + name + "\",\"slow\":" + slow + "}"))));
        if (audit.functionError() != null) {
            return new APIGatewayProxyResponseEvent().withStatusCode(502).withBody("audit failed");
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(System.getenv("GREETING") + ": hello, " + name + "! (" + audit.payload().asUtf8String() + ")");
    }
}
