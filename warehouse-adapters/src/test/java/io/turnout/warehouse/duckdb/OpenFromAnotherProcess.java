package io.turnout.warehouse.duckdb;

import java.nio.file.Path;

/**
 * Opens a DuckDB warehouse file from a second JVM; exits 1 with the refusal's message.
 */
final class OpenFromAnotherProcess {

	private OpenFromAnotherProcess() {
	}

	public static void main(String[] args) {
		try (DuckDbDatabase database = DuckDbDatabase.open(Path.of(args[0]))) {
			System.out.println("opened");
		}
		catch (IllegalStateException ex) {
			System.out.println(ex.getMessage());
			System.exit(1);
		}
	}

}
