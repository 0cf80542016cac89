package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * Which deliveries an operator looks at (F18): the failed ones, those discarded, those pending and
 * overdue for longer than a time, or those in flight whose dispatcher's lease has run out.
 *
 * @param condition which deliveries
 * @param overdueFor for {@link Condition#PENDING_OVERDUE}: how long past their due time at least;
 *     zero otherwise
 */
public record DeliveryFilter(Condition condition, Duration overdueFor) {

  /** The conditions an operator filters by. */
  public enum Condition {
    /** Given up ({@link DeliveryStatus#FAILED}). */
    FAILED,
    /** Discarded by an operator ({@link DeliveryStatus#DISCARDED}). */
    DISCARDED,
    /**
     * Pending and due for longer than {@code overdueFor}: no dispatcher has taken it (a delivery
     * waiting for its next retry is not overdue).
     */
    PENDING_OVERDUE,
    /** Claimed by a dispatcher whose lease has run out without a report (it stopped, or hangs). */
    IN_FLIGHT_PAST_LEASE
  }

  /**
   * Checks the filter.
   *
   * @param condition which deliveries
   * @param overdueFor how long past their due time at least, for {@code PENDING_OVERDUE}
   * @throws InvalidInputException naming {@code condition} if it is missing, or {@code overdueFor}
   *     if it is missing or negative
   */
  public DeliveryFilter {
    InvalidInputException.requirePresent(condition, "condition");
    InvalidInputException.requirePresent(overdueFor, "overdueFor");
    if (overdueFor.isNegative()) {
      throw InvalidInputException.of("overdueFor", "must not be negative");
    }
  }

  /**
   * The deliveries given up.
   *
   * @return the filter
   */
  public static DeliveryFilter failed() {
    return new DeliveryFilter(Condition.FAILED, Duration.ZERO);
  }

  /**
   * The deliveries an operator discarded.
   *
   * @return the filter
   */
  public static DeliveryFilter discarded() {
    return new DeliveryFilter(Condition.DISCARDED, Duration.ZERO);
  }

  /**
   * The pending deliveries due for longer than a time and not taken by a dispatcher.
   *
   * @param overdueFor how long past their due time at least, e.g. 15 minutes
   * @return the filter
   * @throws InvalidInputException naming {@code overdueFor} if it is missing or negative
   */
  public static DeliveryFilter pendingLongerThan(Duration overdueFor) {
    return new DeliveryFilter(Condition.PENDING_OVERDUE, overdueFor);
  }

  /**
   * The deliveries in flight whose dispatcher's lease has run out.
   *
   * @return the filter
   */
  public static DeliveryFilter inFlightPastLease() {
    return new DeliveryFilter(Condition.IN_FLIGHT_PAST_LEASE, Duration.ZERO);
  }

  /**
   * Whether a delivery meets the filter at a time; what adapters that filter in memory use.
   *
   * @param delivery the delivery
   * @param now the time the filter is evaluated at
   * @return true if it meets the filter
   */
  public boolean matches(Delivery delivery, Instant now) {
    return switch (condition) {
      case FAILED -> delivery.status() == DeliveryStatus.FAILED;
      case DISCARDED -> delivery.status() == DeliveryStatus.DISCARDED;
      case PENDING_OVERDUE -> delivery.status() == DeliveryStatus.PENDING
          && !delivery.nextAttemptAt().isAfter(now.minus(overdueFor));
      case IN_FLIGHT_PAST_LEASE -> delivery.status() == DeliveryStatus.IN_FLIGHT
          && !delivery.nextAttemptAt().isAfter(now);
    };
  }

  /**
   * The status of the deliveries this filter selects.
   *
   * @return the status
   */
  public DeliveryStatus deliveryStatus() {
    return switch (condition) {
      case FAILED -> DeliveryStatus.FAILED;
      case DISCARDED -> DeliveryStatus.DISCARDED;
      case PENDING_OVERDUE -> DeliveryStatus.PENDING;
      case IN_FLIGHT_PAST_LEASE -> DeliveryStatus.IN_FLIGHT;
    };
  }

  /**
   * The latest next-attempt time a delivery of the filter has at a time (its status decides the
   * rest); null for the filters without a time.
   *
   * @param now the time the filter is evaluated at
   * @return the bound, inclusive, or null
   */
  public Instant dueNoLaterThan(Instant now) {
    return switch (condition) {
      case FAILED, DISCARDED -> null;
      case PENDING_OVERDUE -> now.minus(overdueFor);
      case IN_FLIGHT_PAST_LEASE -> now;
    };
  }
}
