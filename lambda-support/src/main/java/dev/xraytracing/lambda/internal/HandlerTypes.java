package dev.xraytracing.lambda.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The actual type arguments a handler class gives a generic base class ({@code TracedRequestHandler<I, O>}), resolved
 * through every class in between, as the runtime interface client resolves {@code RequestHandler<I, O>} for a handler
 * named without a method. Like the runtime, it resolves type variables that are whole arguments, and leaves one it
 * cannot resolve (a raw or generic subclass) as the variable.
 */
final class HandlerTypes {
    private HandlerTypes() {
    }

    static Type[] resolve(Class<?> handlerClass, Class<?> base) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Class<?> current = handlerClass;
        while (current != null && current != base) {
            Type superclass = current.getGenericSuperclass();
            if (superclass instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = arguments[i];
                    bindings.put(variables[i], argument instanceof TypeVariable<?> v
                            ? bindings.getOrDefault(v, v) : argument);
                }
                current = raw;
            } else {
                current = (Class<?>) superclass;
            }
        }
        TypeVariable<?>[] parameters = base.getTypeParameters();
        Type[] resolved = new Type[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            resolved[i] = bindings.getOrDefault(parameters[i], parameters[i]);
        }
        return resolved;
    }
}
