package io.simestate.core.alert;

/**
 * What a {@link SendSession} waits for before the server may accept a message: the dispatcher hands
 * over the next message while it still records the result of the one before, and opens the gate once
 * that result is committed. So a server never holds two accepted messages whose results are not
 * recorded, and a dispatcher that dies sends at most the message in flight again, while its record
 * and the next message's commands overlap.
 */
@FunctionalInterface
public interface AcceptanceGate {

  /**
   * Waits until the message may be accepted.
   *
   * @return true if the server may accept the message; false if it must not (the previous result
   *     could not be recorded), and then the session makes sure it does not
   * @throws InterruptedException if the thread is interrupted while waiting; the server must not
   *     accept the message then either
   */
  boolean await() throws InterruptedException;

  /**
   * A gate that is open from the start: the message may be accepted at once.
   *
   * @return the gate
   */
  static AcceptanceGate open() {
    return () -> true;
  }
}
