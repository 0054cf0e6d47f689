package dev.xraytracing.faults.internal;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The service exception an SDK attempt fails with: status code, error code and message as the service would send
 * them, so the SDK's retry logic (throttling, 5xx) treats it as real. Default error codes follow the status.
 */
final class SdkExceptions {
    private SdkExceptions() {
    }

    static RuntimeException of(Rule rule, String service) {
        String code = rule.errorCode != null ? rule.errorCode : defaultCode(rule.status);
        return AwsServiceException.builder()
                .statusCode(rule.status)
                .message(rule.message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(rule.message)
                        .serviceName(service)
                        .build())
                .build();
    }

    static String defaultCode(int status) {
        switch (status) {
            case 429: return "ThrottlingException";
            case 500: return "InternalFailure";
            case 503: return "ServiceUnavailable";
            default: return status >= 500 ? "InternalFailure" : "InjectedFault";
        }
    }
}
