package io.simestate.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.simestate.core.Actor;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Customers page in headless Chromium (Debian's chromium and chromium-driver): sign-in, a
 * customer from its first refused form to its deletion, an alert arriving at the SMTP server and in
 * the delivery record, contacts edited and removed, SIMs assigned one at a time and as a list, a
 * delivery that failed while the mail server was down resubmitted from the operations page, and
 * tenant isolation. Each test saves a screenshot under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"portal.smtp.in-process=false", "simestate.dispatcher.interval=200ms",
        // A mail server that is down fails a delivery after two quick attempts (the operations test).
        "simestate.retry.max-attempts=2", "simestate.retry.initial-delay=100ms", "simestate.retry.max-delay=100ms"})
class PortalBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final TenantId ACME = TenantId.of("acme-iot");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(smtpSetup())
          .withPerMethodLifecycle(false);

  static WebDriver browser;

  @LocalServerPort
  int port;

  @Autowired
  SimEstate estate;

  String testName;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
  }

  @BeforeAll
  static void chromium() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") == null) {
      Assumptions.abort("Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does)");
    }
    assertThat(present).as("chromium and chromedriver under /usr/bin (.ci/run installs them)").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1360,1600", "--lang=en");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshSession(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
    browser.manage().deleteAllCookies();
  }

  @Test
  void aCustomerFromTheFirstRefusedFormToItsDeletionWithAnAlertDelivered() throws Exception {
    signIn("ana", "ana-secret");
    assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo("acme-iot");

    clickAndWaitForTheNextPage("add-customer");
    clickAndWaitForTheNextPage("save");
    assertThat(text("name-error")).contains("Name").contains("required");
    screenshot("1-empty-name-refused");

    String name = "Northwind Logistics " + shortId();
    type("name", name);
    type("street", "12 Harbour Road");
    type("postalCode", "2000");
    type("city", "Antwerp");
    type("country", "Belgium");
    type("email", "office@northwind.example");
    clickAndWaitForTheNextPage("save");
    assertThat(text("customer-name")).isEqualTo(name);
    assertThat(text("notice")).contains("created");

    type("contact-name", "Ana Fleet");
    type("contact-email", "ana.fleet@northwind.example");
    browser.findElement(By.id("contact-alerts")).click();
    clickAndWaitForTheNextPage("save-contact");
    assertThat(browser.findElements(By.cssSelector(".contact-row"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".contact-row")).getText()).contains("Ana Fleet").contains("on");
    type("contact-name", "Bo Quiet");
    type("contact-email", "bo.quiet@northwind.example");
    clickAndWaitForTheNextPage("save-contact");
    assertThat(browser.findElements(By.cssSelector(".contact-row"))).hasSize(2);

    String first = "8944500102198304826";
    String last = "8944500102198304850";
    new Select(browser.findElement(By.id("mode"))).selectByValue("range");
    type("sims-input", first + ".." + last);
    clickAndWaitForTheNextPage("assign");
    assertThat(text("notice")).contains("25 SIMs assigned");
    assertThat(text("sim-count")).isEqualTo("25");
    assertThat(browser.findElements(By.cssSelector("#sim-list span"))).hasSize(CustomersController.SIM_PAGE);

    String alertId = "w-" + shortId();
    HttpResponse<String> posted = postUsageAlert("acme-iot", alertId, "8944500102198304830");
    assertThat(posted.statusCode()).isEqualTo(202);
    assertThat(posted.body()).contains("Ana Fleet");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> alertMailToQuietly("ana.fleet@northwind.example"));

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
      b.navigate().refresh();
      return b.findElements(By.cssSelector(".delivery-row")).stream().anyMatch(r -> r.getText().contains("SENT")
          && r.getText().contains("8944500102198304830"));
    });
    String decision = browser.findElement(By.cssSelector(".decision-row")).getText();
    assertThat(decision).contains(alertId).contains("Ana Fleet").contains("Bo Quiet (alerts are switched off)");
    screenshot("2-report-with-contact-sims-and-delivery");

    clickAndWaitForTheNextPage("delete-customer");
    assertThat(text("deletion-warning")).contains("2 contacts").contains("25 SIMs lose their");
    screenshot("3-deletion-warning");
    clickAndWaitForTheNextPage("confirm-delete");
    assertThat(text("notice")).contains("25 SIMs have no customer now");
    assertThat(estate.sims().customerOf(ACME, first)).isEmpty();
    assertThat(estate.sims().customerOf(ACME, last)).isEmpty();
    screenshot("4-deleted");
  }

  @Test
  void anotherTenantsUserCanNeitherSeeNorReachTheCustomer() {
    Customer acmes = estate.customers().create(ACME, Actor.of("ana"),
        CustomerDetails.named("ACME Secret Fleet " + shortId()));

    signIn("ben", "ben-secret");
    assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo("globex-m2m");
    assertThat(browser.findElement(By.id("customer")).getText()).doesNotContain("ACME Secret Fleet");

    browser.get(url("/customers/" + acmes.id()));
    assertThat(text("not-found")).contains("no such customer");
    assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo("globex-m2m");
    assertThat(browser.getPageSource()).doesNotContain("ACME Secret Fleet");
    screenshot("tenant-isolation");
  }

  @Test
  void signingInWithAWrongPasswordIsRefusedAndPagesNeedASignIn() {
    browser.get(url("/customers"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    signIn("ana", "wrong");
    assertThat(text("login-error")).contains("Wrong user name or password");
    screenshot("login-refused");
  }

  @Test
  void theCustomerListIsSearchableAndRunsTheReport() {
    String tag = shortId();
    estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("Searchable Cargo " + tag));
    estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("Other Freight " + tag));

    signIn("ana", "ana-secret");
    type("q", "cargo " + tag);
    clickAndWaitForTheNextPage("search");
    Select pick = new Select(browser.findElement(By.id("customer")));
    assertThat(pick.getOptions()).extracting(WebElement::getText).containsExactly("Searchable Cargo " + tag);
    screenshot("search");
    clickAndWaitForTheNextPage("run-report");
    assertThat(text("customer-name")).isEqualTo("Searchable Cargo " + tag);
  }

  @Test
  void theAlertsBoxRefusesAContactWithoutAValidEmailAndSaysWhy() {
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("No Mail Ltd " + shortId()));

    signIn("ana", "ana-secret");
    browser.get(url("/customers/" + c.id()));
    type("contact-name", "Bo Silent");
    browser.findElement(By.id("contact-alerts")).click();
    clickAndWaitForTheNextPage("save-contact");

    String errors = browser.findElement(By.id("add-contact")).getText();
    assertThat(errors).containsIgnoringCase("email");
    assertThat(browser.findElements(By.cssSelector(".contact-row"))).isEmpty();
    screenshot("alerts-need-an-email");
  }

  @Test
  void aCustomerIsEditedAndSimsComeFromACsvFileWithALineByLineReport() throws Exception {
    String name = "Csv Freight " + shortId();
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named(name));
    Path csv = Files.createTempFile("sims", ".csv");
    Files.writeString(csv, "iccid,customer\n8944500102198309826," + name + "\nnot-an-iccid," + name + "\n");

    signIn("ana", "ana-secret");
    browser.get(url("/customers/" + c.id() + "/edit"));
    type("city", "Ghent");
    type("phone", "call me");
    clickAndWaitForTheNextPage("save");
    assertThat(text("phone-error")).contains("digits");
    type("phone", "+32 9 123 45 67");
    clickAndWaitForTheNextPage("save");
    assertThat(text("notice")).contains("Changes saved");
    assertThat(browser.getPageSource()).contains("Ghent").contains("+32 9 123 45 67");

    browser.get(url("/customers"));
    browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
    clickAndWaitForTheNextPage("import");
    assertThat(text("import-assigned")).isEqualTo("1");
    assertThat(text("import-rejected")).isEqualTo("1");
    assertThat(browser.getPageSource()).contains("not-an-iccid");
    screenshot("csv-report");
    assertThat(estate.sims().customerOf(ACME, "8944500102198309826")).contains(c.id());
    Files.delete(csv);
  }

  @Test
  void aDeletionConfirmedAfterSomethingChangedIsRefused() {
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("Changing Ltd " + shortId()));

    signIn("ana", "ana-secret");
    browser.get(url("/customers/" + c.id() + "/delete"));
    assertThat(text("deletion-warning")).contains("0 contacts");
    estate.customers().addContact(ACME, Actor.of("someone-else"), c.id(),
        ContactDetails.alerted("Late Contact", "late@changing.example"));
    clickAndWaitForTheNextPage("confirm-delete");

    assertThat(text("stale")).contains("Something changed since the warning");
    assertThat(text("deletion-warning")).contains("1 contact");
    assertThat(estate.customers().find(ACME, c.id())).isPresent();
    screenshot("stale-deletion-refused");
  }

  @Test
  void aContactIsEditedAndThenRemovedAfterTheConfirmation() {
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("Edit Ltd " + shortId()));
    var contact = estate.customers().addContact(ACME, Actor.of("ana"), c.id(),
        ContactDetails.alerted("Cleo Duty", "cleo@edit.example"));
    String k = contact.id().toString();

    signIn("ana", "ana-secret");
    browser.get(url("/customers/" + c.id()));
    browser.findElement(By.id("edit-contact-" + k)).click();
    type("contact-" + k + "-name", "Cleo Night Duty");
    type("contact-" + k + "-email", "night@edit.example");
    type("contact-" + k + "-role", "NOC");
    browser.findElement(By.id("contact-" + k + "-warning")).click();
    screenshot("1-editing");
    clickAndWaitForTheNextPage("save-contact-" + k);
    assertThat(text("notice")).isEqualTo("Contact saved.");
    String row = browser.findElement(By.cssSelector(".contact-row")).getText();
    assertThat(row).contains("Cleo Night Duty").contains("night@edit.example").contains("NOC").contains("Cut-off")
        .doesNotContain("Warning");
    var stored = estate.customers().get(ACME, c.id()).contacts().get(0);
    assertThat(stored.alertKinds()).containsExactly(io.simestate.core.AlertKind.CUT_OFF);
    assertThat(stored.email().toString()).isEqualTo("night@edit.example");
    screenshot("2-saved");

    browser.findElement(By.id("edit-contact-" + k)).click();
    browser.findElement(By.id("remove-contact-" + k)).click();
    assertThat(browser.findElement(By.id("contacts")).getText()).contains("Remove Cleo Night Duty?");
    screenshot("3-remove-confirmation");
    clickAndWaitForTheNextPage("confirm-remove-contact-" + k);
    assertThat(text("notice")).isEqualTo("Contact removed.");
    assertThat(browser.findElements(By.cssSelector(".contact-row"))).isEmpty();
    assertThat(estate.customers().get(ACME, c.id()).contacts()).isEmpty();
    screenshot("4-removed");
  }

  @Test
  void simsAreAssignedOneAtATimeAndAsAList() {
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("List Ltd " + shortId()));
    Customer other = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("Other " + shortId()));
    String one = freshIccid();
    String two = freshIccid();
    String moved = freshIccid();
    estate.sims().assign(ACME, Actor.of("ana"), other.id(), List.of(moved));

    signIn("ana", "ana-secret");
    browser.get(url("/customers/" + c.id()));
    type("sims-input", one);
    clickAndWaitForTheNextPage("assign");
    assertThat(text("notice")).isEqualTo("1 SIM assigned.");
    assertThat(text("sim-count")).isEqualTo("1");

    type("sims-input", one + ", " + two + "; " + moved);
    clickAndWaitForTheNextPage("assign");
    assertThat(text("notice")).isEqualTo("2 SIMs assigned (1 moved from another customer); 1 was already this customer's.");
    assertThat(text("sim-count")).isEqualTo("3");
    assertThat(text("sim-list")).contains(one).contains(two).contains(moved);
    assertThat(estate.sims().customerOf(ACME, moved)).contains(c.id());
    screenshot("list-assigned");

    type("sims-input", freshIccid() + ", not-a-sim");
    clickAndWaitForTheNextPage("assign");
    assertThat(text("error")).isEqualTo("No SIM assigned: \u201cnot-a-sim\u201d: an ICCID may hold only digits "
        + "(spaces, hyphens and trailing F padding are ignored)");
    assertThat(text("sim-count")).isEqualTo("3");
    screenshot("list-refused");
  }

  @Test
  void aDeliveryThatFailedWhileTheMailServerWasDownIsResubmittedFromTheOperationsPageAndDelivered()
      throws Exception {
    String email = "ops-" + shortId() + "@resubmit.example";
    String sim = freshIccid();
    Customer c = customerWithAnAlertedContactAndSim("Resubmit Ltd " + shortId(), email, sim);

    signIn("ana", "ana-secret");
    failWhileTheMailServerIsDown(sim);
    clickAndWaitForTheNextPage("nav-operations");
    WebElement row = waitForTheOperationsRow(email);
    assertThat(row.getText()).contains(c.name().toString()).contains(sim).contains("could not connect");
    String id = row.getAttribute("id").substring("delivery-".length());
    screenshot("1-failed-listed");

    browser.findElement(By.id("resubmit-" + id)).click();
    assertThat(row.getText()).contains("Send it again now");
    screenshot("2-resubmit-confirmation");
    clickAndWaitForTheNextPage("confirm-resubmit-" + id);
    assertThat(text("notice")).startsWith("Resubmitted: the Warning alert for SIM " + sim + " to Ops Person");
    assertThat(browser.findElements(By.id("delivery-" + id))).isEmpty();
    screenshot("3-resubmitted");

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> alertMailToQuietly(email));
    browser.get(url("/customers/" + c.id()));
    WebElement sent = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
      b.navigate().refresh();
      return b.findElements(By.cssSelector(".delivery-row")).stream()
          .filter(r -> r.getText().contains(sim) && r.getText().contains("SENT")).findFirst().orElse(null);
    });
    assertThat(sent.getText()).contains("before it was sent: gave up after 2 attempts");
    screenshot("4-delivered");
  }

  @Test
  void anotherTenantsUserCannotResubmitOrDiscardADeliveryByPostingItsId() throws Exception {
    String email = "iso-" + shortId() + "@isolation.example";
    String sim = freshIccid();
    customerWithAnAlertedContactAndSim("Isolated Ltd " + shortId(), email, sim);
    failWhileTheMailServerIsDown(sim);
    signIn("ana", "ana-secret");
    browser.get(url("/operations"));
    String id = waitForTheOperationsRow(email).getAttribute("id").substring("delivery-".length());

    browser.manage().deleteAllCookies();
    signIn("ben", "ben-secret");
    browser.get(url("/operations"));
    assertThat(browser.getPageSource()).doesNotContain(email);
    for (String action : new String[] {"resubmit", "discard"}) {
      postFromThePage("/operations/deliveries/" + id + "/" + action);
      assertThat(text("error")).startsWith("Nothing " + action + (action.equals("resubmit") ? "ted" : "ed"))
          .contains("no such delivery in your account");
    }
    screenshot("1-refused-for-another-tenant");
    Delivery stillFailed = failedDeliveryTo(email).orElseThrow();
    assertThat(stillFailed.attempts()).isEqualTo(2);

    browser.manage().deleteAllCookies();
    signIn("ana", "ana-secret");
    browser.get(url("/operations"));
    browser.findElement(By.id("discard-" + id)).click();
    clickAndWaitForTheNextPage("confirm-discard-" + id);
    assertThat(text("notice")).startsWith("Discarded: the Warning alert for SIM " + sim);
    assertThat(failedDeliveryTo(email)).isEmpty();
    clickAndWaitForTheNextPage("tab-discarded");
    assertThat(browser.findElement(By.id("delivery-" + id)).getText()).contains(email);
    screenshot("2-discarded-by-its-tenant");
  }

  /**
   * A customer with a SIM and a contact with alerts on, whose subscription notice (acme-iot sends
   * them) has been sent, so that only the alert of the test meets the stopped mail server.
   */
  private Customer customerWithAnAlertedContactAndSim(String name, String email, String iccid) {
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named(name));
    var contact = estate.customers().addContact(ACME, Actor.of("ana"), c.id(),
        ContactDetails.alerted("Ops Person", email));
    estate.sims().assign(ACME, Actor.of("ana"), c.id(), List.of(iccid));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
      List<Delivery> notices = estate.alerts().deliveriesTo(ACME, contact.id(), 10);
      return !notices.isEmpty() && notices.stream().allMatch(d -> d.status() == DeliveryStatus.SENT);
    });
    return estate.customers().get(ACME, c.id());
  }

  /** Stops the SMTP server, posts an alert for the SIM, waits until its delivery has failed, starts it again. */
  private void failWhileTheMailServerIsDown(String iccid) throws Exception {
    greenMail.stop();
    try {
      String alertId = "down-" + shortId();
      assertThat(postUsageAlert("acme-iot", alertId, iccid).statusCode()).isEqualTo(202);
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> estate.deliveries()
          .list(ACME, DeliveryFilter.failed(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
          .anyMatch(d -> d.alertId().value().equals(alertId)));
    } finally {
      greenMail.start();
    }
  }

  private WebElement waitForTheOperationsRow(String email) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
      b.navigate().refresh();
      return b.findElements(By.cssSelector(".operation-row")).stream().filter(r -> r.getText().contains(email))
          .findFirst().orElse(null);
    });
  }

  private java.util.Optional<Delivery> failedDeliveryTo(String email) {
    return estate.deliveries().list(ACME, DeliveryFilter.failed(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
        .stream().filter(d -> d.recipient().email().toString().equals(email)).findFirst();
  }

  /** Posts a form from the current page with its CSRF token, as a hand-made form would. */
  private void postFromThePage(String path) {
    WebElement leaving = browser.findElement(By.tagName("html"));
    ((JavascriptExecutor) browser).executeScript("""
        const form = document.createElement('form');
        form.method = 'post';
        form.action = arguments[0];
        const token = document.createElement('input');
        token.type = 'hidden';
        token.name = '_csrf';
        token.value = document.querySelector('input[name=_csrf]').value;
        form.appendChild(token);
        document.body.appendChild(form);
        form.submit();""", path);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> isGone(leaving));
  }

  private boolean alertMailToQuietly(String address) {
    try {
      return alertMailTo(address);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void signIn(String user, String password) {
    browser.get(url("/login"));
    type("username", user);
    type("password", password);
    clickAndWaitForTheNextPage("sign-in");
    // Signed in (the customers page) or refused (the login page with its error): the session is settled.
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("tenant")).isEmpty()
        || !b.findElements(By.id("login-error")).isEmpty());
  }

  private HttpResponse<String> postUsageAlert(String tenant, String id, String iccid) throws Exception {
    String json = "{\"id\":\"" + id + "\",\"iccid\":\"" + iccid + "\",\"kind\":\"WARNING\",\"period\":\"2026-11\"}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/tenants/" + tenant + "/usage-alerts")))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "rating:rating-secret".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private boolean alertMailTo(String address) throws Exception {
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      for (var to : m.getAllRecipients()) {
        if (to.toString().contains(address) && m.getSubject() != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** Clicks a link or button that loads a page, and waits until the page it leaves is gone. */
  private void clickAndWaitForTheNextPage(String id) {
    WebElement leaving = browser.findElement(By.tagName("html"));
    browser.findElement(By.id(id)).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> isGone(leaving));
  }

  /**
   * Whether an element's page has been left. Selenium's {@code stalenessOf} only knows
   * {@link StaleElementReferenceException}; ChromeDriver sometimes answers a node of a replaced document with an
   * "unknown error" instead (SeleniumHQ/selenium#15401), which failed a few runs in a hundred.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("Node with given id does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void screenshot(String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(testName + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ICCID no earlier run has used (PostgreSQL keeps the SIMs of earlier runs), with a valid check digit. */
  private static String freshIccid() {
    long body = java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L);
    return Iccid.withCheckDigit("894450" + body).toString();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /**
   * GreenMail on a free port chosen once, so that it starts again on the same port after the
   * operations tests stop it; a loaded machine may take longer than its 2 s default to start it.
   */
  static ServerSetup smtpSetup() {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(120_000);
    return setup;
  }
}
