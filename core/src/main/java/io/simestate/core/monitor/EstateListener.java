package io.simestate.core.monitor;

/**
 * SPI: told what routing and dispatch did, for metrics and monitoring (F20). Register one with
 * {@code SimEstate.Builder.listener}; by default nobody listens.
 *
 * <p>Each method is called on the thread that did the work, after the library's own transaction
 * (in joined mode: inside the host's transaction, which may still roll back), and must return
 * quickly. A listener that throws never breaks routing or dispatch: the library catches what it
 * throws, logs the first failure of each listener at WARN (later ones at DEBUG), and carries on.
 * The events carry no ICCID, alert id, contact or email address.
 *
 * <p>Every method has an empty default, so a listener implements only what it needs and keeps
 * compiling when methods are added.
 */
public interface EstateListener {

  /** A listener that ignores everything. */
  EstateListener NONE = new EstateListener() {};

  /**
   * An alert was routed (or its id routed before was replayed).
   *
   * @param event what routing decided; never null
   */
  default void alertRouted(AlertRouted event) {}

  /**
   * The notification port reported the result of one message (one alert, a digest or a
   * subscription notice) and the dispatcher recorded it.
   *
   * @param event the result; never null
   */
  default void messageSent(MessageSent event) {}

  /**
   * One {@code AlertDispatcher.dispatchDue()} run ended, with or without work, normally or with an
   * exception.
   *
   * @param event what the run did and how long it took; never null
   */
  default void dispatchFinished(DispatchRun event) {}
}
