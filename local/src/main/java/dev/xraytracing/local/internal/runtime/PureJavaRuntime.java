package dev.xraytracing.local.internal.runtime;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.UserFault;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The pure-Java runtime loop, for machines where the runtime interface client's native library does not load (macOS,
 * Windows). It keeps the client's contract: the handler is found and called by the client's own Java handler loader
 * (same POJO serialization, same Context), the Runtime API is the same, and the trace header is handed over the same
 * way: the {@code com.amazonaws.xray.traceHeader} system property and the SDK's internal thread-local.
 */
public final class PureJavaRuntime {
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";

    private PureJavaRuntime() {
    }

    public static void main(String[] args) throws IOException {
        String handler = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        RuntimeApiClient api = new RuntimeApiClient(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        System.out.println("xray-tracing-local: pure-Java runtime loop running " + handler);
        LambdaRequestHandler requestHandler;
        try {
            requestHandler = load(handler);
        } catch (UserFault fault) {
            System.err.println(fault.reportableError());
            api.initError(ErrorDocuments.of(fault), "Runtime.BadFunctionCode");
            System.exit(1);
            return;
        }
        while (true) {
            InvocationRequest request = api.next();
            handOverTraceHeader(request.getXrayTraceId());
            try {
                ByteArrayOutputStream response = requestHandler.call(request);
                api.respond(request.getId(), response.toByteArray());
            } catch (UserFault fault) {
                System.err.println(fault.reportableError());
                api.error(request.getId(), ErrorDocuments.of(fault), fault.exception, null);
                if (Boolean.TRUE.equals(fault.fatal)) {
                    System.exit(1);
                }
            } catch (Throwable t) {
                UserFault.filterStackTrace(t);
                System.err.println(UserFault.makeUserFault(t).reportableError());
                api.error(request.getId(), ErrorDocuments.of(t), t.getClass().getName(), ErrorDocuments.xrayCause(t));
                if (t instanceof VirtualMachineError) {
                    System.exit(1);
                }
            } finally {
                clearThreadLocal();
            }
        }
    }

    /** Loads the handler as the runtime interface client does; a fatal problem is a {@link UserFault}. */
    private static LambdaRequestHandler load(String handler) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        HandlerInfo info;
        try {
            info = HandlerInfo.fromString(handler, loader);
        } catch (HandlerInfo.InvalidHandlerException e) {
            throw UserFault.makeUserFault("Invalid handler: `" + handler + "'");
        } catch (ClassNotFoundException e) {
            return LambdaRequestHandler.classNotFound(e, HandlerInfo.className(handler));
        } catch (NoClassDefFoundError e) {
            return LambdaRequestHandler.initErrorHandler(e, HandlerInfo.className(handler));
        } catch (Throwable t) {
            throw UserFault.makeUserFault(t, true);
        }
        LambdaRequestHandler loaded = EventHandlerLoader.loadEventHandler(info);
        // As the client does: a fatal fault (the constructor threw) is an init error, not a first-invoke error.
        if (loaded instanceof LambdaRequestHandler.UserFaultHandler faultHandler
                && Boolean.TRUE.equals(faultHandler.fault.fatal)) {
            throw faultHandler.fault;
        }
        return loaded;
    }

    private static void handOverTraceHeader(String header) {
        if (header == null) {
            System.clearProperty(TRACE_HEADER_PROPERTY);
        } else {
            System.setProperty(TRACE_HEADER_PROPERTY, header);
        }
        try {
            if (header != null) {
                software.amazon.awssdk.utilslite.SdkInternalThreadLocal.put(TRACE_THREAD_LOCAL_KEY, header);
            }
        } catch (LinkageError absent) {
            // The SDK's utils-lite is not on the classpath: the system property carries the header.
        }
    }

    private static void clearThreadLocal() {
        try {
            software.amazon.awssdk.utilslite.SdkInternalThreadLocal.remove(TRACE_THREAD_LOCAL_KEY);
        } catch (LinkageError absent) {
            // nothing to clear
        }
    }
}
