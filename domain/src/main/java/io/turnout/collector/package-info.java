/** The collector's rules: how a Segment request becomes raw-topic records. */
package io.turnout.collector;
