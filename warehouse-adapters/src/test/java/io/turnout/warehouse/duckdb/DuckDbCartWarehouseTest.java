package io.turnout.warehouse.duckdb;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.turnout.carts.CartAbandonmentRow;
import io.turnout.sessions.SessionKeys;
import io.turnout.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * cart_abandonments slices in DuckDB: replacing some session keys of a day leaves the
 * other keys' rows, and a row the table refuses fails the whole transaction loudly.
 */
class DuckDbCartWarehouseTest {

	private static final LocalDate DAY = LocalDate.parse("2026-03-11");

	@TempDir
	Path home;

	DuckDbDatabase database;

	DuckDbWriter writer;

	DuckDbCartWarehouse carts;

	@BeforeEach
	void open() {
		this.database = DuckDbDatabase.open(this.home.resolve("warehouse.duckdb"));
		this.database.migrate();
		this.writer = new DuckDbWriter(this.database);
		this.carts = new DuckDbCartWarehouse(this.writer);
	}

	@AfterEach
	void close() throws SQLException {
		this.writer.close();
		this.database.close();
	}

	@Test
	void replacingTheCartsOfSomeKeysLeavesTheOtherKeysOfTheDay() {
		replace(SessionKeys.all(), cart("a", 1), cart("b", 1), cart("c", 1));

		replace(SessionKeys.of(List.of("b", "c", "d")), cart("b", 2), cart("d", 2));

		assertThat(stored()).containsExactly("a 1", "b 2", "d 2");
	}

	@Test
	void aRowTheTableRefusesFailsTheTransactionAndNothingOfItIsKept() {
		replace(SessionKeys.all(), cart("a", 1));
		CartAbandonmentRow noProductAdded = new CartAbandonmentRow("s-b", "anon:b", "b", null, null,
				Instant.parse("2026-03-11T01:30:00Z"), DAY, new BigDecimal("0.0000"), 0);

		assertThatExceptionOfType(WarehouseException.class)
			.isThrownBy(() -> replace(SessionKeys.all(), cart("c", 1), noProductAdded))
			.withMessageContaining("last_product_added_at");
		assertThat(stored()).containsExactly("a 1");
	}

	private void replace(SessionKeys keys, CartAbandonmentRow... rows) {
		this.carts.inOneTransaction(tables -> {
			tables.replaceCartAbandonments(DAY, keys, List.of(rows));
			return null;
		});
	}

	private static CartAbandonmentRow cart(String anonymousId, int items) {
		return new CartAbandonmentRow("s-" + anonymousId, "anon:" + anonymousId, anonymousId, null,
				Instant.parse("2026-03-11T01:00:00Z"), Instant.parse("2026-03-11T01:30:00Z"), DAY,
				new BigDecimal("1.0000"), items);
	}

	private List<String> stored() {
		List<String> rows = new ArrayList<>();
		this.writer.query("SELECT anonymous_id, items FROM marketing.cart_abandonments ORDER BY 1", rs -> {
			while (rs.next()) {
				rows.add(rs.getString(1) + " " + rs.getInt(2));
			}
		});
		return rows;
	}

}
