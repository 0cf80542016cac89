package io.simestate.portal;

import io.simestate.core.TenantId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in: form login with CSRF protection for people, HTTP Basic for the rating system that posts
 * usage alerts. Two tenants with one user each; a user sees only its tenant.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurity {

  /** Which tenant each portal user belongs to. */
  static final Map<String, TenantId> TENANT_OF = Map.of(
      "ana", TenantId.of("acme-iot"),
      "ben", TenantId.of("globex-m2m"));

  /** The demo users' passwords (a real portal keeps its users elsewhere). */
  static final Map<String, String> PASSWORDS = Map.of("ana", "ana-secret", "ben", "ben-secret", "rating", "rating-secret");

  @Bean
  SecurityFilterChain portalFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/css/**", "/login", "/error").permitAll()
            .requestMatchers("/api/**").hasRole("RATING")
            .anyRequest().hasRole("USER"))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/customers", true).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .httpBasic(Customizer.withDefaults())
        // The rating system is a machine with a password, not a browser with a session.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
    return http.build();
  }

  @Bean
  UserDetailsService portalUsers() {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    return new InMemoryUserDetailsManager(
        User.withUsername("ana").password(encoder.encode(PASSWORDS.get("ana"))).roles("USER").build(),
        User.withUsername("ben").password(encoder.encode(PASSWORDS.get("ben"))).roles("USER").build(),
        User.withUsername("rating").password(encoder.encode(PASSWORDS.get("rating"))).roles("RATING").build());
  }

  /** The signed-in user's tenant. */
  static TenantId tenantOf(Authentication user) {
    TenantId tenant = TENANT_OF.get(user.getName());
    if (tenant == null) {
      throw new IllegalStateException("user " + user.getName() + " has no tenant");
    }
    return tenant;
  }
}
