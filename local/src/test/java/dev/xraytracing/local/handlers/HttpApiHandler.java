package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.List;
import java.util.Map;

/** Behind an HTTP API (payload 2.0): answers with what it was given, so a test can read the event it received. */
public class HttpApiHandler extends TracedRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        Tracing.run("Answer", s -> s.annotate("Route", event.getRouteKey()));
        String body = String.join("|", event.getRouteKey(), event.getRawPath(), event.getRawQueryString(),
                String.valueOf(event.getPathParameters()), String.valueOf(event.getQueryStringParameters()),
                String.valueOf(event.getCookies()), event.getHeaders().get("x-custom"),
                event.getRequestContext().getHttp().getMethod(), event.getRequestContext().getStage(),
                context.getMemoryLimitInMB() + "MB", Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MB heap");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withHeaders(Map.of("X-Answer", "yes"))
                .withCookies(List.of("seen=1")).withBody(body).build();
    }
}
