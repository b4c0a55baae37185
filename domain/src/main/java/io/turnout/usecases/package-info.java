/**
 * The use cases, their modes (batch, shadow, streaming) and the rule that orders them.
 */
package io.turnout.usecases;
