package dev.xraytracing.local.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Invoke API finds a function by its name or ARN, as Lambda does. */
class FunctionNamesTest {
    @Test
    void function_names_are_read_from_names_and_arns_without_qualifier() {
        assertThat(LambdaService.functionName("MySecondLambda")).isEqualTo("MySecondLambda");
        assertThat(LambdaService.functionName("arn:aws:lambda:us-east-1:123456789012:function:MySecondLambda:$LATEST"))
                .isEqualTo("MySecondLambda");
        assertThat(LambdaService.functionName("123456789012:function:MySecondLambda")).isEqualTo("MySecondLambda");
    }
}
