/**
 * The attribution use case: for every order and every model, the credit each touch
 * receives.
 */
package io.turnout.attribution;
