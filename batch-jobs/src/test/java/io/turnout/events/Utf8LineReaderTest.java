package io.turnout.events;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lake's line reader cuts and decodes lines exactly as
 * {@code BufferedReader.readLine} over a UTF-8 decoder does, whatever the buffer size.
 */
class Utf8LineReaderTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 7, 64, 1 << 16 })
	void linesEndAtLineFeedCarriageReturnOrBothAndTheLastMayHaveNoEnd(int bufferSize) throws IOException {
		String text = "{\"a\":1}\n\nsecond\r\nthird\rfourth\r\r\nlast without an end";

		assertThat(lines(bytes(text), bufferSize)).containsExactly("{\"a\":1}", "", "second", "third", "fourth", "",
				"last without an end");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 1 << 16 })
	void multiByteCharactersCutByTheBufferAreDecodedWhole(int bufferSize) throws IOException {
		String text = "café ☕ naïve\n日本語のテキスト\n😀 emoji\n";

		assertThat(lines(bytes(text), bufferSize)).containsExactly("café ☕ naïve", "日本語のテキスト", "😀 emoji");
	}

	@Test
	void malformedBytesBecomeReplacementCharactersLikeTheDecoderMade() throws IOException {
		byte[] bytes = { 'o', 'k', (byte) 0xC3, '\n', (byte) 0xFF, (byte) 0xFE, 'x', '\n', (byte) 0xE2, (byte) 0x82,
				'\n', (byte) 0xF0, (byte) 0x9F, (byte) 0x98 };

		assertThat(lines(bytes, 3)).isEqualTo(bufferedReaderLines(bytes))
			.containsExactly("ok\uFFFD", "\uFFFD\uFFFDx", "\uFFFD", "\uFFFD");
	}

	@Test
	void aLineLongerThanManyBuffersIsReadWhole() throws IOException {
		String longLine = "{\"properties\":\"" + "é☕x".repeat(100_000) + "\"}";

		assertThat(lines(bytes(longLine + "\r\nnext"), 7)).containsExactly(longLine, "next");
	}

	@Test
	void anEmptyStreamHasNoLinesAndATrailingLineEndAddsNone() throws IOException {
		assertThat(lines(new byte[0], 16)).isEmpty();
		assertThat(lines(bytes("one\n"), 16)).containsExactly("one");
		assertThat(lines(bytes("one\r\n"), 4)).containsExactly("one");
		assertThat(lines(bytes("\n"), 16)).containsExactly("");
	}

	@Test
	void randomTextReadsAsBufferedReaderReadsIt() throws IOException {
		Random random = new Random(20261127);
		String[] pieces = { "a", "{\"k\":\"v\"}", "é", "☕", "😀", "\n", "\r", "\r\n", " ", "\\n" };
		for (int round = 0; round < 300; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(200);
			for (int i = 0; i < length; i++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			byte[] bytes = bytes(text.toString());
			int bufferSize = 1 + random.nextInt(40);
			assertThat(lines(bytes, bufferSize)).as(() -> "buffer of " + bufferSize + " bytes over " + text)
				.isEqualTo(bufferedReaderLines(bytes));
		}
	}

	private static List<String> lines(byte[] bytes, int bufferSize) throws IOException {
		List<String> lines = new ArrayList<>();
		try (Utf8LineReader reader = new Utf8LineReader(new ByteArrayInputStream(bytes), bufferSize)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static List<String> bufferedReaderLines(byte[] bytes) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
			return reader.lines().toList();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
