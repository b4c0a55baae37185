package io.turnout.app.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes lake files for tests, as the sink or a legacy system would drop them. */
final class LakeFiles {

	private LakeFiles() {
	}

	static void write(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] gzip(List<String> lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static String page(String messageId, String time) {
		return "{\"type\":\"page\",\"messageId\":\"" + messageId + "\",\"anonymousId\":\"a-" + messageId
				+ "\",\"timestamp\":\"" + time + "\",\"receivedAt\":\"" + time + "\",\"sourceId\":\"legacy\"}";
	}

}
