package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.Test;

class HandlerStatusTest {

    static final class Answering extends TracedRequestHandler<Integer, APIGatewayProxyResponseEvent> {
        @Override
        protected APIGatewayProxyResponseEvent handle(Integer status, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(status);
        }
    }

    @Test
    void aHandlerAnsweringApiGatewayWithA5xxIsRecordedAsAFault() {
        assertThat(LambdaInvoker.of(new Answering()).invoke(502).trace()).subsegment("## handleRequest")
                .isFault().hasHttpStatus(502);
    }

    @Test
    void aHandlersOwn5xxAnswerIsNotARemoteFailedStatus() {
        var handler = LambdaInvoker.of(new Answering()).invoke(503).trace().get("## handleRequest");

        org.assertj.core.api.Assertions.assertThat(handler.exceptions()).singleElement().satisfies(exception -> {
            org.assertj.core.api.Assertions.assertThat(exception.isRemote()).isFalse();
            org.assertj.core.api.Assertions.assertThat(exception.message()).contains("handler answered")
                    .contains("503");
        });
    }

    @Test
    void aHandlerAnswering200IsOk() {
        assertThat(LambdaInvoker.of(new Answering()).invoke(200).trace()).subsegment("## handleRequest")
                .isOk().hasHttpStatus(200);
    }
}
