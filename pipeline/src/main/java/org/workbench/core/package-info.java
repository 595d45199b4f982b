/**
 * The toolkit every package may use: bad input (InputException, exit code 2), typed artifact
 * keys, one piece of work on a spare thread (Background), the ordered worker pool (Workers),
 * progress reporting, JSON writing and library versions. Imports no other Workbench package.
 */
package org.workbench.core;
