package dev.xraytracing.lambda.strings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.TracedStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Pairs of handlers for the handler-string tests: a plain {@code RequestHandler<E, R>} and a traced one of the same
 * types, each remembering the event it received and answering with the event itself (or a response built from it),
 * so that the runtime's serializers see every field in both directions.
 */
public final class EchoHandlers {
    /** The last event a handler of this class received, for comparing what the two kinds got. */
    public static volatile Object received;

    private EchoHandlers() {
    }

    static <T> T echo(T event) {
        received = event;
        return event;
    }

    /** An event type of the user's own. */
    public static class Order {
        private String orderId;
        private int quantity;
        private double price;
        private boolean express;
        private List<String> tags;

        public String getOrderId() { return orderId; }
        public void setOrderId(String orderId) { this.orderId = orderId; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
        public double getPrice() { return price; }
        public void setPrice(double price) { this.price = price; }
        public boolean isExpress() { return express; }
        public void setExpress(boolean express) { this.express = express; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }
    }

    static APIGatewayProxyResponseEvent answer(APIGatewayProxyRequestEvent event) {
        received = event;
        return new APIGatewayProxyResponseEvent().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody("{\"path\":\"" + event.getPath() + "\"}").withIsBase64Encoded(false);
    }

    static APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        received = event;
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withCookies(List.of("c=3"))
                .withHeaders(Map.of("X-Route", event.getRouteKey())).withBody(event.getRawPath()).build();
    }

    public static class PlainRest implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyRequestEvent> {
        public APIGatewayProxyRequestEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) { return echo(e); }
    }

    public static class TracedRest extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyRequestEvent> {
        protected APIGatewayProxyRequestEvent handle(APIGatewayProxyRequestEvent e, Context c) { return echo(e); }
    }

    public static class PlainRestApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) { return answer(e); }
    }

    public static class TracedRestApi extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent e, Context c) { return answer(e); }
    }

    /** A handler that cannot extend a traced base: it wraps its work with {@link TracedHandler#of}. */
    public static class WrappedRestApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> traced =
                TracedHandler.of((e, c) -> answer(e));

        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent e, Context c) {
            return traced.handleRequest(e, c);
        }
    }

    public static class PlainHttpApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context c) { return answer(e); }
    }

    public static class TracedHttpApi extends TracedRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent e, Context c) { return answer(e); }
    }

    public static class PlainHttpApiEcho implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPEvent> {
        public APIGatewayV2HTTPEvent handleRequest(APIGatewayV2HTTPEvent e, Context c) { return echo(e); }
    }

    public static class TracedHttpApiEcho extends TracedRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPEvent> {
        protected APIGatewayV2HTTPEvent handle(APIGatewayV2HTTPEvent e, Context c) { return echo(e); }
    }

    public static class PlainSqs implements RequestHandler<SQSEvent, SQSEvent> {
        public SQSEvent handleRequest(SQSEvent e, Context c) { return echo(e); }
    }

    public static class TracedSqs extends TracedRequestHandler<SQSEvent, SQSEvent> {
        protected SQSEvent handle(SQSEvent e, Context c) { return echo(e); }
    }

    public static class PlainSns implements RequestHandler<SNSEvent, SNSEvent> {
        public SNSEvent handleRequest(SNSEvent e, Context c) { return echo(e); }
    }

    public static class TracedSns extends TracedRequestHandler<SNSEvent, SNSEvent> {
        protected SNSEvent handle(SNSEvent e, Context c) { return echo(e); }
    }

    public static class PlainS3 implements RequestHandler<S3Event, S3Event> {
        public S3Event handleRequest(S3Event e, Context c) { return echo(e); }
    }

    public static class TracedS3 extends TracedRequestHandler<S3Event, S3Event> {
        protected S3Event handle(S3Event e, Context c) { return echo(e); }
    }

    public static class PlainScheduled implements RequestHandler<ScheduledEvent, ScheduledEvent> {
        public ScheduledEvent handleRequest(ScheduledEvent e, Context c) { return echo(e); }
    }

    public static class TracedScheduled extends TracedRequestHandler<ScheduledEvent, ScheduledEvent> {
        protected ScheduledEvent handle(ScheduledEvent e, Context c) { return echo(e); }
    }

    public static class PlainOrder implements RequestHandler<Order, Order> {
        public Order handleRequest(Order e, Context c) { return echo(e); }
    }

    public static class TracedOrder extends TracedRequestHandler<Order, Order> {
        protected Order handle(Order e, Context c) { return echo(e); }
    }

    /** A user's own generic base between the handler and {@code TracedRequestHandler}. */
    public abstract static class OrderBase<T> extends TracedRequestHandler<T, T> {
    }

    public static class TracedOrderViaBase extends OrderBase<Order> {
        protected Order handle(Order e, Context c) { return echo(e); }
    }

    public static class PlainMap implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public Map<String, Object> handleRequest(Map<String, Object> e, Context c) { return echo(e); }
    }

    public static class TracedMap extends TracedRequestHandler<Map<String, Object>, Map<String, Object>> {
        protected Map<String, Object> handle(Map<String, Object> e, Context c) { return echo(e); }
    }

    public static class PlainString implements RequestHandler<String, String> {
        public String handleRequest(String e, Context c) { return echo(e); }
    }

    public static class TracedString extends TracedRequestHandler<String, String> {
        protected String handle(String e, Context c) { return echo(e); }
    }

    public static class PlainStringToVoid implements RequestHandler<String, Void> {
        public Void handleRequest(String e, Context c) { echo(e); return null; }
    }

    public static class TracedStringToVoid extends TracedRequestHandler<String, Void> {
        protected Void handle(String e, Context c) { echo(e); return null; }
    }

    public static class PlainStream implements RequestStreamHandler {
        public void handleRequest(InputStream in, OutputStream out, Context c) throws java.io.IOException {
            out.write(echo(in.readAllBytes()));
        }
    }

    public static class TracedStream extends TracedStreamHandler {
        protected void handle(InputStream in, OutputStream out, Context c) throws java.io.IOException {
            out.write(echo(in.readAllBytes()));
        }
    }

    /** Raw: the runtime cannot know what to build for its event. */
    @SuppressWarnings("rawtypes")
    public static class TracedRaw extends TracedRequestHandler {
        protected Object handle(Object e, Context c) { return echo(e); }
    }
}
