/** The lake sink: the raw topic copied into day partitions of JSON lines. */
package io.turnout.lake;
