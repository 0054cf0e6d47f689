package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A handler whose constructor throws: the runtime reports an init error. */
public final class BrokenInitHandler implements RequestHandler<Map<String, Object>, String> {
    public BrokenInitHandler() {
        throw new IllegalStateException("missing configuration TABLE_NAME");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "never";
    }
}
