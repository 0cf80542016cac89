package io.simestate.core.alert;

import java.math.BigDecimal;

/**
 * The optional usage figures an alert carries; each part is null when not given.
 *
 * @param used how much was used, e.g. 950
 * @param limit the limit, e.g. 1000
 * @param unit the unit of {@code used} and {@code limit}, e.g. "MB"
 * @param percent the share of the limit used, e.g. 95
 * @param plan the plan's name, e.g. "IoT 1 GB"
 */
public record Usage(BigDecimal used, BigDecimal limit, String unit, BigDecimal percent, String plan) {

  /** No figures at all. */
  public static final Usage NONE = new Usage(null, null, null, null, null);

  /**
   * Checks the texts: they end up in the database and in mail, so no control characters.
   *
   * @param used how much was used, e.g. 950
   * @param limit the limit, e.g. 1000
   * @param unit the unit of {@code used} and {@code limit}, e.g. "MB"
   * @param percent the share of the limit used, e.g. 95
   * @param plan the plan's name, e.g. "IoT 1 GB"
   */
  public Usage {
    checkText(unit, "usage.unit");
    checkText(plan, "usage.plan");
  }

  private static void checkText(String text, String field) {
    // Shown in the alert mail: the rules of free text (no bidi overrides, something visible).
    if (text != null) {
      io.simestate.core.internal.DisplayText.problem(text, io.simestate.core.internal.DisplayText.Lines.ONE)
          .ifPresent(problem -> {
            throw io.simestate.core.InvalidInputException.of(field, problem);
          });
    }
  }

  /**
   * Whether no figure is given.
   *
   * @return true if every part is null
   */
  public boolean isEmpty() {
    return used == null && limit == null && unit == null && percent == null && plan == null;
  }
}
