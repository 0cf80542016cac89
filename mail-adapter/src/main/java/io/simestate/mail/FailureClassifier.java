package io.simestate.mail;

import io.simestate.core.alert.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a failure worth retrying from one that is not: a 5xx reply or an invalid recipient is
 * permanent; a 4xx reply, a time-out, a refused or broken connection and any other I/O error is
 * transient. The detail names the server's reply with every email address in it masked.
 */
final class FailureClassifier {

  private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d[\\s-]");
  private static final Pattern ADDRESS = Pattern.compile(
      "([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
  private static final int MAX_DETAIL = 500;
  /** Angus Mail's messages for a command or message it could not write to the server. */
  private static final Set<String> NOT_WRITTEN =
      Set.of("Can't send command to SMTP host", "IOException while sending message");

  private FailureClassifier() {}

  /** The result for a failure while talking to the server about one message. */
  static SendResult classify(Exception failure) {
    String detail = detail(failure);
    Integer code = replyCode(failure);
    if (code != null) {
      return code >= 500
          ? SendResult.permanentFailure(detail)
          : SendResult.transientFailure(detail);
    }
    if (hasCause(failure, AddressException.class)) {
      return SendResult.permanentFailure("invalid recipient address: " + detail);
    }
    if (failure instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
        && sfe.getInvalidAddresses().length > 0) {
      return SendResult.permanentFailure("recipient refused: " + detail);
    }
    if (closedByServer(failure)) {
      return SendResult.transientFailure("the server closed the connection: " + detail);
    }
    return SendResult.transientFailure(detail);
  }

  /** Whether the failure left the connection unusable (I/O error, time-out, closed by the server). */
  static boolean brokeConnection(Exception failure) {
    if (hasCause(failure, IOException.class) || closedByServer(failure)) {
      return true;
    }
    Integer code = replyCode(failure);
    return code != null && code == 421;
  }

  /**
   * Whether the server cannot have accepted the message whose sending failed so. A server accepts a
   * message only with its reply to the message's end, which the client reads after it has sent every
   * command and line of the message. So the server cannot have accepted it when one of them could not
   * be written (the provider's "Can't send command to SMTP host" or "IOException while sending
   * message"), or when it answered the first command, MAIL FROM, by closing the connection (end of
   * stream, or 421). A reply that could not be read is not such a failure: it may be the one to the
   * message's end.
   */
  static boolean cannotHaveBeenAccepted(Exception failure) {
    for (Throwable t : chain(failure)) {
      if (t.getMessage() != null && NOT_WRITTEN.contains(t.getMessage())) {
        return true;
      }
      String command = (String) providerValue(t, "getCommand", String.class);
      if (command != null) {
        Integer code = (Integer) providerValue(t, "getReturnCode", int.class);
        return command.regionMatches(true, 0, "MAIL FROM", 0, 9) && code != null && (code == -1 || code == 421);
      }
    }
    return false;
  }

  /** Whether the message failed because its gate did not open ({@link DeterministicMimeMessage.HeldBack}). */
  static boolean heldBack(Exception failure) {
    return hasCause(failure, DeterministicMimeMessage.HeldBack.class);
  }

  /** The failure's message, its causes' messages, addresses masked, at most 500 characters. */
  static String detail(Throwable failure) {
    StringBuilder out = new StringBuilder();
    for (Throwable t : chain(failure)) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      String line = UntrustedText.singleLine(message);
      if (!line.isEmpty() && out.indexOf(line) < 0) {
        if (out.length() > 0) {
          out.append("; ");
        }
        out.append(line);
      }
    }
    String masked = mask(out.toString());
    return masked.length() > MAX_DETAIL ? masked.substring(0, MAX_DETAIL - 1) + "\u2026" : masked;
  }

  /** Replaces every email address in a text by its masked form {@code j***@example.com}. */
  static String mask(String text) {
    Matcher m = ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "***@" + m.group(2)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The SMTP reply code of the first failure in the chain that carries one: from the provider's
   * {@code getReturnCode()} (Angus Mail, kept off the compile path) or from a reply-shaped message.
   */
  static Integer replyCode(Throwable failure) {
    for (Throwable t : chain(failure)) {
      Integer code = (Integer) providerValue(t, "getReturnCode", int.class);
      if (code == null && t instanceof MessagingException && !(t instanceof SendFailedException)
          && t.getMessage() != null) {
        Matcher m = REPLY_CODE.matcher(t.getMessage());
        if (m.find()) {
          code = Integer.parseInt(t.getMessage().strip().substring(0, 3));
        }
      }
      if (code != null && code >= 400 && code <= 599) {
        return code;
      }
    }
    return null;
  }

  /** Jakarta Mail reports a connection the server closed mid-reply as a bare "[EOF]". */
  private static boolean closedByServer(Throwable failure) {
    return chain(failure).stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains("[EOF]"));
  }

  /**
   * What a provider exception's getter answers ({@code getReturnCode()} or {@code getCommand()} of Angus
   * Mail's, kept off the compile path), or null if it has no such getter returning {@code type}.
   */
  private static Object providerValue(Throwable t, String getter, Class<?> type) {
    try {
      Method method = t.getClass().getMethod(getter);
      if (method.getReturnType() == type) {
        return method.invoke(t);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not a provider exception with that value.
    }
    return null;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    return chain(failure).stream().anyMatch(type::isInstance);
  }

  /** The failure, its causes and nested exceptions, each once, in order. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> seen = new ArrayList<>();
    Set<Throwable> guard = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty() && seen.size() < 20) {
      Throwable t = todo.removeFirst();
      if (!guard.add(t)) {
        continue;
      }
      seen.add(t);
      if (t instanceof MessagingException me && me.getNextException() != null) {
        todo.add(me.getNextException());
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return seen;
  }
}
