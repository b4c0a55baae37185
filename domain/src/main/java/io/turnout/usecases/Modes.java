package io.turnout.usecases;

/**
 * The mode each use case runs in now: configuration, overridden at run time by operators.
 */
public interface Modes {

	Mode modeOf(UseCase useCase);

}
