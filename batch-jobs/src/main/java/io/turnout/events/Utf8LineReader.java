package io.turnout.events;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of UTF-8 text as {@link java.io.BufferedReader#readLine()} does: a line
 * ends at {@code \n}, {@code \r} or {@code \r\n}, and the last one may have no end.
 *
 * <p>
 * Each line is decoded straight from its bytes, which for ASCII text is one copy, where a
 * {@code BufferedReader} decodes every byte to a {@code char} and the {@code String}
 * compresses them back to bytes. Malformed bytes become U+FFFD, as with
 * {@code new String(bytes, UTF_8)}. The line ends are single bytes that never occur
 * inside a multi-byte UTF-8 character, so lines can be cut before they are decoded.
 */
final class Utf8LineReader implements Closeable {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LINE_FEEDS = ONES * '\n';

	private static final long CARRIAGE_RETURNS = ONES * '\r';

	private final InputStream in;

	private final byte[] buffer;

	private int position;

	private int limit;

	/** The last line ended at a {@code \r}: a {@code \n} right after it belongs to it. */
	private boolean skipLineFeed;

	Utf8LineReader(InputStream in, int bufferSize) {
		this.in = in;
		this.buffer = new byte[bufferSize];
	}

	/** The next line without its end, or null at the end of the stream. */
	String readLine() throws IOException {
		byte[] pending = null;
		int pendingLength = 0;
		while (true) {
			if (this.position == this.limit && !fill()) {
				return (pending != null) ? decode(pending, 0, pendingLength) : null;
			}
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (this.buffer[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			int start = this.position;
			int end = lineEnd(start);
			if (end < 0) {
				// The line goes on in the next buffer.
				pending = append(pending, pendingLength, start, this.limit);
				pendingLength += this.limit - start;
				this.position = this.limit;
				continue;
			}
			this.position = end + 1;
			this.skipLineFeed = this.buffer[end] == '\r';
			if (pending == null) {
				return decode(this.buffer, start, end - start);
			}
			pending = append(pending, pendingLength, start, end);
			return decode(pending, 0, pendingLength + end - start);
		}
	}

	/** The line's bytes so far, then the buffer's from start to end. */
	private byte[] append(byte[] pending, int pendingLength, int start, int end) {
		int length = end - start;
		byte[] line = pending;
		if (line == null) {
			line = new byte[Math.max(length, 256)];
		}
		else if (pendingLength + length > line.length) {
			line = Arrays.copyOf(line, Math.max(pendingLength + length, 2 * line.length));
		}
		System.arraycopy(this.buffer, start, line, pendingLength, length);
		return line;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * The index of the first line end from there, or -1: eight bytes at a time, a byte
	 * equal to {@code \n} or {@code \r} being a zero byte of the word xor that byte
	 * repeated. The lowest byte the zero-byte test flags is always a real zero.
	 */
	private int lineEnd(int from) {
		byte[] bytes = this.buffer;
		int i = from;
		for (; i + Long.BYTES <= this.limit; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long ends = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
			if (ends != 0) {
				return i + (Long.numberOfTrailingZeros(ends) >>> 3);
			}
		}
		for (; i < this.limit; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

	private static long zeroBytes(long word) {
		return (word - ONES) & ~word & HIGH_BITS;
	}

	private boolean fill() throws IOException {
		int n;
		do {
			n = this.in.read(this.buffer, 0, this.buffer.length);
		}
		while (n == 0);
		this.position = 0;
		this.limit = Math.max(n, 0);
		return n > 0;
	}

	private static String decode(byte[] bytes, int offset, int length) {
		return new String(bytes, offset, length, StandardCharsets.UTF_8);
	}

}
