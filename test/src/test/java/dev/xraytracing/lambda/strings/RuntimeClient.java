package dev.xraytracing.lambda.strings;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The runtime interface client's own handler loading and calling, in this JVM: what {@code AWSLambda} does with a
 * handler string and an invocation's bytes, without its native Runtime API transport.
 */
final class RuntimeClient {
    private RuntimeClient() {
    }

    /**
     * {@code AWSLambda.main} sets its customer class loader before loading a handler, and Lambda's event serializers
     * load the events' nested classes through it; here the function's classes are this JVM's, so a loader with no URLs
     * over them stands in for it.
     */
    static synchronized void installCustomerClassLoader() {
        try {
            Field field = AWSLambda.class.getDeclaredField("customerClassLoader");
            field.setAccessible(true);
            if (field.get(null) == null) {
                field.set(null, new URLClassLoader(new URL[0], RuntimeClient.class.getClassLoader()));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("runtime client changed: " + e, e);
        }
    }

    /** Loads the handler as the runtime does during init; a load failure is the runtime's error, as text. */
    static LambdaRequestHandler load(String handler) throws Exception {
        installCustomerClassLoader();
        HandlerInfo info = HandlerInfo.fromString(handler, RuntimeClient.class.getClassLoader());
        return EventHandlerLoader.loadEventHandler(info);
    }

    /** One invocation with these bytes; returns the response bytes the runtime would post. */
    static byte[] invoke(LambdaRequestHandler handler, byte[] event) throws Exception {
        InvocationRequest request = new InvocationRequest();
        request.setId("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        request.setInvokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:Echo");
        request.setDeadlineTimeInMs(System.currentTimeMillis() + 30_000);
        request.setContent(event);
        return handler.call(request).toByteArray();
    }
}
