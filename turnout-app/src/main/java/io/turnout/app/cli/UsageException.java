package io.turnout.app.cli;

/** The command line's words are off; the message says how. */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
