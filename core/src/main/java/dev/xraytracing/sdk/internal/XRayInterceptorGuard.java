package dev.xraytracing.sdk.internal;

import dev.xraytracing.internal.log.WarnOnce;
import java.lang.reflect.Field;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/**
 * Keeps X-Ray's own {@code com.amazonaws.xray.interceptors.TracingInterceptor} from tracing a call a second time when
 * it sits in the same client. It skips a call whose "AWS X-Ray Interceptor" attribute names another instance (its
 * guard against being registered twice), so we put a stand-in instance there. If X-Ray's interceptor ran first and
 * already took the call, ours stands aside instead. Without X-Ray's interceptor on the classpath this costs one
 * failed class lookup, once.
 */
final class XRayInterceptorGuard {
    private static final String XRAY_INTERCEPTOR = "com.amazonaws.xray.interceptors.TracingInterceptor";
    private static final ExecutionAttribute<Object> KEY;
    private static final Object STAND_IN;
    /** Why X-Ray's interceptor could not be told to stand aside, or null; logged by the first call that meets it. */
    private static final Throwable NOT_GUARDED;

    static {
        ExecutionAttribute<Object> key = null;
        Object standIn = null;
        Throwable notGuarded = null;
        try {
            Class<?> type = Class.forName(XRAY_INTERCEPTOR, false, XRayInterceptorGuard.class.getClassLoader());
            Field field = type.getDeclaredField("XRAY_INTERCEPTOR_KEY");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            ExecutionAttribute<Object> found = (ExecutionAttribute<Object>) field.get(null);
            standIn = type.getConstructor().newInstance();
            key = found;
        } catch (ClassNotFoundException | LinkageError absent) {
            // X-Ray's interceptor is not on the classpath: nothing to guard against.
        } catch (Throwable changed) {
            notGuarded = changed;
        }
        KEY = key;
        STAND_IN = standIn;
        NOT_GUARDED = notGuarded;
    }

    private XRayInterceptorGuard() {
    }

    /** True if X-Ray's interceptor has already taken this call; otherwise makes it skip the call. */
    static boolean xrayTookTheCall(ExecutionAttributes attributes, WarnOnce warnings) {
        if (NOT_GUARDED != null) {
            warnings.warn("sdk:xray-guard", "X-Ray's TracingInterceptor is on the classpath but could not be told to "
                    + "stand aside; if both are registered, calls are traced twice", NOT_GUARDED);
        }
        if (KEY == null) {
            return false;
        }
        Object owner = attributes.getAttribute(KEY);
        if (owner != null && owner != STAND_IN) {
            return true;
        }
        attributes.putAttribute(KEY, STAND_IN);
        return false;
    }
}
