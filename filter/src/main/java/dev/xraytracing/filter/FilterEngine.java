package dev.xraytracing.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Runs the engine's scripts, the files the console embeds, under Rhino: the grammar, the evaluator and the root-cause
 * model, in that order. Loaded once per instance; the scripts keep no state between calls, so one instance serves
 * every thread.
 */
final class FilterEngine {
    static final List<String> RESOURCES = List.of("xray-filter-grammar.js", "xray-filter.js", "xray-rootcause.js");
    private static final FilterEngine DEFAULT = new FilterEngine();

    private final String source;
    private final ScriptableObject scope;
    private final Function selectJson;

    FilterEngine() {
        this.source = RESOURCES.stream().map(FilterEngine::readSource).collect(Collectors.joining("\n"));
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(true); // the script is small; interpreting it starts faster than compiling
            scope = cx.initStandardObjects();
            cx.evaluateString(scope, source, "xray-filter", 1, null);
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
