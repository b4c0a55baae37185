package io.turnout.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribution models of tables.md and the credit each gives the n touches of an
 * order.
 */
public enum AttributionModel {

	FIRST_TOUCH("first_touch"), LAST_TOUCH("last_touch"), LINEAR("linear"), POSITION_BASED("position_based"),
	TIME_DECAY("time_decay");

	/** Time decay halves a touch's weight every 7 days (604,800 seconds). */
	static final double HALF_LIFE_SECONDS = 604_800;

	private final String code;

	AttributionModel(String code) {
		this.code = code;
	}

	/** The name stored in {@code attribution.model}. */
	public String code() {
		return this.code;
	}

	/**
	 * The credit of each touch, in touch order.
	 * @param ages for each touch, ordered_at minus started_at (microseconds kept)
	 */
	List<Double> credits(List<Duration> ages) {
		int n = ages.size();
		List<Double> credits = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			credits.add(switch (this) {
				case FIRST_TOUCH -> (i == 0) ? 1.0 : 0.0;
				case LAST_TOUCH -> (i == n - 1) ? 1.0 : 0.0;
				case LINEAR -> 1.0 / n;
				case POSITION_BASED -> positionBased(i, n);
				case TIME_DECAY -> 0.0;
			});
		}
		if (this == TIME_DECAY) {
			double[] weights = new double[n];
			double sum = 0;
			for (int i = 0; i < n; i++) {
				weights[i] = Math.pow(2, -(ages.get(i).toNanos() / 1e9) / HALF_LIFE_SECONDS);
				sum += weights[i];
			}
			for (int i = 0; i < n; i++) {
				credits.set(i, weights[i] / sum);
			}
		}
		return credits;
	}

	/**
	 * n = 1: 1; n = 2: 0.5 each; n >= 3: first and last 0.4 each, the others share 0.2.
	 */
	private static double positionBased(int i, int n) {
		if (n == 1) {
			return 1.0;
		}
		if (n == 2) {
			return 0.5;
		}
		return (i == 0 || i == n - 1) ? 0.4 : 0.2 / (n - 2);
	}

}
