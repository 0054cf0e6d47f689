package dev.xraytracing.internal.status;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.xraytracing.status.CallStatus;

/**
 * Reads API Gateway proxy responses when {@code aws-lambda-java-events} is on the classpath. The classes are looked
 * up once; without them this costs one constant check per call.
 */
final class ApiGatewayStatus {
    private static final boolean PRESENT = isPresent();

    private ApiGatewayStatus() {
    }

    static CallStatus read(Object result) {
        return PRESENT ? Reader.read(result) : null;
    }

    private static boolean isPresent() {
        try {
            Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent", false,
                    ApiGatewayStatus.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when the events library is present. */
    private static final class Reader {
        static CallStatus read(Object result) {
            if (result instanceof APIGatewayProxyResponseEvent) {
                Integer status = ((APIGatewayProxyResponseEvent) result).getStatusCode();
                return status == null ? null : CallStatus.of(status);
            }
            if (result instanceof APIGatewayV2HTTPResponse) {
                return CallStatus.of(((APIGatewayV2HTTPResponse) result).getStatusCode());
            }
            return null;
        }
    }
}
