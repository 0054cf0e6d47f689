package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;

/** The README's handler, as a user would write it. */
public class OrderHandler extends TracedRequestHandler<Map<String, String>, String> {
    @Override
    protected String handle(Map<String, String> order, Context context) {
        Tracing.annotate("OrderId", order.get("id"));
        return Tracing.sub("SaveOrder", s -> "saved " + order.get("id"));
    }
}
