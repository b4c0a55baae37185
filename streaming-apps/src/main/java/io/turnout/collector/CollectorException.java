package io.turnout.collector;

import org.springframework.http.HttpStatus;

/**
 * A request the collector refuses whole; becomes a JSON error with the status and a code.
 */
class CollectorException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	CollectorException(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
