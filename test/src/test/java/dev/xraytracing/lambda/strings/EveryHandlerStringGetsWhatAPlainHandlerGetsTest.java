package dev.xraytracing.lambda.strings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Under the runtime interface client's own handler loader, a traced handler named {@code pkg.Class} or
 * {@code pkg.Class::handleRequest} receives the very event a plain {@code RequestHandler} of the same types receives,
 * and its response becomes the very same bytes.
 */
// One case at a time: the echo handlers report what they received through one static field, and the runtime
// client's handler loader keeps its class loader in a static too.
@Execution(ExecutionMode.SAME_THREAD)
class EveryHandlerStringGetsWhatAPlainHandlerGetsTest {
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("api-gateway-rest.json", "PlainRestApi", "TracedRestApi"),
                Arguments.of("api-gateway-rest.json", "PlainRestApi", "WrappedRestApi"),
                Arguments.of("api-gateway-rest.json", "PlainRest", "TracedRest"),
                Arguments.of("http-api.json", "PlainHttpApi", "TracedHttpApi"),
                Arguments.of("http-api.json", "PlainHttpApiEcho", "TracedHttpApiEcho"),
                Arguments.of("sqs.json", "PlainSqs", "TracedSqs"),
                Arguments.of("sns.json", "PlainSns", "TracedSns"),
                Arguments.of("s3.json", "PlainS3", "TracedS3"),
                Arguments.of("scheduled.json", "PlainScheduled", "TracedScheduled"),
                Arguments.of("pojo.json", "PlainOrder", "TracedOrder"),
                Arguments.of("pojo.json", "PlainOrder", "TracedOrderViaBase"),
                Arguments.of("map.json", "PlainMap", "TracedMap"),
                Arguments.of("string.json", "PlainString", "TracedString"),
                Arguments.of("string.json", "PlainStringToVoid", "TracedStringToVoid"),
                Arguments.of("sqs.json", "PlainStream", "TracedStream"));
    }

    @ParameterizedTest(name = "{0}: {2} as {1}")
    @MethodSource("pairs")
    void the_traced_handler_under_both_handler_strings_gets_and_answers_what_the_plain_one_does(
            String eventFile, String plain, String traced) throws Exception {
        byte[] event = event(eventFile);
        byte[] plainResponse = RuntimeClient.invoke(RuntimeClient.load(name(plain)), event);
        Object plainReceived = EchoHandlers.received;
        assertThat(plainReceived).isNotNull();

        for (String handler : new String[] {name(traced), name(traced) + "::handleRequest"}) {
            EchoHandlers.received = null;
            byte[] tracedResponse = RuntimeClient.invoke(RuntimeClient.load(handler), event);

            assertThat(EchoHandlers.received).as(handler).isInstanceOf(plainReceived.getClass());
            assertThat(EchoHandlers.received).as(handler).usingRecursiveComparison().isEqualTo(plainReceived);
            assertThat(new String(tracedResponse, StandardCharsets.UTF_8)).as(handler)
                    .isEqualTo(new String(plainResponse, StandardCharsets.UTF_8));
            assertThat(tracedResponse).as(handler).isEqualTo(plainResponse);
        }
    }

    @Test
    void the_plain_handler_named_with_its_method_gets_the_same_too() throws Exception {
        byte[] event = event("sns.json");
        byte[] byClass = RuntimeClient.invoke(RuntimeClient.load(name("PlainSns")), event);
        byte[] byMethod = RuntimeClient.invoke(RuntimeClient.load(name("PlainSns") + "::handleRequest"), event);

        assertThat(byMethod).isEqualTo(byClass);
    }

    @Test
    void a_traced_handler_whose_event_type_is_not_concrete_fails_naming_the_fix() throws Exception {
        LambdaRequestHandler handler = RuntimeClient.load(name("TracedRaw") + "::handleRequest");

        assertThatThrownBy(() -> RuntimeClient.invoke(handler, event("map.json")))
                .hasMessageContaining("An error occurred during JSON parsing")
                .rootCause().hasMessageContaining("is not concrete")
                .hasMessageContaining("declare the handler class with concrete type arguments");
    }

    static String name(String simpleName) {
        return EchoHandlers.class.getName() + "$" + simpleName;
    }

    static byte[] event(String file) throws IOException {
        try (InputStream in = EveryHandlerStringGetsWhatAPlainHandlerGetsTest.class.getResourceAsStream(
                "/events/" + file)) {
            return in.readAllBytes();
        }
    }
}
