/** The events use case's streaming function over the raw topic. */
package io.turnout.events;
