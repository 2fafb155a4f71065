/**
 * The warm test worker: the main class of a JVM that RedYellow starts apart from its own, and the
 * small framed protocol both sides speak over the worker's standard input and output. A worker
 * runs one workspace's JUnit tests at a time (compiled by the host, or by the worker itself with
 * javax.tools when asked) in a class loader made for that run alone, puts back the JVM-wide
 * settings the tests changed ({@code JvmGlobals}), and ends when the host's pipe closes. The
 * compiling classes serve the host too: {@code WorkspaceCompiler}, {@code BaseCompile} and
 * {@code ReusedJavac}, which keeps javac's contexts from one compile to the next where the JVM
 * exports javac's task pool (issue 19).
 *
 * <p>Everything here runs inside the worker JVM, whose class path holds only these classes and the
 * bundled JUnit console jar: nothing in this package may use another RedYellow package or a library
 * other than the JDK. The one class that uses the JUnit Platform API is compiled from a bundled
 * source when the worker jar is built (see {@code dev.redyellow.testing.WorkerJar}), because the
 * application itself is not compiled against JUnit.
 */
package dev.redyellow.testing.worker;
