package io.turnout.migration;

import java.util.List;

/**
 * One table and its {@code _shadow} copy compared for one day, by key, on every column
 * but those recording processing time.
 *
 * @param table the table
 * @param batchRows rows of the day in the table (the nightly job's)
 * @param shadowRows rows of the day in the shadow copy (the streaming function's)
 * @param missing keys in the table, not in the shadow copy
 * @param extra keys in the shadow copy, not in the table
 * @param mismatched keys in both whose rows differ
 * @param examples a few of those keys, each prefixed by what is wrong with it
 */
public record TableParity(String table, long batchRows, long shadowRows, long missing, long extra, long mismatched,
		List<String> examples) {

	/** How many example keys a comparison keeps of each kind. */
	public static final int EXAMPLES = 5;

	public TableParity {
		examples = List.copyOf(examples);
	}

	public boolean passed() {
		return this.missing == 0 && this.extra == 0 && this.mismatched == 0;
	}

}
