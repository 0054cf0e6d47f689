package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.TracedStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The three ways to write a traced handler, each answering a REST proxy event with what it read from it. */
public final class TracedApiHandlers {
    private TracedApiHandlers() {
    }

    static APIGatewayProxyResponseEvent answer(String kind, APIGatewayProxyRequestEvent event) {
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(kind + " read "
                + event.getPathParameters().get("x") + " " + event.getHttpMethod() + " "
                + event.getRequestContext().getStage());
    }

    public static class Extending extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
            return answer("extending", event);
        }
    }

    public static class Wrapping implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> traced =
                TracedHandler.of((event, context) -> answer("wrapping", event));

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return traced.handleRequest(event, context);
        }
    }

    public static class Streaming extends TracedStreamHandler {
        @Override
        protected void handle(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            boolean proxyEvent = new String(input.readAllBytes(), StandardCharsets.UTF_8).contains("\"httpMethod\"");
            output.write(("{\"statusCode\":200,\"body\":\"streaming read " + (proxyEvent ? "a proxy event" : "?")
                    + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
