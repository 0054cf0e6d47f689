/**
 * {@code LocalRun --explore}: the fault space read from a baseline's traces, the runs that inject single faults and
 * the combinations chosen from what absorbed them, the steady-state hypothesis each run is judged by, and the report.
 * docs/fault-injection.md describes the search.
 */
package dev.xraytracing.local.internal.explore;
