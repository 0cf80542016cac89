package io.simestate.spring;

import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.monitor.HealthThresholds;
import io.simestate.mail.SmtpSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code simestate.*} properties. Every one has a default except the sender's address, which a
 * portal that sends real mail must set.
 */
@ConfigurationProperties("simestate")
public class SimEstateProperties {

  /** Whether the starter wires SIM Estate at all. */
  private boolean enabled = true;

  /** How long a recipient told about a SIM and kind is not told again when an alert has no usage period. */
  private Duration repeatWindow = Duration.ofHours(24);

  private final Sender sender = new Sender();
  private final Map<String, Tenant> tenants = new LinkedHashMap<>();
  private final Retry retry = new Retry();
  private final Dispatcher dispatcher = new Dispatcher();
  private final Schema schema = new Schema();
  private final Mail mail = new Mail();
  private final Metrics metrics = new Metrics();
  private final Health health = new Health();

  /**
   * Whether the starter wires SIM Estate.
   *
   * @return true by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the starter wires SIM Estate.
   *
   * @param enabled false to leave SIM Estate out of the context
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The repeat window for alerts without a usage period.
   *
   * @return 24 hours by default
   */
  public Duration getRepeatWindow() {
    return repeatWindow;
  }

  /**
   * Sets the repeat window for alerts without a usage period.
   *
   * @param repeatWindow the window
   */
  public void setRepeatWindow(Duration repeatWindow) {
    this.repeatWindow = repeatWindow;
  }

  /**
   * The library-wide sender: alerts come from it when a tenant has no sender of its own.
   *
   * @return never null
   */
  public Sender getSender() {
    return sender;
  }

  /**
   * The tenants' defaults, by tenant id.
   *
   * @return never null
   */
  public Map<String, Tenant> getTenants() {
    return tenants;
  }

  /**
   * The retry policy of failed sends.
   *
   * @return never null
   */
  public Retry getRetry() {
    return retry;
  }

  /**
   * The dispatcher that sends the outbox while the application runs.
   *
   * @return never null
   */
  public Dispatcher getDispatcher() {
    return dispatcher;
  }

  /**
   * How SIM Estate's tables are created.
   *
   * @return never null
   */
  public Schema getSchema() {
    return schema;
  }

  /**
   * The SMTP server alerts go through; each unset value falls back to {@code spring.mail.*}.
   *
   * @return never null
   */
  public Mail getMail() {
    return mail;
  }

  /**
   * The meters in the application's Micrometer registry (with {@code simestate-micrometer}).
   *
   * @return never null
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * When {@code SimEstate.health()}, and so the {@code simestate} health indicator, answers DOWN.
   *
   * @return never null
   */
  public Health getHealth() {
    return health;
  }

  /** The thresholds of {@code SimEstate.health()} ({@code HealthThresholds}); core's defaults unless set. */
  public static class Health {

    /**
     * How long the oldest pending delivery may wait before the health is DOWN. Set it above the
     * longest digest window of any tenant and above the time a mail server outage may last before
     * someone should look.
     */
    private Duration maxPendingAge = Duration.ofHours(1);

    /**
     * How long ago this instance's dispatcher may have completed its last run (counted from the
     * start before the first run) before the health is DOWN. Not checked when
     * simestate.dispatcher.enabled=false.
     */
    private Duration maxSinceLastDispatch = Duration.ofMinutes(15);

    /**
     * The oldest pending delivery's age that turns the health DOWN.
     *
     * @return one hour by default
     */
    public Duration getMaxPendingAge() {
      return maxPendingAge;
    }

    /**
     * Sets the oldest pending delivery's age that turns the health DOWN.
     *
     * @param maxPendingAge more than zero
     */
    public void setMaxPendingAge(Duration maxPendingAge) {
      this.maxPendingAge = maxPendingAge;
    }

