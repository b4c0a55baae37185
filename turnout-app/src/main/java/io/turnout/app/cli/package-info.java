/**
 * The command line operators and schedulers call: serve, job run, job backfill, mode
 * show, demo.
 */
package io.turnout.app.cli;
