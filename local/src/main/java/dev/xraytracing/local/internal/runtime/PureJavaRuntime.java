package dev.xraytracing.local.internal.runtime;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.util.ConcurrencyConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The pure-Java runtime loop, for machines where the runtime interface client's native library does not load (macOS,
 * Windows). It is the client itself, {@code AWSLambda}, minus its JNI transport: the client's own code sets up the
 * customer class loader and logger, loads the handler from the handler string, reads and writes events, reports init
 * and invocation errors and hands the trace header over; only the Runtime API calls go through
 * {@link HttpRuntimeApiClient} instead of the native library. The client's steps are private, so they are called by
 * name; {@code FullChainUnderPureJavaLoopTest} fails at once should a new client version rename them.
 */
public final class PureJavaRuntime {
    private PureJavaRuntime() {
    }

    public static void main(String[] args) throws Throwable {
        String handler = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        LambdaRuntimeApiClient runtimeApi = new HttpRuntimeApiClient(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        System.out.println("xray-tracing-local: pure-Java runtime loop running " + handler);
        try (LambdaContextLogger logger = (LambdaContextLogger) call("initLogger", new Class<?>[0])) {
            Object requestHandler = call("getLambdaRequestHandlerObject",
                    new Class<?>[] {String.class, LambdaContextLogger.class, LambdaRuntimeApiClient.class},
                    handler, logger, runtimeApi);
            call("startRuntimeLoops", new Class<?>[] {LambdaRequestHandler.class, LambdaContextLogger.class,
                    ConcurrencyConfig.class, LambdaRuntimeApiClient.class},
                    requestHandler, logger, new ConcurrencyConfig(logger), runtimeApi);
        }
    }

    private static Object call(String name, Class<?>[] parameterTypes, Object... arguments) throws Throwable {
        Method method = AWSLambda.class.getDeclaredMethod(name, parameterTypes);
        method.setAccessible(true);
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
