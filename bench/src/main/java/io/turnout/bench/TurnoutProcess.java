package io.turnout.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar turnout.jar ...} in a child process, its output in a log file.
 * {@code -Dbench.jvmOptions="..."} adds JVM options, a profiler agent for instance.
 */
final class TurnoutProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private TurnoutProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static TurnoutProcess start(Path jar, Path log, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(List
			.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g", "-jar", jar.toString()));
		String jvmOptions = System.getProperty("bench.jvmOptions", "").strip();
		if (!jvmOptions.isEmpty()) {
			command.addAll(2, List.of(jvmOptions.split("\\s+")));
		}
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new TurnoutProcess(process, log);
	}

	int waitFor() throws InterruptedException {
		return this.process.waitFor();
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
