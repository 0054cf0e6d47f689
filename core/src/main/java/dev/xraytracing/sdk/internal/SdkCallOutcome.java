package dev.xraytracing.sdk.internal;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.Outcomes;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.status.StatusReaders;
import dev.xraytracing.internal.status.StatusRecording;
import dev.xraytracing.status.CallStatus;
import java.util.Optional;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The end of a traced SDK call: records the answer (request ids, HTTP status and length, response fields, flags,
 * causes, attempts) and closes the subsegment on the thread that completes the call, leaving that thread's current
 * entity as it found it.
 */
public final class SdkCallOutcome {
    private static final String UNKNOWN_REQUEST_ID = "UNKNOWN";

    private SdkCallOutcome() {
    }

    public static void afterExecution(Object owner, Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkCall call = SdkCallTracer.callOwnedBy(owner, attributes);
        if (call == null || call.subsegment == null) {
            return;
        }
        Subsegment subsegment = call.subsegment;
        try {
            SdkResponse response = context.response();
            SdkHttpResponse http = context.httpResponse();
            String requestId = response instanceof AwsResponse
                    && ((AwsResponse) response).responseMetadata() != null
                    ? ((AwsResponse) response).responseMetadata().requestId() : null;
            recordAnswer(subsegment, http, requestId, null, attributes);
            String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            for (ResourceTable.Field field : ResourceTable.of(call.core).fieldsFor(service, operation).response) {
                ResourceValues.put(subsegment, field, response.getValueForField(field.member, Object.class)
                        .orElse(null));
            }
            CallStatus status = StatusReaders.ofSdkResponse(response);
            if (status == null) {
                status = StatusReaders.ofSdkHttpResponse(http);
            }
            if (status != null) {
                StatusRecording.recordStatus(subsegment, status);
            }
        } catch (Throwable failure) {
            warn(subsegment, failure);
        } finally {
            finish(call);
        }
    }

    public static void onExecutionFailure(Object owner, Context.FailedExecution context,
            ExecutionAttributes attributes) {
        SdkCall call = SdkCallTracer.callOwnedBy(owner, attributes);
        if (call == null || call.subsegment == null) {
            return;
        }
        Subsegment subsegment = call.subsegment;
        try {
            Throwable failure = context.exception();
            Optional<SdkHttpResponse> http = context.httpResponse();
            SdkServiceException serviceFailure = failure instanceof SdkServiceException
                    ? (SdkServiceException) failure : null;
            if (http.isPresent()) {
                recordAnswer(subsegment, http.get(), serviceFailure == null ? null : serviceFailure.requestId(),
                        serviceFailure == null ? null : serviceFailure.extendedRequestId(), attributes);
            } else if (serviceFailure != null) {
                recordRequestIds(subsegment, serviceFailure.requestId(), serviceFailure.extendedRequestId(), null);
            }
            // no Optional.map(method reference): a spun class on a cold start (docs/benchmarks.md)
            recordFailure(subsegment, failure, http.isPresent() ? http.get().statusCode() : 0);
        } catch (Throwable failure) {
            warn(subsegment, failure);
        } finally {
            finish(call);
        }
    }

    /** A client-side failure is a fault; a service's answer is remote, and an error (4xx) or fault (5xx). */
    private static void recordFailure(Subsegment subsegment, Throwable failure, int httpStatus) {
        Outcomes.recordException(subsegment, failure, httpStatus);
    }

    private static void recordAnswer(Subsegment subsegment, SdkHttpResponse http, String requestId,
            String extendedRequestId, ExecutionAttributes attributes) {
        Outcomes.putResponseStatus(subsegment, http.statusCode());
        Optional<String> length = http.firstMatchingHeader("Content-Length");
        if (length.isPresent()) {
            try {
                Outcomes.responseFields(subsegment).put("content_length", Long.parseLong(length.get().trim()));
            } catch (NumberFormatException ignored) {
                // A malformed length is not worth a field.
            }
        }
        recordRequestIds(subsegment, requestId, extendedRequestId, http);
        String accountId = accountId(attributes);
        if (accountId != null && !accountId.isEmpty()) {
            subsegment.putAws("account_id", accountId);
        }
    }

    /** The account the call was signed for, when the credentials say (only the id is read, never a key). */
    @SuppressWarnings("deprecation")
    private static String accountId(ExecutionAttributes attributes) {
        String accountId = attributes.getAttribute(AwsExecutionAttribute.AWS_AUTH_ACCOUNT_ID);
        if (accountId == null) {
            AwsCredentialsIdentity credentials = attributes.getAttribute(AwsSignerExecutionAttribute.AWS_CREDENTIALS);
            accountId = credentials == null ? null : credentials.accountId().orElse(null);
        }
        return accountId;
    }

    private static void recordRequestIds(Subsegment subsegment, String requestId, String extendedRequestId,
            SdkHttpResponse http) {
        if (isUnknown(requestId) && http != null) {
            requestId = http.firstMatchingHeader("x-amzn-RequestId").orElse(null);
            if (requestId == null) {
                requestId = http.firstMatchingHeader("x-amz-request-id").orElse(null);
            }
        }
        if (!isUnknown(requestId)) {
            subsegment.putAws("request_id", requestId);
        }
        if (isUnknown(extendedRequestId) && http != null) {
            extendedRequestId = http.firstMatchingHeader("x-amz-id-2").orElse(null);
        }
        if (!isUnknown(extendedRequestId)) {
            subsegment.putAws("id_2", extendedRequestId);
        }
    }

    private static boolean isUnknown(String id) {
        return id == null || id.isEmpty() || UNKNOWN_REQUEST_ID.equals(id);
    }

    /** Adds the attempts, closes the subsegment and leaves this thread's current entity as it was. */
    private static void finish(SdkCall call) {
        Subsegment subsegment = call.subsegment;
        Entity current = ThreadLocalStorage.get();
        try {
            int attempts = call.attempts();
            subsegment.putAws("retries", Math.max(0, attempts - 1));
            if (attempts > 1) {
                addAttempts(call, subsegment);
            }
        } catch (Throwable failure) {
            warn(subsegment, failure);
        } finally {
            Spans.close(subsegment);
            ThreadLocalStorage.set(current);
        }
    }

    /** One child per attempt, with its timing and status; only when the call needed more than one. */
    private static void addAttempts(SdkCall call, Subsegment subsegment) {
        double callEnd = SdkCallTracer.now();
        for (int i = 0; i < call.attempts(); i++) {
            Subsegment attempt = Spans.newSubsegment(TracerCore.of(subsegment), subsegment,
                    subsegment.getParentSegment(), "Attempt " + (i + 1));
            attempt.setParent(subsegment);
            subsegment.addSubsegment(attempt);
            attempt.setStartTime(call.attemptStart(i));
            attempt.setEndTime(call.attemptEnd(i, callEnd));
            int status = call.attemptStatus(i);
            if (status > 0) {
                Outcomes.putResponseStatus(attempt, status);
                Outcomes.setFlags(attempt, status);
            } else {
                attempt.setFault(true); // no answer: timed out or could not connect
            }
            attempt.end();
        }
    }

    private static void warn(Subsegment subsegment, Throwable failure) {
        TracerCore.of(subsegment).warnings().warn("sdk:record:" + failure.getClass().getName(),
                "could not record all of the SDK call '" + subsegment.getName() + "'", failure);
    }
}