    /**
     * The time since the dispatcher's last completed run that turns the health DOWN.
     *
     * @return fifteen minutes by default
     */
    public Duration getMaxSinceLastDispatch() {
      return maxSinceLastDispatch;
    }

    /**
     * Sets the time since the dispatcher's last completed run that turns the health DOWN.
     *
     * @param maxSinceLastDispatch more than zero
     */
    public void setMaxSinceLastDispatch(Duration maxSinceLastDispatch) {
      this.maxSinceLastDispatch = maxSinceLastDispatch;
    }

    /**
     * These thresholds for the estate.
     *
     * @param dispatcherRuns whether this instance runs the dispatcher; without it the dispatch
     *     threshold is left out
     * @return the thresholds
     * @throws io.simestate.core.InvalidInputException naming the threshold that is not more than zero
     */
    HealthThresholds toThresholds(boolean dispatcherRuns) {
      HealthThresholds thresholds = HealthThresholds.of(maxPendingAge, maxSinceLastDispatch);
      return dispatcherRuns ? thresholds : thresholds.withoutDispatchCheck();
    }
  }

  /** The meters of {@code simestate-micrometer}, wired when a {@code MeterRegistry} bean exists. */
  public static class Metrics {

    /** Whether the starter wires SIM Estate's meters into the application's MeterRegistry. */
    private boolean enabled = true;

    /** Whether the counters of routing and sends carry a "tenant" tag (one time series per tenant). */
    private boolean tenantTag;

    /**
     * Whether the meters are wired.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the meters are wired.
     *
     * @param enabled false to leave them out
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Whether the counters carry a {@code tenant} tag.
     *
     * @return false by default
     */
    public boolean isTenantTag() {
      return tenantTag;
    }

    /**
     * Sets whether the counters carry a {@code tenant} tag; for a handful of tenants, not thousands.
     *
     * @param tenantTag true to tag by tenant
     */
    public void setTenantTag(boolean tenantTag) {
      this.tenantTag = tenantTag;
    }
  }

  /** An email sender: an address and the name shown with it. */
  public static class Sender {

    /** The address alerts come from, e.g. alerts@portal.example. */
    private String address;

    /** The name shown with the address, e.g. "Portal alerts". */
    private String name;

    /**
     * The sender's address.
     *
     * @return the address, or null when not set
     */
    public String getAddress() {
      return address;
    }

    /**
     * Sets the sender's address.
     *
     * @param address an email address
     */
    public void setAddress(String address) {
      this.address = address;
    }

    /**
     * The name shown with the address.
     *
     * @return the name, or null when not set
     */
    public String getName() {
      return name;
    }

    /**
     * Sets the name shown with the address.
     *
     * @param name the display name
     */
    public void setName(String name) {
      this.name = name;
    }
  }

  /** One tenant's alert settings (F13–F15). */
  public static class Tenant {

    private final Sender sender = new Sender();

    /** Who gets alerts for SIMs with no customer: email addresses. */
    private List<String> catchAll = new ArrayList<>();

    /** How long alerts for one contact wait to be gathered into one digest; 0 sends each alone. */
    private Duration digestWindow = Duration.ZERO;

    /** Whether a contact gets a notice when its alerts are switched on. */
    private boolean subscriptionNotices;

    /**
     * The tenant's own sender (white label); unset means the library-wide sender.
     *
     * @return never null
     */
    public Sender getSender() {
      return sender;
    }

    /**
     * The catch-all recipients' addresses.
     *
     * @return never null
     */
    public List<String> getCatchAll() {
      return catchAll;
    }

    /**
     * Sets the catch-all recipients' addresses.
     *
     * @param catchAll email addresses
     */
    public void setCatchAll(List<String> catchAll) {
      this.catchAll = catchAll;
    }

    /**
     * The digest window.
     *
     * @return zero by default (no digests)
     */
    public Duration getDigestWindow() {
      return digestWindow;
    }

