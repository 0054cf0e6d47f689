package dev.xraytracing.local.internal.runtime;

import com.amazonaws.services.lambda.runtime.api.client.UserFault;
import java.nio.charset.StandardCharsets;

/** The error bodies the runtime posts: Lambda's {errorMessage, errorType, stackTrace} and X-Ray's cause object. */
final class ErrorDocuments {
    private ErrorDocuments() {
    }

    static byte[] of(UserFault fault) {
        return json("{\"errorMessage\":" + quote(fault.msg) + ",\"errorType\":" + quote(fault.exception)
                + ",\"stackTrace\":[]}");
    }

    static byte[] of(Throwable t) {
        StringBuilder stack = new StringBuilder("[");
        for (StackTraceElement element : t.getStackTrace()) {
            if (stack.length() > 1) {
                stack.append(',');
            }
            stack.append(quote(element.toString()));
        }
        stack.append(']');
        return json("{\"errorMessage\":" + quote(String.valueOf(t.getMessage())) + ",\"errorType\":"
                + quote(t.getClass().getName()) + ",\"stackTrace\":" + stack + "}");
    }

    /** The cause as X-Ray records it, for the {@code Lambda-Runtime-Function-XRay-Error-Cause} header. */
    static byte[] xrayCause(Throwable t) {
        StringBuilder stack = new StringBuilder("[");
        StackTraceElement[] elements = t.getStackTrace();
        for (int i = 0; i < Math.min(elements.length, 50); i++) {
            if (i > 0) {
                stack.append(',');
            }
            stack.append("{\"label\":").append(quote(elements[i].getClassName() + "." + elements[i].getMethodName()))
                    .append(",\"path\":").append(quote(String.valueOf(elements[i].getFileName())))
                    .append(",\"line\":").append(Math.max(elements[i].getLineNumber(), 0)).append('}');
        }
        stack.append(']');
        return json("{\"working_directory\":" + quote(System.getProperty("user.dir")) + ",\"exceptions\":[{\"type\":"
                + quote(t.getClass().getName()) + ",\"message\":" + quote(String.valueOf(t.getMessage()))
                + ",\"stack\":" + stack + "}],\"paths\":[]}");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
