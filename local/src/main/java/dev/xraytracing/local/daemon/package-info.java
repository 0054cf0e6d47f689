/** The local X-Ray daemon: the segment documents the functions and the simulated services sent it. */
package dev.xraytracing.local.daemon;
