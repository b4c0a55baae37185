/** What every nightly job shares: its settings and its progress display. */
package io.turnout.jobs;
