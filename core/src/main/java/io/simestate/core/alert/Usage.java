package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.internal.DisplayText;
import java.math.BigDecimal;

/**
 * The optional usage figures an alert carries; each part is null when not given.
 *
 * <p>Figures have at most {@value Limits#FIGURE_INTEGER_DIGITS} digits before and
 * {@value Limits#FIGURE_FRACTION_DIGITS} after the decimal point; the unit at most
 * {@value Limits#USAGE_UNIT_LENGTH} and the plan at most {@value Limits#USAGE_PLAN_LENGTH} characters,
 * without control characters or bidi overrides and with something visible (they end up in the database and in mail). Figures keep the scale
 * they were given with ({@code 950.0} stays {@code 950.0}).
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
   * Checks the limits of every part.
   *
   * @param used how much was used, e.g. 950
   * @param limit the limit, e.g. 1000
   * @param unit the unit of {@code used} and {@code limit}, e.g. "MB"
   * @param percent the share of the limit used, e.g. 95
   * @param plan the plan's name, e.g. "IoT 1 GB"
   */
  public Usage {
    checkFigure(used, "usage.used");
    checkFigure(limit, "usage.limit");
    checkFigure(percent, "usage.percent");
    checkText(unit, Limits.USAGE_UNIT_LENGTH, "usage.unit");
    checkText(plan, Limits.USAGE_PLAN_LENGTH, "usage.plan");
  }

  private static void checkText(String text, int max, String field) {
    Limits.length(text, max, field);
    // Shown in the alert mail: the rules of free text (no control characters, no bidi overrides,
    // something visible).
    if (text != null) {
      DisplayText.problem(text, DisplayText.Lines.ONE).ifPresent(problem -> {
        throw InvalidInputException.of(field, problem);
      });
    }
  }

  private static void checkFigure(BigDecimal figure, String field) {
    if (figure != null && (figure.precision() - figure.scale() > Limits.FIGURE_INTEGER_DIGITS
        || figure.scale() > Limits.FIGURE_FRACTION_DIGITS)) {
      throw InvalidInputException.of(field, "must have at most " + Limits.FIGURE_INTEGER_DIGITS
          + " digits before and " + Limits.FIGURE_FRACTION_DIGITS + " after the decimal point");
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

  /**
   * Whether these figures say the same as another's: equal texts, and figures of equal value even
   * if written with another scale ({@code 950} and {@code 950.0}).
   *
   * @param other the other figures
   * @return true if they are the same content
   */
  public boolean sameAs(Usage other) {
    return other != null && sameFigure(used, other.used) && sameFigure(limit, other.limit)
        && sameFigure(percent, other.percent) && java.util.Objects.equals(unit, other.unit)
        && java.util.Objects.equals(plan, other.plan);
  }

  private static boolean sameFigure(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
