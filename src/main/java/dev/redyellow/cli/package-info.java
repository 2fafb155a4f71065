/** The picocli command line: {@code plan}, {@code run}; a thin layer over the engine. */
package dev.redyellow.cli;
