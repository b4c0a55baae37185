/**
 * Benchmarks that drive the real turnout.jar and print the README's performance figures.
 */
package io.turnout.bench;
