/**
 * The warm test worker: the main class of a JVM that RedYellow starts apart from its own, and the
 * small framed protocol both sides speak over the worker's standard input and output. A worker
 * compiles one workspace at a time with javax.tools and runs its JUnit tests in a class loader made
 * for that run alone.
 *
 * <p>Everything here runs inside the worker JVM, whose class path holds only these classes and the
 * bundled JUnit console jar: nothing in this package may use another RedYellow package or a library
 * other than the JDK. The one class that uses the JUnit Platform API is compiled from a bundled
 * source when the worker jar is built (see {@code dev.redyellow.testing.WorkerJar}), because the
 * application itself is not compiled against JUnit.
 */
package dev.redyellow.testing.worker;
