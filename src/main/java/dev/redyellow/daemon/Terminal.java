package dev.redyellow.daemon;

import java.io.Console;

/** A person at a terminal: where manual reviews are asked, in the command's process or through its daemon's client. */
public interface Terminal {
    void print(String text);

    /** The line typed, or null when the terminal closed. */
    String readLine(String prompt);

    /** This process's console, or null when it has none. */
    static Terminal console() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return new Terminal() {
            @Override
            public void print(String text) {
                console.writer().print(text);
                console.writer().flush();
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
    }
}
