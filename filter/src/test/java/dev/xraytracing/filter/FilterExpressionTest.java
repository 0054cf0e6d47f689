package dev.xraytracing.filter;

import static dev.xraytracing.filter.SampleTraces.FAST;
import static dev.xraytracing.filter.SampleTraces.SLOW;
import static dev.xraytracing.filter.SampleTraces.THROTTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine, run from Java on the very file the console embeds: every example of issue 14, and bad input. */
class FilterExpressionTest {
    private static final List<RecordedTrace> TRACES = SampleTraces.all();

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            annotation.customer = "alice"                                     | FAST
            annotation.customer != "alice"                                    | SLOW
            annotation.attempt < 2                                            | FAST
            annotation.attempt > 1                                            | SLOW
            annotation.customer BEGINSWITH "al"                               | FAST
            annotation.customer CONTAINS "o"                                  | SLOW
            annotation.premium = true                                         | FAST
            annotation.customer                                               | FAST SLOW
            responsetime > 5                                                  | SLOW
            responsetime < 0.1                                                | THROTTLED
            duration >= 5 AND duration <= 8                                   | SLOW
            http.status = 502                                                 | SLOW
            http.status != 200                                                | SLOW THROTTLED
            http.url CONTAINS "hello"                                         | FAST SLOW
            http.url BEGINSWITH "https://example.test/prod/o"                 | THROTTLED
            http.url ENDSWITH "=1"                                            | SLOW
            http.method = "GET"                                               | FAST SLOW
            http.method = "POST"                                              | THROTTLED
            http.useragent = "curl/8.5"                                       | FAST SLOW THROTTLED
            http.clientip = "127.0.0.1"                                       | FAST SLOW THROTTLED
            user = "alice"                                                    | FAST SLOW
            ok                                                                | FAST
            error                                                             | THROTTLED
            fault                                                             | SLOW
            throttle                                                          | THROTTLED
            partial                                                           | THROTTLED
            !partial                                                          | FAST SLOW
            fault = true                                                      | SLOW
            fault != true                                                     | FAST THROTTLED
            ok !partial duration < 3                                          | FAST
            service("MySecondLambda") { fault = true OR responsetime > 2.5 }  | SLOW
            service("MySecondLambda") { fault }                               | SLOW
            service("MySecondLambda")                                         | FAST SLOW
            !service("MySecondLambda")                                        | THROTTLED
            service("orders")                                                 | FAST
            service(id(name: "orders", type: "AWS::DynamoDB::Table"))        | FAST
            service() { fault }                                               | SLOW
            service("MyFirstLambda") { annotation.customer = "bob" }          | SLOW
            service("api/prod") { throttle }                                  | THROTTLED
            edge("MyFirstLambda", "MySecondLambda") { ok }                    | FAST SLOW
            edge("MySecondLambda", "MySecondLambda") { fault }                | SLOW
            edge("api/prod", "MyFirstLambda") { error }                       | THROTTLED
            edge("MyFirstLambda", "MySecondLambda") { error }                 | 
            edge(id(name: "api/prod"), id(name: "MyFirstLambda", type: "AWS::Lambda")) | FAST SLOW THROTTLED
            id(name: "MySecondLambda", type: "AWS::Lambda::Function")        | FAST SLOW
            id(name: "MySecondLambda", type: "AWS::EC2::Instance")           | 
            ok OR fault                                                       | FAST SLOW
            !(ok OR fault)                                                    | THROTTLED
            (http.method = "GET" AND !fault) OR throttle                      | FAST THROTTLED
            http.method = "GET" AND !fault OR throttle                        | FAST THROTTLED
            !ok AND !partial                                                  | SLOW
            annotation[customer] = "bob"                                      | SLOW
            responsetime > 5 && http.method = "GET"                           | SLOW
            """)
    void selects_the_traces_the_X_Ray_console_would(String expression, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.trim().split("\\s+")).stream()
                .map(FilterExpressionTest::traceId).toList();

        List<String> got = FilterExpression.parse(expression).select(TRACES).stream()
                .map(RecordedTrace::traceId).toList();

        assertThat(got).as(expression).containsExactlyInAnyOrderElementsOf(want);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            service("MySecondLambda") { fault                 | 34 | '}' to close the '{' at column 27
            service("MySecondLambda") fault }                 | 33 | no '}' here: it closes no '{'
            (ok OR fault                                      | 13 | ')' to close the '(' at column 1
            ok OR fault)                                      | 12 | no ')' here: it closes no '('
            respnsetime > 5                                   | 1  | a keyword (ok, error
            responsetime > "5"                                | 16 | a number after responsetime >
            http.url CONTAINS 5                               | 19 | a string in quotes after http.url CONTAINS
            http.status CONTAINS "5"                          | 13 | an operator for the number keyword http.status
            fault = 1                                         | 9  | true or false after fault =
            fault >                                           | 7  | an operator for the boolean keyword fault
            responsetime >                                    | 15 | a number after responsetime >
            responsetime                                      | 13 | an operator after responsetime
            http.method = "GET                                | 15 | a closing " for the string started here
            ok AND                                            | 7  | a keyword
            ok OR OR fault                                    | 7  | a keyword
            service(MySecondLambda)                           | 9  | a service name in quotes
            edge("a")                                         | 9  | ',' and the second service of the edge
            id(nam: "x")                                      | 4  | name:, type: or account.id:
            service("a") { }                                  | 16 | a filter expression inside { }
            annotation.k CONTAINS 3                           | 23 | a string in quotes after annotation.k CONTAINS
            ok # fault                                        | 4  | a keyword, a value or an operator
            ``                                                | 1  | a filter expression
            """)
    void an_invalid_expression_says_where_it_broke_and_what_was_expected(String expression, int column,
                                                                          String expected) {
        String text = expression == null ? "" : expression;
        InvalidFilterExpressionException e = catchThrowableOfType(InvalidFilterExpressionException.class,
                () -> FilterExpression.parse(text));

        assertThat(e).as(text).isNotNull();
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.expected()).as(e.getMessage()).startsWith(expected);
        assertThat(e.getMessage()).contains("column " + column).contains(text);
    }

    @Test
    void the_error_message_points_at_the_offending_character() {
        assertThatThrownBy(() -> FilterExpression.parse("responsetime > \"5\""))
                .hasMessage("invalid filter expression at column 16: expected a number after responsetime >, found "
                        + "the string \"5\"\n  responsetime > \"5\"\n                 ^");
    }

    @Test
    void garbage_never_leaks_an_exception_other_than_the_invalid_expression() {
        String alphabet = "ab()!{}=<>\"',: .5-_AND OR service edge id fault annotation.k http.status [";
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                FilterExpression.parse(text.toString()).select(TRACES);
            } catch (InvalidFilterExpressionException expected) {
                assertThat(expected.column()).isBetween(1, text.length() + 1);
            }
        }
    }

    @Test
    void the_engine_is_plain_ES5_the_console_can_embed() {
        assertThat(FilterExpression.engineSource()).contains("var XRayFilter")
                .doesNotContain("=>").doesNotContain("let ").doesNotContain("const ").doesNotContain("`");
    }

    private static String traceId(String name) {
        return switch (name) {
            case "FAST" -> FAST;
            case "SLOW" -> SLOW;
            case "THROTTLED" -> THROTTLED;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
