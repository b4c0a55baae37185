package io.turnout.events;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.turnout.lake.LakeLayout;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the raw lines of one lake partition, file by file in name order, gzip or plain.
 *
 * <p>
 * Restartable: the step's execution context keeps the file and the line reached, so a
 * failed run continues where it stopped. A file that cannot be read (a truncated gzip,
 * say) fails the step with a message naming the file and the line. Blank lines are not
 * messages and are passed over.
 */
public class LakeDayReader implements ItemStreamReader<String> {

	static final String FILE_INDEX = "lakeDayReader.file.index";

	static final String LINE_INDEX = "lakeDayReader.line.index";

	private final Path partition;

	private List<Path> files;

	private long totalBytes;

	private long bytesOfFinishedFiles;

	private int fileIndex;

	private long lineIndex;

	private Utf8LineReader reader;

	private CountingInputStream counting;

	public LakeDayReader(LakeLayout lake, LocalDate day) {
		this.partition = lake.partition(day);
	}

	@Override
	public void open(ExecutionContext context) {
		if (!Files.isDirectory(this.partition)) {
			throw new ItemStreamException("No lake partition for this day: " + this.partition
					+ " does not exist. Check turnout.lake.path, or that the lake sink has written the day.");
		}
		try (Stream<Path> listing = Files.list(this.partition)) {
			this.files = listing.filter(Files::isRegularFile).filter(LakeLayout::isComplete).sorted().toList();
			for (Path file : this.files) {
				this.totalBytes += Files.size(file);
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot list the lake partition " + this.partition + ": " + ex, ex);
		}
		this.fileIndex = context.getInt(FILE_INDEX, 0);
		long skip = context.getLong(LINE_INDEX, 0L);
		for (int i = 0; i < Math.min(this.fileIndex, this.files.size()); i++) {
			this.bytesOfFinishedFiles += size(this.files.get(i));
		}
		if (this.fileIndex < this.files.size()) {
			openFile();
			for (long i = 0; i < skip; i++) {
				if (readLine() == null) {
					break;
				}
			}
		}
	}

	@Override
	public String read() {
		while (this.fileIndex < this.files.size()) {
			String line = readLine();
			if (line == null) {
				closeFile();
				this.bytesOfFinishedFiles += size(this.files.get(this.fileIndex));
				this.fileIndex++;
				this.lineIndex = 0;
				if (this.fileIndex < this.files.size()) {
					openFile();
				}
				continue;
			}
			if (!line.isBlank()) {
				return line;
			}
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(FILE_INDEX, this.fileIndex);
		context.putLong(LINE_INDEX, this.lineIndex);
	}

	@Override
	public void close() {
		closeFile();
	}

	/** The file of the line last read: its index in name order. */
	int fileIndex() {
		return this.fileIndex;
	}

	/** Lines read of that file, the last one read included. */
	long lineIndex() {
		return this.lineIndex;
	}

	/**
	 * How far through the partition's bytes (compressed bytes for gzip files) the reader
	 * is, 0 to 1.
	 */
	public double fractionRead() {
		if (this.totalBytes == 0) {
			return 1.0;
		}
		long current = (this.counting != null) ? this.counting.count : 0;
		return Math.min(1.0, (this.bytesOfFinishedFiles + current) / (double) this.totalBytes);
	}

	private String readLine() {
		try {
			String line = this.reader.readLine();
			if (line != null) {
				this.lineIndex++;
			}
			return line;
		}
		catch (IOException ex) {
			throw new ItemStreamException("The lake file " + this.files.get(this.fileIndex)
					+ " cannot be read after line " + this.lineIndex + " (" + ex.getMessage()
					+ "). Replace the file and run the job again: " + "it restarts at this file.", ex);
		}
	}

	private void openFile() {
		Path file = this.files.get(this.fileIndex);
		try {
			this.counting = new CountingInputStream(Files.newInputStream(file));
			InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(this.counting, 65_536)
					: this.counting;
			this.reader = new Utf8LineReader(in, 1 << 16);
		}
		catch (NoSuchFileException ex) {
			throw new ItemStreamException("The lake file " + file + " disappeared while the job ran.", ex);
		}
		catch (IOException ex) {
			throw new ItemStreamException("The lake file " + file + " cannot be opened (" + ex.getMessage()
					+ "). Replace the file and run the job again: it restarts at this file.", ex);
		}
	}

	private void closeFile() {
		if (this.reader != null) {
			try {
				this.reader.close();
			}
			catch (IOException ex) {
				// Closing a file that was only read loses nothing.
			}
			this.reader = null;
			this.counting = null;
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
