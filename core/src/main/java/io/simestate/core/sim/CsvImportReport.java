package io.simestate.core.sim;

import java.util.List;

/**
 * The line-by-line outcome of a CSV import of assignments (F8). Good lines are applied, together in
 * one transaction, even when other lines are rejected; every rejected line is listed with its number
 * and reason. A report exists only for an import that was applied: a file that cannot be read, or a
 * store that fails, raises an exception instead and leaves nothing of the file applied.
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
   * @param lineNumber the number of the line the row starts on, counting from 1 (header included; a
   *     quoted line break makes a row span several lines)
   * @param text the row written as CSV again (quoted where needed), cut to 200 characters
   * @param reason why it was rejected, in words a portal user can act on
   */
  public record RejectedLine(long lineNumber, String text, String reason) {}
}
