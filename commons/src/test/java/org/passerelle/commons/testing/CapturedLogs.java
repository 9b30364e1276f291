package org.passerelle.commons.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What is logged under a logger (and the loggers below it) while this is open: Quarkus hands every
 * record to java.util.logging's handlers, so tests read the records themselves, not a console.
 */
public final class CapturedLogs implements AutoCloseable {

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          records.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLogs(String loggerName) {
    logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
  }

  /** Everything logged, by any logger. */
  public static CapturedLogs all() {
    return new CapturedLogs("");
  }

  /** What this logger and those below it log. */
  public static CapturedLogs of(String loggerName) {
    return new CapturedLogs(loggerName);
  }

  /** The records so far, oldest first; later records keep coming until {@link #close()}. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records so far, each as {@link #text(LogRecord)}. */
  public List<String> texts() {
    return records().stream().map(CapturedLogs::text).toList();
  }

  /** A record as a reader of the log would see all of it: message, parameters, stack trace. */
  public static String text(LogRecord logRecord) {
    StringWriter text = new StringWriter();
    text.append(String.valueOf(logRecord.getMessage()));
    if (logRecord.getParameters() != null) {
      for (Object parameter : logRecord.getParameters()) {
        text.append(' ').append(String.valueOf(parameter));
      }
    }
    if (logRecord.getThrown() != null) {
      text.append('\n');
      logRecord.getThrown().printStackTrace(new PrintWriter(text));
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
