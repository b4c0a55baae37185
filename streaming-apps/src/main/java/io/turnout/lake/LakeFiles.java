package io.turnout.lake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The lake files being written, one per (day, partition). A file is written under a
 * hidden name and published by an atomic rename only once complete and forced to disk, so
 * no reader ever sees a half-written file.
 */
final class LakeFiles {

	private final LakeLayout lake;

	private final boolean gzip;

	private final Map<String, OpenFile> open = new HashMap<>();

	private long bytesSinceRoll;

	LakeFiles(LakeLayout lake, boolean gzip) {
		this.lake = lake;
		this.gzip = gzip;
	}

	void append(LocalDate day, int partition, long offset, String line) throws IOException {
		String key = day + "/" + partition;
		OpenFile file = this.open.get(key);
		if (file == null) {
			file = OpenFile.create(this.lake.partition(day), partition, offset, this.gzip);
			this.open.put(key, file);
		}
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		file.out.write(bytes);
		this.bytesSinceRoll += bytes.length;
	}

	long bytesSinceRoll() {
		return this.bytesSinceRoll;
	}

	boolean isEmpty() {
		return this.open.isEmpty();
	}

	/** Closes, forces and publishes every open file. */
	int publishAll() throws IOException {
		int published = 0;
		for (OpenFile file : this.open.values()) {
			file.publish();
			published++;
		}
		this.open.clear();
		this.bytesSinceRoll = 0;
		return published;
	}

	/**
	 * Drops unpublished files (their records are read again from the last committed
	 * offsets).
	 */
	void abandonAll() {
		for (OpenFile file : this.open.values()) {
			try {
				file.out.close();
				Files.deleteIfExists(file.temporary);
			}
			catch (IOException ex) {
				// An abandoned hidden file is invisible to readers; it is overwritten on
				// the next try.
			}
		}
		this.open.clear();
		this.bytesSinceRoll = 0;
	}

	private record OpenFile(Path temporary, Path published, OutputStream out) {

		static OpenFile create(Path folder, int partition, long firstOffset, boolean gzip) throws IOException {
			Files.createDirectories(folder);
			String name = String.format("part-%03d-%019d.jsonl%s", partition, firstOffset, gzip ? ".gz" : "");
			Path temporary = folder.resolve("." + name + ".tmp");
			OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
			if (gzip) {
				out = new GZIPOutputStream(out, 1 << 16);
			}
			return new OpenFile(temporary, folder.resolve(name), out);
		}

		void publish() throws IOException {
			this.out.close();
			try (FileChannel channel = FileChannel.open(this.temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(this.temporary, this.published, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel folder = FileChannel.open(this.published.getParent(), StandardOpenOption.READ)) {
				folder.force(true);
			}
			catch (IOException ex) {
				// Some file systems cannot force a directory; the rename itself is still
				// atomic.
			}
		}

	}

}
