package dev.xraytracing.faults.internal;

import dev.xraytracing.internal.log.WarnOnce;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The service exception an SDK attempt fails with: status code, error code and message as the service would send
 * them, so the SDK's retry logic (throttling, 5xx) treats it as real. It is the service's modelled exception when
 * there is one on the class path (the type the rule names, else the class its error code names in the service's
 * model package, as the SDK itself would unmarshal it), built through that class's own static {@code builder()};
 * else a plain {@link AwsServiceException}. Default error codes follow the status.
 */
final class SdkExceptions {
    private SdkExceptions() {
    }

    /** How one faulted call builds each attempt's exception: resolved once per call, built fresh per attempt. */
    static final class Maker {
        private final Rule rule;
        private final String service;
        private final String code;
        /** The modelled class's static {@code builder()}, or null for a plain AwsServiceException. */
        private final Method modelledBuilder;

        Maker(Rule rule, String service, Class<?> requestType, WarnOnce warnings) {
            this.rule = rule;
            this.service = service;
            Method builder = null;
            if (rule.namedType != null) {
                builder = builderOf(rule.namedType, loader(requestType));
                if (builder == null) {
                    warnings.warn("faults:sdktype:" + rule.id, "fault rule '" + rule.id + "' names " + rule.namedType
                            + ", which is no AWS service exception with a builder() on the class path; the error "
                            + "code decides instead");
                }
            }
            String named = builder != null ? simpleName(rule.namedType) : null;
            this.code = rule.errorCode != null ? rule.errorCode : named != null ? named : defaultCode(rule.status);
            if (builder == null && requestType != null && !requestType.getPackageName().isEmpty()) {
                // The modelled exceptions live next to the requests, named as the error codes the service sends.
                builder = builderOf(requestType.getPackageName() + "." + code, loader(requestType));
            }
            this.modelledBuilder = builder;
        }

        RuntimeException attemptFailure() {
            AwsServiceException.Builder builder = null;
            if (modelledBuilder != null) {
                try {
                    builder = (AwsServiceException.Builder) modelledBuilder.invoke(null);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError unexpected) {
                    builder = null; // the plain exception below still makes the SDK react alike
                }
            }
            if (builder == null) {
                builder = AwsServiceException.builder();
            }
            return builder.statusCode(rule.status)
                    .message(rule.message)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(code)
                            .errorMessage(rule.message)
                            .serviceName(service)
                            .build())
                    .build();
        }

        /** Whether attempts fail with a modelled exception (for tests of this class). */
        boolean modelled() {
            return modelledBuilder != null;
        }
    }

    static Maker maker(Rule rule, String service, Class<?> requestType, WarnOnce warnings) {
        return new Maker(rule, service, requestType, warnings);
    }

    /** The public static {@code builder()} of {@code className} if that is a concrete AWS service exception. */
    private static Method builderOf(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            if (!AwsServiceException.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                return null;
            }
            Method builder = type.getMethod("builder");
            return Modifier.isStatic(builder.getModifiers())
                    && AwsServiceException.Builder.class.isAssignableFrom(builder.getReturnType()) ? builder : null;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    private static ClassLoader loader(Class<?> requestType) {
        ClassLoader loader = requestType != null ? requestType.getClassLoader() : null;
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : SdkExceptions.class.getClassLoader();
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
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
