/**
 * The effective mode of each use case: configuration, overridden at run time from the
 * control database.
 */
package io.turnout.app.usecases;
