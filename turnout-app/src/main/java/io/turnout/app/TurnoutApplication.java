package io.turnout.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.turnout.app.cli.TurnoutCommandLine;

/**
 * The Turnout executable: {@code serve}, {@code job run}, {@code mode show} and
 * {@code demo} (migration.md, Command line). Scans every module's {@code io.turnout}
 * packages; each module's configuration switches itself on by property.
 */
@SpringBootApplication(scanBasePackages = "io.turnout")
public class TurnoutApplication {

	public static void main(String[] args) {
		System.exit(new TurnoutCommandLine(System.out, System.err).run(args));
	}

}
