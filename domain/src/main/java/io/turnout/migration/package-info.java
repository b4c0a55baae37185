/**
 * The migration path of migration.md: the parity of a use case's tables and their shadow
 * copies for a closed day, and the rules a change of mode must pass (dependencies, the
 * parity guard of a cut-over).
 */
package io.turnout.migration;
