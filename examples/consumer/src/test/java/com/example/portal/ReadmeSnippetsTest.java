package com.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the READMEs against this portal's class path, the way a
 * portal developer would paste it, so that a snippet that no longer compiles fails the build.
 *
 * <h2>How a snippet becomes a compilation unit</h2>
 * <ul>
 *   <li>The {@code import} lines at the top of the block are the unit's imports. {@code java.util.*},
 *       {@code java.time.*} and {@code java.math.*} are imported for every snippet (obvious to a
 *       reader); everything else a snippet uses must be imported in the block or in its prelude.</li>
 *   <li>The rest of the block becomes the body of a method {@code void snippet() throws Exception}
 *       of a class of its own: statements and local declarations, as a reader would write them in a
 *       method of their own code.</li>
 *   <li>A block may have a hidden prelude: an HTML comment that ends on the line just before the
 *       fence (blank lines between are allowed) and starts with {@code <!-- snippet}. Its lines are
 *       put before the block's code ({@code import} lines among the imports); they declare what the
 *       block uses but does not show, e.g. {@code NotificationSender sender = null;}. Nothing is run,
 *       so such values only need to compile.</li>
 *   <li>{@code <!-- snippet: members} instead puts prelude and block into the class body, for a
 *       snippet that shows fields and methods of a class (e.g. a service with an injected
 *       {@code EntityManager}).</li>
 * </ul>
 * Deprecation warnings fail the snippet too: a README should not teach an API on its way out.
 */
class ReadmeSnippetsTest {

  /** The READMEs whose Java snippets a portal developer reads, relative to the repository root. */
  static final List<String> READMES =
      List.of("README.md", "examples/README.md", "jpa-adapter/README.md", "mail-adapter/README.md");

