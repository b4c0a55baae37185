/**
 * The warehouse chosen by configuration, migrated at start-up, and the use cases that
 * write through it.
 */
package io.turnout.app.warehouse;
