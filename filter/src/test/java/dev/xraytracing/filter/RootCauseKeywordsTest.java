package dev.xraytracing.filter;

import static dev.xraytracing.filter.GuideKeywordsTest.ids;
import static dev.xraytracing.filter.GuideKeywordsTest.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rootcause.fault|error|responsetime.service|entity|exception over the per-trace root causes, shaped as
 * GetTraceSummaries reports them. In {@link SampleTraces}: slow's fault starts in MySecondLambda's Invocation (an
 * IllegalStateException), throttled's error is its throttled call to MyFirstLambda (an inferred AWS::Lambda node),
 * and fast's time goes mostly to an SNS publish.
 */
class RootCauseKeywordsTest {

    @ParameterizedTest(name = "{0}: {1}  ->  {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a fault's root cause is the chain of services to its culprit | rootcause.fault.service { name = "MySecondLambda" }                       | SLOW
            a fault's root cause is the chain of services to its culprit | rootcause.fault.service { last and type = "AWS::Lambda::Function" }       | SLOW
            a fault's root cause is the chain of services to its culprit | rootcause.fault.service { first and root and name = "api/prod" }         | SLOW
            a fault's root cause is the chain of services to its culprit | rootcause.fault.service { index = 0 }                                    | SLOW
            a fault's root cause is the chain of services to its culprit | rootcause.fault.service                                                  | SLOW
            a fault's root cause is the chain of services to its culprit | !rootcause.fault.service                                                 | FAST THROTTLED
            the entity path ends at the culprit                          | rootcause.fault.entity { last and name = "Invocation" }                  | SLOW
            the entity path ends at the culprit                          | rootcause.fault.entity { last and name = "MySecondLambda" }              |
            the culprit's exceptions are the root cause's                | rootcause.fault.exception { message = "order o-42 not stored" }          | SLOW
            the culprit's exceptions are the root cause's                | rootcause.fault.exception { last and name ENDSWITH "IllegalStateException" and !remote } | SLOW
            the culprit's exceptions are the root cause's                | rootcause.fault.exception { type CONTAINS "Timeout" }                    |
            an error's root cause ends at the inferred resource          | rootcause.error.service { last and inferred and type = "AWS::Lambda" }   | THROTTLED
            an error's root cause ends at the inferred resource          | rootcause.error.entity { remote and name = "Lambda" }                    | THROTTLED
            an error's root cause ends at the inferred resource          | rootcause.error.service                                                  | THROTTLED
            the response time root cause follows the longest child       | rootcause.responsetime.service { last and name = "SNS" and type = "AWS::SNS" } | FAST
            the response time root cause follows the longest child       | rootcause.responsetime.entity { last and name = "Invocation" }           | SLOW
            the response time root cause follows the longest child       | rootcause.responsetime.entity { last and coverage > 0.9 }                | SLOW THROTTLED
            the response time root cause follows the longest child       | rootcause.responsetime.entity { first and coverage = 1 }                 | FAST SLOW THROTTLED
            the response time root cause follows the longest child       | rootcause.responsetime.service { account.id = "123456789012" }           | FAST SLOW
            root causes combine with the other keywords                  | rootcause.fault.service { name = "MySecondLambda" } AND http.method = "GET" | SLOW
            """)
    void a_root_cause_keyword_reads_the_traces_root_causes(String behaviour, String expression, String expected) {
        assertThat(select(expression)).as(behaviour + ": " + expression).containsExactlyInAnyOrderElementsOf(
                ids(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            name = "x"                                        | 1  | a keyword (ok,     | 'name', a keyword of rootcause.*.* { } only
            rootcause.fault.service { http.url }              | 27 | a keyword of rootcause.….service { } (name, type | 'http.url'
            rootcause.fault.entity { message = "x" }          | 26 | a keyword of rootcause.….entity { } (name, remote | 'message'
            rootcause.fault.entity { coverage }               | 35 | an operator after coverage | '}'
            service("a") { rootcause.fault.service }          | 16 | a keyword of the service or edge | 'rootcause.fault.service'
            rootcause.fault.services                          | 1  | a keyword (ok,     | the unknown keyword 'rootcause.fault.services'
            """)
    void a_root_cause_keyword_out_of_place_says_where_it_belongs(String expression, int column, String expected,
                                                               String found) {
        InvalidFilterExpressionException e = catchThrowableOfType(InvalidFilterExpressionException.class,
                () -> FilterExpression.parse(expression));

        assertThat(e).as(expression).isNotNull();
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.expected()).as(e.getMessage()).startsWith(expected);
        assertThat(e.found()).as(e.getMessage()).isEqualTo(found);
    }
}
