package io.turnout.warehouse.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The credentials of a live warehouse test, from the environment: the test is skipped,
 * naming every missing variable, where they are not all set.
 */
final class LiveEnvironment {

	private LiveEnvironment() {
	}

	/**
	 * The variables, by name without the prefix.
	 * @param required each must be set
	 * @param oneOf at least one must be set (alternative credentials); may be empty
	 * @param optional read when set
	 */
	static Map<String, String> require(String prefix, List<String> required, List<String> oneOf,
			List<String> optional) {
		Map<String, String> values = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String name : required) {
			String value = System.getenv(prefix + name);
			if (value == null || value.isBlank()) {
				missing.add(prefix + name);
			}
			else {
				values.put(name, value);
			}
		}
		boolean anyOf = oneOf.isEmpty();
		for (String name : oneOf) {
			String value = System.getenv(prefix + name);
			if (value != null && !value.isBlank()) {
				values.put(name, value);
				anyOf = true;
			}
		}
		if (!anyOf) {
			missing.add(String.join(" or ", oneOf.stream().map(name -> prefix + name).toList()));
		}
		Assumptions.assumeTrue(missing.isEmpty(),
				() -> "Skipped: no live warehouse credentials; set " + String.join(", ", missing)
						+ " to run this test against a real account (README, Snowflake and BigQuery).");
		for (String name : optional) {
			String value = System.getenv(prefix + name);
			if (value != null && !value.isBlank()) {
				values.put(name, value);
			}
		}
		return values;
	}

	/** A fresh schema or dataset name, dropped after the test. */
	static String freshSchema() {
		return "turnout_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
