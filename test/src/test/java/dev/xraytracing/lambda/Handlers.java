package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Handlers the tests invoke. */
final class Handlers {
    private Handlers() {
    }

    /** Greets; annotates its subsegment and does one traced step. */
    static final class Greeter extends TracedRequestHandler<String, String> {
        Greeter() {
        }

        Greeter(HandlerTracing tracing) {
            super(tracing);
        }

        @Override
        protected String handle(String name, Context context) {
            Tracing.annotate("Greeted", name);
            return Tracing.sub("BuildGreeting", s -> "Hello, " + name);
        }
    }

    /** Throws whatever it is given. */
    static final class Thrower extends TracedRequestHandler<Exception, String> {
        Thrower() {
        }

        Thrower(HandlerTracing tracing) {
            super(tracing);
        }

        @Override
        protected String handle(Exception toThrow, Context context) throws Exception {
            throw toThrow;
        }
    }

    /** Echoes its input stream upper-cased. */
    static final class UpperCaser extends TracedStreamHandler {
        @Override
        protected void handle(InputStream input, OutputStream output, Context context) throws IOException {
            Tracing.annotate("Bytes", input.available());
            output.write(new String(input.readAllBytes(), StandardCharsets.UTF_8).toUpperCase()
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
