/** The lake: where raw messages are kept, one JSON line each, partitioned by day. */
package io.turnout.lake;
