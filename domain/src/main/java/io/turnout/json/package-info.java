/**
 * Strict JSON that keeps numbers' decimal text, so money never passes through a double.
 */
package io.turnout.json;
