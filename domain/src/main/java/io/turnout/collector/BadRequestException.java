package io.turnout.collector;

/** A request the collector refuses whole with 400; the message names the problem. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
