package dev.xraytracing.otel.internal;

/**
 * The span attributes X-Ray reads when it turns an OpenTelemetry span into a segment document (the OpenTelemetry
 * Collector's X-Ray exporter, which X-Ray's OTLP endpoint follows), in one place for both directions.
 */
public final class XrayAttributes {
    /** The names of the attributes X-Ray indexes as annotations. */
    public static final String ANNOTATIONS = "aws.xray.annotations";
    /** Prefix of an attribute holding one metadata namespace as a JSON object. */
    public static final String METADATA_PREFIX = "aws.xray.metadata.";
    public static final String RPC_SYSTEM = "rpc.system";
    public static final String RPC_SERVICE = "rpc.service";
    public static final String RPC_METHOD = "rpc.method";
    /** The {@code rpc.system} of an AWS SDK call: X-Ray puts such a span in the {@code aws} namespace. */
    public static final String AWS_API = "aws-api";
    public static final String HTTP_METHOD = "http.request.method";
    public static final String HTTP_URL = "url.full";
    public static final String HTTP_STATUS = "http.response.status_code";
    public static final String HTTP_CONTENT_LENGTH = "http.response.body.size";
    public static final String USER_AGENT = "user_agent.original";
    public static final String CLIENT_ADDRESS = "client.address";
    public static final String END_USER = "enduser.id";
    /** Prefix of an {@code aws} field other than the operation ({@code aws.region}, {@code aws.table_name}, ...). */
    public static final String AWS_PREFIX = "aws.";
    public static final String EXCEPTION_EVENT = "exception";
    public static final String EXCEPTION_TYPE = "exception.type";
    public static final String EXCEPTION_MESSAGE = "exception.message";
    public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    private XrayAttributes() {
    }
}
