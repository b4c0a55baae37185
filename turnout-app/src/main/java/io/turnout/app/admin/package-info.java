/**
 * The HTTP admin API of {@code serve}: the state of every use case, and run-time changes
 * of mode for callers holding an admin token.
 */
package io.turnout.app.admin;
