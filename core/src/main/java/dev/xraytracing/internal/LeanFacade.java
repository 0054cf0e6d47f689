package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.TraceID;
import java.util.Map;

/**
 * Lambda's function segment as our lean model sees it (see {@link LeanEntity}): Lambda owns and sends that segment,
 * we only know its ids from the trace header. It refuses changes as the SDK's {@code FacadeSegment} does, and never
 * ends, so every subsegment directly under it is sent on its own.
 */
final class LeanFacade extends LeanEntity implements Segment {
    private static final String IMMUTABLE = "Lambda's function segment cannot be changed: open a subsegment";
    private static final String UNKNOWN = "Lambda's function segment does not say";

    private final TraceID traceId;
    private final boolean sampled;

    LeanFacade(TracerCore core, TraceID traceId, String id, boolean sampled) {
        super(core, "facade", id);
        this.traceId = traceId;
        this.sampled = sampled;
    }

    @Override
    public TraceID getTraceId() {
        return traceId;
    }

    @Override
    public Segment getParentSegment() {
        return this;
    }

    @Override
    public boolean isSampled() {
        return sampled;
    }

    @Override
    public boolean isRecording() {
        return sampled;
    }

    @Override
    public boolean end() {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setSampled(boolean sampled) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public String getResourceArn() {
        throw new UnsupportedOperationException(UNKNOWN);
    }

    @Override
    public void setResourceArn(String resourceArn) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public String getUser() {
        throw new UnsupportedOperationException(UNKNOWN);
    }

    @Override
    public void setUser(String user) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public String getOrigin() {
        throw new UnsupportedOperationException(UNKNOWN);
    }

    @Override
    public void setOrigin(String origin) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public Map<String, Object> getService() {
        throw new UnsupportedOperationException(UNKNOWN);
    }

    @Override
    public void setService(Map<String, Object> service) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putService(String key, Object object) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAllService(Map<String, Object> all) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setRuleName(String name) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    // The rest of the setters refuse too, as the SDK's facade does.

    @Override
    public void setId(String id) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setStartTime(double startTime) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setEndTime(double endTime) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setFault(boolean fault) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setError(boolean error) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setThrottle(boolean throttle) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setInProgress(boolean inProgress) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setNamespace(String namespace) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setParentId(String parentId) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setTraceId(TraceID traceId) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setParent(Entity parent) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setCreator(AWSXRayRecorder creator) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setHttp(Map<String, Object> http) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setAws(Map<String, Object> aws) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setSql(Map<String, Object> sql) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setMetadata(Map<String, Map<String, Object>> metadata) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void setAnnotations(Map<String, Object> annotations) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void addException(Throwable exception) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putHttp(String key, Object value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAllHttp(Map<String, Object> all) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAws(String key, Object value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAllAws(Map<String, Object> all) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putSql(String key, Object value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAllSql(Map<String, Object> all) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAnnotation(String key, String value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAnnotation(String key, Number value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putAnnotation(String key, Boolean value) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putMetadata(String key, Object object) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }

    @Override
    public void putMetadata(String namespace, String key, Object object) {
        throw new UnsupportedOperationException(IMMUTABLE);
    }
}
