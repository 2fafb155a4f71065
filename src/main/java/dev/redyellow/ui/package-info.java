/** The JavaFX desktop application: the only package that may use JavaFX. */
package dev.redyellow.ui;
