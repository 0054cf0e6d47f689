package dev.xraytracing.internal.fault;

import dev.xraytracing.internal.TracerCore;
import java.util.Arrays;

/**
 * The one process-wide value of the fault sites, derived from every tracer's fault hook: the hash codes of the block
 * names their rules name, so that block sites (above all an unsampled {@code Tracing.sub}, a few nanoseconds) skip
 * finding their tracer and hook for every other name. It only saves work, never changes what a tracer does: while a
 * tracer has not built its hook yet ({@link TracerCore#tracersMade()} counts them all), after a {@code block:*} rule,
 * and for rules that may change (AppConfig), every name is looked up.
 */
public final class BlockFaultFilter {
    /** What block sites read, in one volatile read: the named blocks' hashes, and how many tracers had decided. */
    private record Published(int[] nameHashes, int decidedTracers) {
    }

    private static final Object LOCK = new Object();
    private static volatile Published published = new Published(new int[0], 0);
    /** Under {@link #LOCK}: tracers whose hook is built (or known to be none). */
    private static int decidedTracers;
    /** Under {@link #LOCK}: a hook may fault any block name. */
    private static boolean anyBlockNameFaulted;
    /** Under {@link #LOCK}: the hashes of every block name a rule of any hook names. */
    private static int[] faultedBlockNameHashes = new int[0];

    private BlockFaultFilter() {
    }

    /**
     * Whether no rule of any tracer can fault block {@code name}: true lets a block site skip finding its tracer and
     * hook. Two volatile reads and a scan of the named blocks' hash codes (none where no rule names a block).
     */
    public static boolean noBlockFaultFor(String name) {
        Published now = published;
        return now.nameHashes() != null && now.decidedTracers() == TracerCore.tracersMade()
                && !namesHashOf(now.nameHashes(), name);
    }

    /** Whether {@code hashes} holds the hash code of {@code name} (0 for null): a block-name prefilter. */
    public static boolean namesHashOf(int[] hashes, String name) {
        int hash = name == null ? 0 : name.hashCode();
        for (int candidate : hashes) {
            if (candidate == hash) {
                return true;
            }
        }
        return false;
    }

    /** Whether every tracer of this process has built its fault hook (or found it has none). */
    public static boolean allFaultHooksDecided() {
        synchronized (LOCK) {
            return decidedTracers == TracerCore.tracersMade();
        }
    }

    /**
     * Counts one tracer's hook as built, for good (a tracer that is gone still counts): {@code hook} (null: none)
     * with the block names its rules name, if it may fault blocks.
     */
    static void hookDecided(FaultHook hook) {
        synchronized (LOCK) {
            if (hook != null && hook.mayFaultBlocks()) {
                int[] nameHashes = hook.blockNameHashes();
                if (nameHashes == null) {
                    anyBlockNameFaulted = true;
                } else {
                    int[] merged = Arrays.copyOf(faultedBlockNameHashes,
                            faultedBlockNameHashes.length + nameHashes.length);
                    System.arraycopy(nameHashes, 0, merged, faultedBlockNameHashes.length, nameHashes.length);
                    faultedBlockNameHashes = merged;
                }
            }
            decidedTracers++;
            published = new Published(anyBlockNameFaulted ? null : faultedBlockNameHashes, decidedTracers);
        }
    }
}
