/**
 * Benchmarks of the window, apart from the window's own code: each shows the real window (it needs a
 * display, e.g. Xvfb), measures, prints its figures and the command that reproduces them, and exits.
 * They use the window only through its public view models, as a user's clicks would.
 */
package dev.redyellow.ui.bench;
