package io.simestate.portal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's top bar shows: the signed-in user and its tenant. */
@ControllerAdvice
public class PortalPages {

  @ModelAttribute("tenant")
  String tenantAttribute(Authentication user) {
    return tenant(user);
  }

  @ModelAttribute("userName")
  String userNameAttribute(Authentication user) {
    return userName(user);
  }

  /**
   * The signed-in user's tenant, for the top bar.
   *
   * @param user the signed-in user, or null
   * @return the tenant's id, or null when nobody (or the rating system) is signed in
   */
  static String tenant(Authentication user) {
    return user == null || !PortalSecurity.TENANT_OF.containsKey(user.getName()) ? null
        : PortalSecurity.tenantOf(user).value();
  }

  /**
   * The signed-in user's name, for the top bar.
   *
   * @param user the signed-in user, or null
   * @return the name, or null
   */
  static String userName(Authentication user) {
    return user == null ? null : user.getName();
  }
}
