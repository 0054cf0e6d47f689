package dev.xraytracing.lambda.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a handler's event from the invocation's bytes and writes its response, choosing the serializer the way the
 * runtime interface client's {@code EventHandlerLoader} does for a {@code RequestHandler<I, O>}: a customer's
 * {@link CustomPojoSerializer} (one, found by the service loader) wins; then Lambda's event serializers for the
 * {@code aws-lambda-java-events} types they support; then Gson for Android clients; else Jackson. The serializers are
 * Lambda's own ({@code aws-lambda-java-serialization}); inside Lambda the runtime's copy of those classes is loaded,
 * since the function's class loader asks the runtime's first.
 */
public final class RuntimeSerialization {
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final Type inputType;
    private final Type outputType;
    private final ClassLoader loader;
    private final Map<String, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();
    private volatile CustomPojoSerializer custom;
    private volatile boolean customLooked;

    private RuntimeSerialization(Type inputType, Type outputType, ClassLoader loader) {
        this.inputType = inputType;
        this.outputType = outputType;
        this.loader = loader;
    }

    /** Serialization for a handler class whose {@code I} and {@code O} resolve as {@link HandlerTypes} says. */
    public static RuntimeSerialization of(Class<?> handlerClass, Class<?> genericBase) {
        Type[] types = HandlerTypes.resolve(handlerClass, genericBase);
        return new RuntimeSerialization(types[0], types[1], handlerClass.getClassLoader());
    }

    /** Builds the serializers now, as the runtime does during init for a handler it will call with objects. */
    public void prepare() {
        serializer(inputType, false);
        if (!isVoid(outputType)) {
            serializer(outputType, false);
        }
    }

    public Object read(InputStream input, Context context) {
        try {
            return serializer(inputType, isAndroid(context)).fromJson(input);
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON parsing", t);
        }
    }

    public void write(Object output, OutputStream out, Context context) {
        try {
            if (isVoid(outputType)) {
                out.write(JSON_NULL);
            } else {
                serializer(outputType, isAndroid(context)).toJson(output, out);
            }
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON serialization of response", t);
        }
    }

    private PojoSerializer<Object> serializer(Type type, boolean android) {
        checkConcrete(type);
        String key = (android ? "android:" : "") + type.getTypeName();
        PojoSerializer<Object> serializer = serializers.get(key);
        if (serializer == null) { // not computeIfAbsent's lambda: a spun class on a cold start (docs/benchmarks.md)
            serializer = create(type, android);
            PojoSerializer<Object> raced = serializers.putIfAbsent(key, serializer);
            if (raced != null) {
                serializer = raced;
            }
        }
        return serializer;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PojoSerializer<Object> create(Type type, boolean android) {
        CustomPojoSerializer customer = customSerializer();
        if (customer != null) {
            return new PojoSerializer<>() {
                @Override
                public Object fromJson(InputStream input) {
                    return customer.fromJson(input, type);
                }

                @Override
                public Object fromJson(String input) {
                    return customer.fromJson(input, type);
                }

                @Override
                public void toJson(Object value, OutputStream output) {
                    customer.toJson(value, output, type);
                }
            };
        }
        if (type instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            return LambdaEventSerializers.serializerFor((Class) clazz, loader);
        }
        return android ? GsonFactory.getInstance().getSerializer(type) : JacksonFactory.getInstance().getSerializer(type);
    }

    private CustomPojoSerializer customSerializer() {
        if (!customLooked) {
            synchronized (this) {
                if (!customLooked) {
                    Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, loader)
                            .iterator();
                    custom = found.hasNext() ? found.next() : null;
                    if (found.hasNext()) {
                        throw new IllegalStateException("Too many serializers provided inside the META-INF/services "
                                + "folder, only one is allowed");
                    }
                    customLooked = true;
                }
            }
        }
        return custom;
    }

    /** The runtime refuses a type variable without a bound other than Object: it cannot know what to build. */
    private static void checkConcrete(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                if (!Object.class.equals(bound)) {
                    return;
                }
            }
            throw new IllegalStateException("the handler's event or response type " + variable + " is not concrete: "
                    + "declare the handler class with concrete type arguments, e.g. extends TracedRequestHandler<"
                    + "SQSEvent, Void>");
        }
    }

    private static boolean isVoid(Type type) {
        return Void.TYPE.equals(type) || type instanceof Class<?> c && Void.class.isAssignableFrom(c);
    }

    /** Android clients (Mobile SDK) get Gson, as the runtime gives them; read from the client context. */
    private static boolean isAndroid(Context context) {
        ClientContext client = context != null ? context.getClientContext() : null;
        Map<String, String> environment = client != null ? client.getEnvironment() : null;
        return environment != null && "Android".equalsIgnoreCase(environment.get("platform"));
    }
}
