package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A tenant's stored settings (F17), one row per tenant; mapped to and from {@code TenantAlertSettings}
 * by {@link JpaTenantSettingsStore}. Catch-all recipients are one text, a line per recipient of address,
 * tab and name (neither can hold a tab or line break).
 */
@Entity(name = "SimEstateTenantSettings")
@Table(name = "simestate_tenant_settings")
class TenantSettingsEntity {

  @Id
  @Column(name = "tenant_id", length = 64)
  String tenantId;

  @Column(name = "sender_address", length = 254)
  String senderAddress;

  @Column(name = "sender_name", length = 200)
  String senderName;

  @Column(name = "sender_reply_to", length = 254)
  String senderReplyTo;

  @Column(name = "reply_to", length = 254)
  String replyTo;

  @Column(name = "catch_all", length = 9200)
  String catchAll;

  @Column(name = "digest_window_seconds", nullable = false)
  long digestWindowSeconds;

  @Column(name = "repeat_window_seconds")
  Long repeatWindowSeconds;

  @Column(name = "time_zone", length = 64)
  String timeZone;

  @Column(name = "portal_url", length = 2000)
  String portalUrl;

  @Column(name = "display_name", length = 200)
  String displayName;

  @Column(name = "subscription_notices", nullable = false)
  boolean subscriptionNotices;

  TenantSettingsEntity() {}
}