    /**
     * Sets the digest window.
     *
     * @param digestWindow between zero and one day
     */
    public void setDigestWindow(Duration digestWindow) {
      this.digestWindow = digestWindow;
    }

    /**
     * Whether contacts get a subscription notice.
     *
     * @return false by default
     */
    public boolean isSubscriptionNotices() {
      return subscriptionNotices;
    }

    /**
     * Sets whether contacts get a subscription notice.
     *
     * @param subscriptionNotices true to send one when a contact's alerts are switched on
     */
    public void setSubscriptionNotices(boolean subscriptionNotices) {
      this.subscriptionNotices = subscriptionNotices;
    }
  }

  /** The retry policy: exponential back-off with jitter, then failed. */
  public static class Retry {

    /** The delay after the first failed attempt. */
    private Duration initialDelay = RetryPolicy.DEFAULT.initialDelay();

    /** The longest delay between attempts. */
    private Duration maxDelay = RetryPolicy.DEFAULT.maxDelay();

    /** How many attempts a delivery gets before it is marked failed. */
    private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

    /** The random share of each delay, 0 to 1. */
    private double jitter = RetryPolicy.DEFAULT.jitter();

    /**
     * The delay after the first failed attempt.
     *
     * @return 30 seconds by default
     */
    public Duration getInitialDelay() {
      return initialDelay;
    }

    /**
     * Sets the delay after the first failed attempt.
     *
     * @param initialDelay the delay
     */
    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    /**
     * The longest delay.
     *
     * @return one hour by default
     */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    /**
     * Sets the longest delay.
     *
     * @param maxDelay the delay
     */
    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    /**
     * How many attempts a delivery gets.
     *
     * @return 8 by default
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets how many attempts a delivery gets.
     *
     * @param maxAttempts at least 1
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * The random share of each delay.
     *
     * @return 0.2 by default
     */
    public double getJitter() {
      return jitter;
    }

    /**
     * Sets the random share of each delay.
     *
     * @param jitter 0 to 1
     */
    public void setJitter(double jitter) {
      this.jitter = jitter;
    }

    RetryPolicy toPolicy() {
      return new RetryPolicy(initialDelay, maxDelay, maxAttempts, jitter);
    }
  }

  /** The dispatcher that runs with the application context. */
  public static class Dispatcher {

    /** Whether this instance sends the outbox; several instances may, each claims its own batch. */
    private boolean enabled = true;

    /** How many deliveries one round claims. */
    private int batchSize = 500;

    /** How long a claim holds before another instance may take it over. */
    private Duration lease = Duration.ofMinutes(5);

    /**
     * How long one send may take before it counts as a transient failure and is abandoned; above the
     * mail server's own time-outs, at most half the lease. Empty: the library's default (1 minute).
     */
    private Duration sendTimeLimit;

    /** The pause between the end of one run and the start of the next. */
    private Duration interval = Duration.ofSeconds(10);

    /** How long shutdown waits for the round in flight to finish. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * Whether this instance dispatches.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether this instance dispatches.
     *
     * @param enabled false to leave sending to other instances
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The batch size.
     *
     * @return 500 by default
     */
    public int getBatchSize() {
      return batchSize;
    }

    /**
     * Sets the batch size.
     *
     * @param batchSize deliveries per round
     */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    /**
     * The claim's lease.
     *
     * @return 5 minutes by default
     */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets the claim's lease.
     *
     * @param lease the lease
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /**
     * The time limit of one send.
     *
     * @return the limit, or null for the library's default
     */
    public Duration getSendTimeLimit() {
      return sendTimeLimit;
    }

    /**
     * Sets the time limit of one send.
     *
     * @param sendTimeLimit the limit, or null for the library's default
     */
    public void setSendTimeLimit(Duration sendTimeLimit) {
      this.sendTimeLimit = sendTimeLimit;
    }

