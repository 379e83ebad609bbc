package io.campanile.worker.run;

/**
 * A processor's result message made fit to report: the server refuses control characters (other than tab, line
 * feed and carriage return) and lone surrogates in every text with a 400, which would drop the whole batch
 * of outcomes the message travels in (runs that happened would look lost). Processors print what they like
 * (ANSI colour codes, bytes of a file), so each such character becomes {@code ?}, and the message is cut to
 * {@value #MAX_LENGTH} characters.
 */
final class ReportMessage {

    static final int MAX_LENGTH = 2000;

    private ReportMessage() {}

    static String of(String message) {
        if (message == null) {
            return null;
        }
        String cut = message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH - 3) + "..." : message;
        StringBuilder fit = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean pairedHigh =
                    Character.isHighSurrogate(c) && i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1));
            if (pairedHigh) {
                fit.append(c).append(cut.charAt(++i));
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                fit.append('?');
            } else {
                fit.append(c);
            }
        }
        return fit.toString();
    }
}
