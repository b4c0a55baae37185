/** The control database's record of published cart triggers. */
package io.turnout.app.carts;
