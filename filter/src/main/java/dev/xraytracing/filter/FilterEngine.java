package dev.xraytracing.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Runs {@code xray-filter.js} and {@code xray-rootcause.js}, the files the console embeds, under Rhino. Loaded once
 * per instance; the scripts keep no state between calls, so one instance serves every thread.
 */
final class FilterEngine {
    static final String RESOURCE = "xray-filter.js";
    static final String ROOT_CAUSES = "xray-rootcause.js";
    private static final FilterEngine DEFAULT = new FilterEngine();

    private final String source;
    private final ScriptableObject scope;
    private final Function selectJson;

    FilterEngine() {
        this.source = readSource(RESOURCE) + "\n" + readSource(ROOT_CAUSES);
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(true); // the script is small; interpreting it starts faster than compiling
            scope = cx.initStandardObjects();
            cx.evaluateString(scope, source, RESOURCE, 1, null);
            Scriptable api = (Scriptable) scope.get("XRayFilter", scope);
            selectJson = (Function) api.get("selectJson", api);
            scope.sealObject();
        } finally {
            Context.exit();
        }
    }

    static FilterEngine standard() {
        return DEFAULT;
    }

    String source() {
        return source;
    }

    /** The engine's answer as JSON text: {@code {"matching":[indexes]}} or {@code {"error":{...}}}. */
    synchronized String select(String expression, String tracesJson) {
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(true);
            return Context.toString(selectJson.call(cx, scope, scope, new Object[] {expression, tracesJson}));
        } finally {
            Context.exit();
        }
    }

    private static String readSource(String resource) {
        try (InputStream in = FilterEngine.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
