package io.simestate.core.sim;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.internal.Require;
import java.math.BigInteger;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A consecutive range of ICCIDs, {@code first..last}, generated lazily (it holds two numbers, not a
 * million SIMs).
 *
 * <p>Both ends have the same length and {@code first <= last}; a range holds at most
 * {@value #MAX_SIZE} SIMs. Where both ends carry valid Luhn check digits, the range walks the body
 * (the digits before the check digit) and recomputes each member's check digit; otherwise it counts
 * through the whole number (DESIGN §3).
 */
public final class IccidRange extends AbstractCollection<Iccid> {

  /** The most SIMs one range may hold. */
  public static final int MAX_SIZE = Limits.SIMS_PER_REQUEST;

  private final Iccid first;
  private final Iccid last;
  private final boolean walksBody;
  private final int size;

  private IccidRange(Iccid first, Iccid last) {
    this.first = first;
    this.last = last;
    if (first.length() != last.length()) {
      throw InvalidInputException.of("range", "both ends of an ICCID range must have the same number of digits");
    }
    this.walksBody = first.hasValidCheckDigit() && last.hasValidCheckDigit();
    BigInteger from = new BigInteger(walksBody ? body(first) : first.digits());
    BigInteger to = new BigInteger(walksBody ? body(last) : last.digits());
    BigInteger count = to.subtract(from).add(BigInteger.ONE);
    if (count.signum() <= 0) {
      throw InvalidInputException.of("range", "the first ICCID of a range must not be after the last");
    }
    if (count.compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
      throw InvalidInputException.of("range", "an ICCID range may hold at most " + MAX_SIZE + " SIMs; split it");
    }
    this.size = count.intValueExact();
  }

  /**
   * The range between two ICCIDs, both included.
   *
   * @param first the lowest ICCID
   * @param last the highest ICCID
   * @return the range
   * @throws InvalidInputException if the ends differ in length, are in the wrong order, or span more
   *     than {@value #MAX_SIZE} SIMs
   */
  public static IccidRange of(Iccid first, Iccid last) {
    return new IccidRange(Require.present(first, "first"), Require.present(last, "last"));
  }

  /**
   * Parses {@code "first..last"}.
   *
   * @param text two ICCIDs separated by {@code ..}
   * @return the range
   * @throws InvalidInputException if the text is not a valid range
   */
  public static IccidRange parse(String text) {
    Require.present(text, "range");
    int sep = text.indexOf("..");
    if (sep < 0 || text.indexOf("..", sep + 2) >= 0) {
      throw InvalidInputException.of("range", "write an ICCID range as first..last");
    }
    Iccid from;
    Iccid to;
    try {
      from = Iccid.parse(text.substring(0, sep));
    } catch (InvalidInputException e) {
      throw e.under("range.first");
    }
    try {
      to = Iccid.parse(text.substring(sep + 2));
    } catch (InvalidInputException e) {
      throw e.under("range.last");
    }
    return of(from, to);
  }

  /**
   * The lowest ICCID.
   *
   * @return the first member
   */
  public Iccid first() {
    return first;
  }

  /**
   * The highest ICCID.
   *
   * @return the last member
   */
  public Iccid last() {
    return last;
  }

  /**
   * Whether members get recomputed check digits (both ends carry valid ones).
   *
   * @return true if the range walks the body
   */
  public boolean walksBody() {
    return walksBody;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof Iccid iccid) || iccid.length() != first.length()) {
      return false;
    }
    if (walksBody && !iccid.hasValidCheckDigit()) {
      return false;
    }
    return iccid.compareTo(first) >= 0 && iccid.compareTo(last) <= 0;
  }

  @Override
  public Iterator<Iccid> iterator() {
    return new Iterator<>() {
      private final char[] next = (walksBody ? body(first) : first.digits()).toCharArray();
      private int remaining = size;

      @Override
      public boolean hasNext() {
        return remaining > 0;
      }

      @Override
      public Iccid next() {
        if (remaining == 0) {
          throw new NoSuchElementException();
        }
        Iccid member = walksBody ? Iccid.ofBody(next) : Iccid.ofDigits(next);
        remaining--;
        if (remaining > 0) {
          increment(next);
        }
        return member;
      }
    };
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }

  private static String body(Iccid iccid) {
    return iccid.digits().substring(0, iccid.length() - 1);
  }

  private static void increment(char[] digits) {
    for (int i = digits.length - 1; i >= 0; i--) {
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        digits[i]++;
        return;
      }
    }
  }
}
