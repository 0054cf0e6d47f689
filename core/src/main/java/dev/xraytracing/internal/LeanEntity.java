package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Cause;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.ThrowableDescription;
import dev.xraytracing.internal.emit.DocumentWriter;
import dev.xraytracing.internal.emit.JsonNull;
import dev.xraytracing.internal.emit.LeanFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state and behaviour every entity of our lean model shares. Entities under Lambda's function segment are ours,
 * not the X-Ray SDK's: the SDK's entity classes build a Jackson {@code ObjectMapper} (with a module scan) and
 * commons-logging in their static initialisers, which costs a cold start on one vCPU more than everything else
 * tracing does. These implement the SDK's interfaces with the fields and the behaviour of its {@code EntityImpl}, so
 * that our writer, the X-Ray SDK's own code running under them and the escape hatch see an ordinary entity.
 *
 * <p>Two differences, both for the cold path: recorded exceptions are kept here, and the SDK's {@link Cause} made only
 * once something asks for it (its class sets up commons-logging); the recorder exists once something asks for
 * {@link #getCreator()}.
 */
abstract class LeanEntity implements Entity, LeanFields {
    final TracerCore core;
    private final String name;
    private String id;
    private String parentId;
    private double startTime;
    private double endTime;
    private boolean fault;
    private boolean error;
    private boolean throttle;
    private boolean inProgress = true;
    private boolean emitted;
    private String namespace;
    private final List<Subsegment> subsegments = new ArrayList<>();
    private ReentrantLock subsegmentsLock = new ReentrantLock();
    private List<ThrowableDescription> exceptions;
    private Cause cause;
    private Map<String, Object> http = new ConcurrentHashMap<>();
    private Map<String, Object> aws = new ConcurrentHashMap<>();
    private Map<String, Object> sql = new ConcurrentHashMap<>();
    private Map<String, Map<String, Object>> metadata = new ConcurrentHashMap<>();
    private Map<String, Object> annotations = new ConcurrentHashMap<>();
    private Entity parent;
    private AWSXRayRecorder creator;
    private final LongAdder referenceCount = new LongAdder();
    private final LongAdder totalSize = new LongAdder();
    private List<String[]> links;

    LeanEntity(TracerCore core, String name, String id) {
        this.core = core;
        this.name = name;
        this.id = id;
        this.startTime = System.currentTimeMillis() / 1000d;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void setId(String id) {
        this.id = id;
    }

    @Override
    public double getStartTime() {
        return startTime;
    }

    @Override
    public void setStartTime(double startTime) {
        this.startTime = startTime;
    }

    @Override
    public double getEndTime() {
        return endTime;
    }

    @Override
    public void setEndTime(double endTime) {
        this.endTime = endTime;
    }

    @Override
    public boolean isFault() {
        return fault;
    }

    @Override
    public void setFault(boolean fault) {
        this.fault = fault;
    }

    @Override
    public boolean isError() {
        return error;
    }

    @Override
    public void setError(boolean error) {
        this.error = error;
    }

    @Override
    public boolean isThrottle() {
        return throttle;
    }

    /** As the SDK's: throttling is an error, not a fault. */
    @Override
    public void setThrottle(boolean throttle) {
        if (throttle) {
            this.fault = false;
            this.error = true;
        }
        this.throttle = throttle;
    }

    @Override
    public boolean isInProgress() {
        return inProgress;
    }

    @Override
    public void setInProgress(boolean inProgress) {
        this.inProgress = inProgress;
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @Override
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public String getParentId() {
        return parentId;
    }

    @Override
    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    @Override
    public ReentrantLock getSubsegmentsLock() {
        return subsegmentsLock;
    }

    @Override
    public void setSubsegmentsLock(ReentrantLock subsegmentsLock) {
        this.subsegmentsLock = subsegmentsLock;
    }

    /** The SDK's cause, made now if it was not: from then on it holds this entity's exceptions (see {@link #ownExceptions}). */
    @Override
    public synchronized Cause getCause() {
        if (cause == null) {
            cause = new Cause();
            if (exceptions != null) {
                cause.addExceptions(exceptions);
            }
            exceptions = null;
        }
        return cause;
    }

    @Override
    public synchronized List<ThrowableDescription> ownExceptions() {
        if (cause != null) {
            return null;
        }
        return exceptions == null ? List.of() : new ArrayList<>(exceptions);
    }

    /** Adds to this entity's exceptions, wherever they are kept now. */
    synchronized void addExceptions(List<ThrowableDescription> descriptions) {
        if (cause != null) {
            cause.addExceptions(descriptions);
        } else {
            if (exceptions == null) {
                exceptions = new ArrayList<>(4);
            }
            exceptions.addAll(descriptions);
        }
    }

    @Override
    public Map<String, Object> getHttp() {
        return http;
    }

    @Override
    public void setHttp(Map<String, Object> http) {
        this.http = http;
    }

    @Override
    public Map<String, Object> getAws() {
        return aws;
    }

    @Override
    public void setAws(Map<String, Object> aws) {
        this.aws = aws;
    }

    @Override
    public Map<String, Object> getSql() {
        return sql;
    }

    @Override
    public void setSql(Map<String, Object> sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, Map<String, Object>> getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(Map<String, Map<String, Object>> metadata) {
        this.metadata = metadata;
    }

    @Override
    public Map<String, Object> getAnnotations() {
        return annotations;
    }

    @Override
    public void setAnnotations(Map<String, Object> annotations) {
        this.annotations = annotations;
    }

    @Override
    public Entity getParent() {
        return parent;
    }

    @Override
    public void setParent(Entity parent) {
        this.parent = parent;
    }

    /** The recorder, built now if it was not: only the X-Ray SDK's code and the escape hatch ask for it. */
    @Override
    public AWSXRayRecorder getCreator() {
        AWSXRayRecorder own = creator;
        return own != null ? own : core.recorder();
    }

    @Override
    public void setCreator(AWSXRayRecorder creator) {
        this.creator = creator;
    }

    @Override
    public List<Subsegment> getSubsegments() {
        return subsegments;
    }

    @Override
    public List<Subsegment> getSubsegmentsCopy() {
        subsegmentsLock.lock();
        try {
            return new ArrayList<>(subsegments);
        } finally {
            subsegmentsLock.unlock();
        }
    }

    @Override
    public void addSubsegment(Subsegment subsegment) {
        subsegmentsLock.lock();
        try {
            subsegments.add(subsegment);
        } finally {
            subsegmentsLock.unlock();
        }
    }

    @Override
    public void removeSubsegment(Subsegment subsegment) {
        subsegmentsLock.lock();
        try {
            subsegments.remove(subsegment);
        } finally {
            subsegmentsLock.unlock();
        }
        getParentSegment().getTotalSize().decrement();
    }

    /** Described the way {@link Outcomes#recordException} describes it: bounded and cycle-safe. */
    @Override
    public void addException(Throwable exception) {
        setFault(true);
        ThrowableDescription ignored = ExceptionDescriptions.add(this, exception, core.warnings());
    }

    @Override
    public int getReferenceCount() {
        return referenceCount.intValue();
    }

    @Override
    public LongAdder getTotalSize() {
        return totalSize;
    }

    @Override
    public void incrementReferenceCount() {
        referenceCount.increment();
        totalSize.increment();
    }

    @Override
    public boolean decrementReferenceCount() {
        referenceCount.decrement();
        return !isInProgress() && referenceCount.intValue() <= 0;
    }

    @Override
    public void putHttp(String key, Object value) {
        http.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putAllHttp(Map<String, Object> all) {
        http.putAll(Objects.requireNonNull(all));
    }

    @Override
    public void putAws(String key, Object value) {
        aws.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putAllAws(Map<String, Object> all) {
        aws.putAll(Objects.requireNonNull(all));
    }

    @Override
    public void putSql(String key, Object value) {
        sql.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putAllSql(Map<String, Object> all) {
        sql.putAll(Objects.requireNonNull(all));
    }

    @Override
    public void putAnnotation(String key, String value) {
        annotations.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putAnnotation(String key, Number value) {
        annotations.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putAnnotation(String key, Boolean value) {
        annotations.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
    }

    @Override
    public void putMetadata(String key, Object object) {
        putMetadata(Metadata.DEFAULT_NAMESPACE, key, object);
    }

    /** A null value is kept as JSON null (the SDK stores Jackson's {@code NullNode}, which we do not load). */
    @Override
    public void putMetadata(String namespace, String key, Object object) {
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(key);
        Map<String, Object> values = metadata.get(namespace);
        if (values == null) { // not computeIfAbsent's lambda: a spun class on a cold start (docs/benchmarks.md)
            values = new ConcurrentHashMap<>();
            Map<String, Object> raced = metadata.putIfAbsent(namespace, values);
            if (raced != null) {
                values = raced;
            }
        }
        values.put(key, object != null ? object : JsonNull.VALUE);
    }

    /** Links this entity to {@code id} of trace {@code traceId}; both are checked by the caller. */
    synchronized void addLink(String traceId, String id) {
        if (links == null) {
            links = new ArrayList<>(2);
        }
        links.add(new String[] {traceId, id});
    }

    @Override
    public synchronized List<String[]> links() {
        return links == null ? List.of() : new ArrayList<>(links);
    }

    @Override
    public boolean isEmitted() {
        return emitted;
    }

    @Override
    public void setEmitted(boolean emitted) {
        this.emitted = emitted;
    }

    @Override
    public boolean compareAndSetEmitted(boolean current, boolean next) {
        if (emitted == current) {
            emitted = next;
            return true;
        }
        return false;
    }

    /**
     * A subsegment's document as our writer sends it on its own (with its trace and parent ids); empty for the
     * facade, whose document is Lambda's.
     */
    @Override
    public String serialize() {
        return this instanceof Subsegment subsegment
                ? DocumentWriter.standaloneSubsegment(subsegment, DocumentWriter.Shape.WHOLE, core.warnings()) : "";
    }

    @Override
    public String prettySerialize() {
        return serialize();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " " + id + "]";
    }
}
