package io.simestate.core.sim;

import java.util.List;

/**
 * The line-by-line outcome of a CSV import of assignments (F8). Good lines are applied even when
 * other lines are rejected; every rejected line is listed with its number and reason.
 *
 * @param lines how many data lines were read (header and blank lines excluded)
 * @param assigned SIMs newly assigned (not held before)
 * @param moved SIMs moved from another customer of the tenant
 * @param unchanged SIMs already held by the named customer
 * @param rejected the lines that were not applied, in file order
 */
public record CsvImportReport(long lines, long assigned, long moved, long unchanged, List<RejectedLine> rejected) {

  /**
   * Copies the list.
   *
   * @param lines how many data lines were read (header and blank lines excluded)
   * @param assigned SIMs newly assigned (not held before)
   * @param moved SIMs moved from another customer of the tenant
   * @param unchanged SIMs already held by the named customer
   * @param rejected the lines that were not applied, in file order
   */
  public CsvImportReport {
    rejected = List.copyOf(rejected);
  }

  /**
   * A line that was not applied.
   *
   * @param lineNumber the line's number in the file, counting from 1 (header included)
   * @param text the line as read, cut to 200 characters
   * @param reason why it was rejected, in words a portal user can act on
   */
  public record RejectedLine(long lineNumber, String text, String reason) {}
}