    /**
     * The pause between runs.
     *
     * @return 10 seconds by default
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets the pause between runs.
     *
     * @param interval a positive duration
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /**
     * How long shutdown waits for the round in flight.
     *
     * @return 30 seconds by default
     */
    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    /**
     * Sets how long shutdown waits for the round in flight.
     *
     * @param shutdownTimeout the wait
     */
    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }

  /** How SIM Estate's tables are created when the context starts. */
  public static class Schema {

    /** Without Flyway: apply the schema scripts a database lacks with JpaSchema. */
    private boolean apply;

    private final Flyway flyway = new Flyway();

    /**
     * Whether JpaSchema applies the scripts (used when Flyway is absent or switched off).
     *
     * @return false by default
     */
    public boolean isApply() {
      return apply;
    }

    /**
     * Sets whether JpaSchema applies the scripts.
     *
     * @param apply true to create the tables on an empty schema
     */
    public void setApply(boolean apply) {
      this.apply = apply;
    }

    /**
     * SIM Estate's own Flyway, used when Flyway is on the class path.
     *
     * @return never null
     */
    public Flyway getFlyway() {
      return flyway;
    }
  }

  /** SIM Estate's own Flyway: its scripts, its own history table; the application's Flyway is untouched. */
  public static class Flyway {

    /** Whether SIM Estate migrates its tables with Flyway when Flyway is on the class path. */
    private boolean enabled = true;

    /** The history table of SIM Estate's migrations, apart from the application's. */
    private String table = "simestate_flyway_history";

    /**
     * Whether SIM Estate migrates with Flyway.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether SIM Estate migrates with Flyway.
     *
     * @param enabled false to use {@code simestate.schema.apply} or your own migrations
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The history table.
     *
     * @return simestate_flyway_history by default
     */
    public String getTable() {
      return table;
    }

    /**
     * Sets the history table.
     *
     * @param table a table name
     */
    public void setTable(String table) {
      this.table = table;
    }
  }

  /** The SMTP server; each value not set here is taken from {@code spring.mail.*}. */
  public static class Mail {

    /** The SMTP host; without one here or in spring.mail.host, alerts are recorded in memory, not sent. */
    private String host;

    /** The SMTP port. */
    private Integer port;

    /** The user name for SMTP authentication. */
    private String username;

    /** The password for SMTP authentication. */
    private String password;

    /** NONE, STARTTLS or SMTPS; unset means the mail adapter's default. */
    private SmtpSecurity security;

    /**
     * The SMTP host.
     *
     * @return the host, or null to use spring.mail.host
     */
    public String getHost() {
      return host;
    }

    /**
     * Sets the SMTP host.
     *
     * @param host a host name
     */
    public void setHost(String host) {
      this.host = host;
    }

    /**
     * The SMTP port.
     *
     * @return the port, or null to use spring.mail.port or the mail adapter's default
     */
    public Integer getPort() {
      return port;
    }

    /**
     * Sets the SMTP port.
     *
     * @param port a port
     */
    public void setPort(Integer port) {
      this.port = port;
    }

    /**
     * The user name.
     *
     * @return the name, or null to use spring.mail.username
     */
    public String getUsername() {
      return username;
    }

    /**
     * Sets the user name.
     *
     * @param username the name
     */
    public void setUsername(String username) {
      this.username = username;
    }

    /**
     * The password.
     *
     * @return the password, or null to use spring.mail.password
     */
    public String getPassword() {
      return password;
    }

    /**
     * Sets the password.
     *
     * @param password the password
     */
    public void setPassword(String password) {
      this.password = password;
    }

    /**
     * The connection security.
     *
     * @return NONE, STARTTLS or SMTPS, or null for the mail adapter's default
     */
    public SmtpSecurity getSecurity() {
      return security;
    }

    /**
     * Sets the connection security.
     *
     * @param security NONE, STARTTLS or SMTPS
     */
    public void setSecurity(SmtpSecurity security) {
      this.security = security;
    }
  }
}
