package io.turnout.collector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpStatus;

/**
 * Reads a request body as UTF-8 text within Segment's limit of 512,000 bytes, decoding
 * gzip and deflate first. The limit applies to the decoded body and reading stops just
 * past it, so a small compressed bomb is refused without being inflated.
 */
final class RequestBodies {

	static final int MAX_BODY_BYTES = 512_000;

	private RequestBodies() {
	}

	static String read(InputStream wire, String contentEncoding) throws IOException {
		String encoding = (contentEncoding == null) ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
		byte[] decoded;
		try {
			decoded = switch (encoding) {
				case "", "identity" -> readAtMost(wire);
				case "gzip", "x-gzip" -> readAtMost(new GZIPInputStream(wire, 8192));
				case "deflate" -> readDeflate(wire);
				default -> throw new CollectorException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_encoding",
						"Content-Encoding '" + contentEncoding + "' is not supported; send gzip, deflate or none.");
			};
		}
		catch (ZipException | java.io.EOFException ex) {
			throw new CollectorException(HttpStatus.BAD_REQUEST, "invalid_encoding",
					"The body is not valid " + encoding + " data: " + ex.getMessage());
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(decoded))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new CollectorException(HttpStatus.BAD_REQUEST, "invalid_json", "The body is not valid UTF-8 text.");
		}
	}

	/**
	 * zlib-wrapped deflate, as HTTP specifies; raw deflate, as some clients send, when
	 * that fails.
	 */
	private static byte[] readDeflate(InputStream wire) throws IOException {
		byte[] compressed = wire.readNBytes(MAX_BODY_BYTES * 2 + 1);
		try {
			return readAtMost(new InflaterInputStream(new java.io.ByteArrayInputStream(compressed)));
		}
		catch (ZipException ex) {
			return readAtMost(
					new InflaterInputStream(new java.io.ByteArrayInputStream(compressed), new Inflater(true)));
		}
	}

	private static byte[] readAtMost(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) > 0) {
			out.write(buffer, 0, n);
			if (out.size() > MAX_BODY_BYTES) {
				throw new CollectorException(HttpStatus.BAD_REQUEST, "body_too_large",
						"The request body is over 512,000 bytes (500 KB) once decoded; send fewer messages per batch. "
								+ "Nothing of it was kept.");
			}
		}
		return out.toByteArray();
	}

}
