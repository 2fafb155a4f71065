/**
 * The JavaFX desktop application, the only package that may use JavaFX.
 *
 * <p>Views ({@code GraphView}, {@code DetailsView}, {@code StreamView}, {@code MetricsView},
 * {@code CacheView}, {@code HistoryView}) are thin and built in code; each reads a view model with
 * JavaFX properties ({@code ProjectViewModel}, {@code RunViewModel}, {@code StreamViewModel},
 * {@code MetricsViewModel}, {@code CacheViewModel}) that tests drive without a window. Engine work
 * goes through the one {@code TaskExecutor} seam; engine events reach the view models only through
 * the {@code EventBridge}, drained once per frame. {@code MainWindow} puts it together.
 */
package dev.redyellow.ui;
