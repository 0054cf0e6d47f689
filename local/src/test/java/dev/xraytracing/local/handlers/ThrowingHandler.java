package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A handler that always throws: every invocation ends as an unhandled function error. */
public final class ThrowingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        throw new IllegalArgumentException("order 42 has no items");
    }
}
