/** The Segment-compatible collector: HTTP in, the raw Kafka topic out. */
package io.turnout.collector;
