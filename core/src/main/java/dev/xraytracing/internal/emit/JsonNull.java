package dev.xraytracing.internal.emit;

/**
 * JSON null as a map value: the maps entities keep metadata in take no null, and the X-Ray SDK's stand-in for it is
 * Jackson's {@code NullNode}, which a cold path of ours must not load. The writer writes it as {@code null}.
 */
public final class JsonNull {
    public static final JsonNull VALUE = new JsonNull();

    private JsonNull() {
    }

    @Override
    public String toString() {
        return "null";
    }
}
