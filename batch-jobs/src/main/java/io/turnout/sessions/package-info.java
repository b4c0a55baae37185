/** The nightly job of the sessions use case. */
package io.turnout.sessions;
