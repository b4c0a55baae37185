/**
 * The migration path at run time (migration.md, issue #5): changes of mode with their
 * audit and guards, the parity reports of shadow days, and the state of every use case.
 */
package io.turnout.app.migration;
