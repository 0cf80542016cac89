package io.simestate.portal;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the rating system posts a usage alert, as JSON:
 * {@code POST /api/tenants/{tenant}/usage-alerts {"id":"w-1","iccid":"89...","kind":"WARNING","period":"2026-11"}}.
 * The answer says who will be told and who not, and why; the dispatcher sends the mail.
 */
@RestController
public class UsageAlertsApi {

  /** The posted alert. */
  public record PostedAlert(String id, String iccid, String kind, String raisedAt, String period) {}

  private final SimEstate estate;

  public UsageAlertsApi(SimEstate estate) {
    this.estate = estate;
  }

  @PostMapping("/api/tenants/{tenant}/usage-alerts")
  ResponseEntity<Map<String, Object>> post(@PathVariable("tenant") String tenant, @RequestBody PostedAlert posted) {
    try {
      UsageAlert alert = UsageAlert.of(AlertId.of(posted.id()), Iccid.parse(posted.iccid()),
          AlertKind.valueOf(posted.kind() == null ? "WARNING" : posted.kind()),
          posted.raisedAt() == null ? Instant.now() : Instant.parse(posted.raisedAt()));
      if (posted.period() != null) {
        alert = alert.withPeriod(posted.period());
      }
      RoutingResult result = estate.alerts().route(TenantId.of(tenant), alert);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("outcome", result.decision().outcome().name());
      body.put("recipients", result.decision().chosen().stream().map(r -> r.name()).toList());
      body.put("skipped", result.decision().skipped().stream()
          .map(s -> s.contactName() + ": " + s.reasons()).toList());
      return ResponseEntity.accepted().body(body);
    } catch (InvalidInputException | IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
  }
}
