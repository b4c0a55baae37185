/** Synthetic Segment traffic for the demo, the tests and the benchmarks. */
package io.turnout.traffic;
