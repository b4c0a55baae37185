/** Switching streaming functions on and off by use-case mode. */
package io.turnout.usecases;
