/** The nightly job of the attribution use case. */
package io.turnout.attribution;
