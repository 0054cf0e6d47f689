package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.List;
import java.util.Map;

/**
 * Behind a REST API, or invoked with a proxy event from a file: answers with the {@code X-Custom} header's values and
 * the body it was given, so a test reads what reached the function.
 */
public class EchoRequestHandler extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, List<String>> headers = event.getMultiValueHeaders();
        List<String> custom = headers == null ? null : headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Custom")).map(Map.Entry::getValue).findFirst()
                .orElse(null);
        return new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withBody(event.getHttpMethod() + " X-Custom=" + custom + " body=" + event.getBody());
    }
}
