package cn.xinfang.petition.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cases.security.*} and the start-up accounts.
 *
 * @param demoData          create the demo units and users (password {@code demo}); by default only on the embedded H2 database
 * @param adminPassword     the first admin's password on a database without users ({@code CASES_ADMIN_PASSWORD})
 * @param bcryptStrength    BCrypt cost factor for stored passwords
 * @param minPasswordLength shortest password an admin may set
 */
@ConfigurationProperties("cases.security")
public record SecurityProperties(Boolean demoData,
                                 String adminPassword,
                                 @DefaultValue("10") int bcryptStrength,
                                 @DefaultValue("4") int minPasswordLength) {
}
