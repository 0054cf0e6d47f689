/**
 * The trace model: segment documents, as emitted or as a daemon receives them, read back into traces
 * ({@link dev.xraytracing.trace.RecordedTrace}) of linked entities ({@link dev.xraytracing.trace.RecordedEntity}) with
 * typed fields, and the one {@link dev.xraytracing.trace.Timeline} every view of a trace draws from.
 *
 * <p>{@code TraceDocuments.assemble(documents)} turns documents into traces; entities answer for their id, name,
 * times, flags, origin, namespace, annotations, metadata, {@code aws} and {@code http} fields and cause. The test kit's
 * assertions, the local platform's views and the filter expressions read this model. It depends on Jackson only.
 */
package dev.xraytracing.trace;
