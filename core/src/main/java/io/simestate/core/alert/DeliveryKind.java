package io.simestate.core.alert;

/** What a delivery carries. */
public enum DeliveryKind {
  /** A usage alert (alone, or in a digest with others). */
  ALERT,
  /** The notice that automated alerts will come from the sender address (F10). */
  SUBSCRIPTION_NOTICE
}