  private static final List<String> OBVIOUS_IMPORTS =
      List.of("import java.math.*;", "import java.time.*;", "import java.util.*;");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```java\\s*$");
  private static final Pattern PRELUDE_START = Pattern.compile("^\\s*<!--\\s*snippet(:\\s*members)?\\s*(.*)$");

  @TempDir
  Path classes;

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetOfTheReadmesCompiles() {
    return READMES.stream()
        .flatMap(readme -> snippets(readme, read(repository().resolve(readme))).stream())
        .map(snippet -> DynamicTest.dynamicTest(snippet.origin(), () -> {
          List<String> errors = compile(snippet);
          assertTrue(errors.isEmpty(), () -> snippet.origin() + " does not compile:\n  "
              + String.join("\n  ", errors) + "\n--- as compiled:\n" + snippet.numberedSource());
        }));
  }

  @Test
  void theReadmesHoldTheSnippetsThisCheckExpects() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String readme : READMES) {
      counts.put(readme, snippets(readme, read(repository().resolve(readme))).size());
    }
    // A change that hid every snippet from the extraction (a renamed fence, a moved file) must not
    // turn this check into one that passes on nothing.
    assertTrue(counts.get("README.md") >= 2, () -> "snippets found: " + counts);
    assertTrue(counts.get("jpa-adapter/README.md") >= 3, () -> "snippets found: " + counts);
    assertTrue(counts.get("mail-adapter/README.md") >= 2, () -> "snippets found: " + counts);
  }

  @Test
  void aSnippetThatNoLongerCompilesFailsWithItsReadmeLine() {
    String readme = String.join("\n",
        "# A README",
        "",
        "```java",
        "import io.simestate.core.estate.SimEstate;",
        "",
        "SimEstate estate = SimEstate.inMemory();",
        "estate.customers().createCustomer();   // renamed long ago",
        "```",
        "");

    List<Snippet> found = snippets("BROKEN.md", readme);

    assertEquals(1, found.size());
    List<String> errors = compile(found.get(0));
    assertFalse(errors.isEmpty(), "a call of a method that does not exist must not compile");
    assertTrue(errors.get(0).startsWith("BROKEN.md:7:"), () -> "error names the README line: " + errors);
  }

  @Test
  void aSnippetThatCallsADeprecatedMethodFails() {
    String readme = String.join("\n",
        "```java",
        "Date date = new Date(2026, 1, 1);",
        "```",
        "");

    assertFalse(compile(snippets("OLD.md", readme).get(0)).isEmpty());
  }

  @Test
  void aPreludeDeclaresWhatTheSnippetUsesWithoutShowingIt() {
    String readme = String.join("\n",
        "<!-- snippet",
        "import io.simestate.core.alert.NotificationSender;",
        "NotificationSender sender = null;",
        "-->",
        "```java",
        "import io.simestate.core.estate.SimEstate;",
        "",
        "SimEstate estate = SimEstate.builder().notificationSender(sender).build();",
        "```",
        "",
        "<!-- snippet: members",
        "interface Accounts { void save(String account); }",
        "Accounts accounts = null;",
        "-->",
        "",
        "  ```java",
        "  public void onboard(String account) {",
        "    accounts.save(account);",
        "  }",
        "  ```",
        "",
        "```java",
        "SimEstate estate = SimEstate.inMemory();   // no prelude, no import: must not compile",
        "```");

    List<Snippet> found = snippets("PRELUDE.md", readme);

    assertEquals(3, found.size());
    assertEquals(List.of(), compile(found.get(0)));
    assertEquals(List.of(), compile(found.get(1)));
    assertFalse(compile(found.get(2)).isEmpty(), "a prelude belongs to the block right after it only");
  }

  // --- extraction -------------------------------------------------------------------------------

  /** One Java block: where it is, its prelude, its lines. */
  record Snippet(String file, int firstLine, boolean members, List<Line> prelude, List<Line> body) {

    String origin() {
      return file + ":" + firstLine;
    }

    String className() {
      return "Snippet_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + firstLine;
    }

    /** The generated source, and for each of its lines (1-based) the README line it came from (0: generated). */
    Source source() {
      List<String> lines = new ArrayList<>();
      List<Integer> origins = new ArrayList<>();
      OBVIOUS_IMPORTS.forEach(i -> add(lines, origins, i, 0));
      Stream.concat(prelude.stream(), body.stream()).filter(Line::isImport)
          .forEach(l -> add(lines, origins, l.text(), l.number()));
      add(lines, origins, "class " + className() + " {", 0);
      if (!members) {
        add(lines, origins, "void snippet() throws Exception {", 0);
      }
      Stream.concat(prelude.stream(), body.stream()).filter(l -> !l.isImport())
          .forEach(l -> add(lines, origins, l.text(), l.number()));
      if (!members) {
        add(lines, origins, "}", 0);
      }
      add(lines, origins, "}", 0);
      return new Source(String.join("\n", lines) + "\n", origins);
    }

    String numberedSource() {
      List<String> lines = source().text().lines().toList();
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        out.append(String.format(Locale.ROOT, "%4d | %s%n", i + 1, lines.get(i)));
      }
      return out.toString();
    }

    private static void add(List<String> lines, List<Integer> origins, String text, int origin) {
      lines.add(text);
      origins.add(origin);
    }
  }

  /** A line of a README. */
  record Line(int number, String text) {
    boolean isImport() {
      return text.strip().startsWith("import ");
    }
  }

  record Source(String text, List<Integer> origins) {}

  /** Every {@code ```java} block of a README, with the prelude comment right before it. */
  static List<Snippet> snippets(String file, String markdown) {
    List<String> lines = markdown.lines().toList();
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      String indent = fence.group(1);
      List<Line> body = new ArrayList<>();
      int j = i + 1;
      for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
        String text = lines.get(j);
        body.add(new Line(j + 1, text.startsWith(indent) ? text.substring(indent.length()) : text.stripLeading()));
      }
      if (j == lines.size()) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": the java block is never closed");
      }
      List<Line> prelude = new ArrayList<>();
      boolean members = prelude(lines, i, prelude);
      found.add(new Snippet(file, i + 1, members, prelude, body));
      i = j;
    }
    return found;
  }

  /** Collects the prelude that ends just before the fence at {@code fence}; true if it asks for members. */
  private static boolean prelude(List<String> lines, int fence, List<Line> prelude) {
    int end = fence - 1;
    while (end >= 0 && lines.get(end).isBlank()) {
      end--;
    }
    if (end < 0 || !lines.get(end).strip().endsWith("-->")) {
      return false;
    }
    int start = end;
    while (start >= 0 && !lines.get(start).contains("<!--")) {
      start--;
    }
    if (start < 0) {
      return false;
    }
    Matcher head = PRELUDE_START.matcher(lines.get(start));
    if (!head.matches()) {
      return false;
    }
    for (int k = start; k <= end; k++) {
      String text = k == start ? head.group(2) : lines.get(k);
      if (k == end) {
        text = text.substring(0, text.lastIndexOf("-->"));
      }
      if (!text.isBlank()) {
        prelude.add(new Line(k + 1, text));
      }
    }
    return head.group(1) != null;
  }

  // --- compilation ------------------------------------------------------------------------------

  /** Compiles a snippet against this test's class path; returns its errors as "FILE:LINE: message". */
  List<String> compile(Snippet snippet) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Source source = snippet.source();
    JavaFileObject unit = new SimpleJavaFileObject(
        URI.create("string:///" + snippet.className() + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source.text();
      }
    };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:deprecation,removal", "-Werror",
        "-classpath", classPath(), "-d", classes.toString());
    javac.getTask(null, null, diagnostics, options, null, List.of(unit)).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .filter(d -> d.getLineNumber() > 0 || d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> where(snippet, source, d) + ": "
            + d.getMessage(Locale.ROOT).lines().map(String::strip).collect(Collectors.joining("; ")))
        .collect(Collectors.toList());
  }

  private static String where(Snippet snippet, Source source, Diagnostic<?> d) {
    long line = d.getLineNumber();
    int origin = line >= 1 && line <= source.origins().size() ? source.origins().get((int) line - 1) : 0;
    return origin > 0 ? snippet.file() + ":" + origin : snippet.origin() + " (generated line " + line + ")";
  }

  /** The class path this test runs with: Surefire names it in a property when it runs tests from a manifest jar. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Path repository() {
    String root = System.getProperty("simestate.repository");
    if (root == null) {
      throw new IllegalStateException("run through Maven: the system property simestate.repository names the repository root");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
