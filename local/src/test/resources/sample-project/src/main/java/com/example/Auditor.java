package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;

/** Audits a greeting; a slow one takes longer than the function's one-second timeout. */
public class Auditor extends TracedRequestHandler<Map<String, Object>, String> {
    @Override
    protected String handle(Map<String, Object> event, Context context) throws InterruptedException {
        if (Boolean.TRUE.equals(event.get("slow"))) {
            Thread.sleep(3_000);
        }
        Tracing.annotate("Audited", String.valueOf(event.get("name")));
        return "audited " + event.get("name");
    }
}
