package io.turnout.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "NaN", "Infinity", "-Infinity",
			"{\"a\":NaN}", "{} x", "{}{}", "[] []", "01", "1.", "-", "\"unterminated", "\"bad \\x escape\"", "{'a':1}",
			"tru", "\"tab\tinside\"" })
	void refusesWhatIsNotExactlyOneDocument(String text) {
		assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
	}

	@Test
	void keepsNumbersAsTheirTextAndMembersInOrder() {
		String text = "{\"b\":10.00005,\"a\":[1e3,-0.0,true,null],\"s\":\"caf\\u00e9 \\\"q\\\" \\n\"}";

		JsonValue value = Json.parse(text);

		assertThat(Json.write(value))
			.isEqualTo("{\"b\":10.00005,\"a\":[1e3,-0.0,true,null],\"s\":\"café \\\"q\\\" \\n\"}");
	}

	@Test
	void refusesNestingDeeperThanAThousandLevels() {
		String deep = "[".repeat(1001) + "]".repeat(1001);
		String fine = "[".repeat(1000) + "]".repeat(1000);

		assertThat(Json.parse(fine)).isInstanceOf(JsonValue.JsonArray.class);
		assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than 1000 levels");
	}

	@Test
	void readsMemberNamesTheSameWhetherSegmentsOwnOrNot() {
		String text = "{\"type\":1,\"typ\\u0065\":2,\"ty\\\"pe\":3,\"types\":4,\"typ\":5,\"\":6,\"messageId\":{\"userId\":7}}";

		JsonValue.JsonObject object = (JsonValue.JsonObject) Json.parse(text);

		assertThat(object.members()).containsOnlyKeys("type", "ty\"pe", "types", "typ", "", "messageId");
		assertThat(object.get("type")).isEqualTo(new JsonValue.JsonNumber("2"));
		assertThat(object.object("messageId").get("userId")).isEqualTo(new JsonValue.JsonNumber("7"));
		assertThatThrownBy(() -> Json.parse("{\"type")).hasMessageContaining("unterminated string");
		assertThatThrownBy(() -> Json.parse("{\"type\n\":1}")).hasMessageContaining("control character");
	}

	@Test
	void saysWhereTheProblemIs() {
		assertThatThrownBy(() -> Json.parse("{\"a\":1} trailing")).hasMessageContaining("at character 9");
	}

}
