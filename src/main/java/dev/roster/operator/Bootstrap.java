package dev.roster.operator;

import dev.roster.platform.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the platform operator on first start with an empty database, from
 * {@code ROSTER_BOOTSTRAP_ADMIN_USERNAME}/{@code ROSTER_BOOTSTRAP_ADMIN_PASSWORD}. Without a password it
 * generates a strong one and logs it once. Once an operator exists, nothing here changes it.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "roster.bootstrap.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "roster.bootstrap.admin.password")
    Optional<String> password;

    @Transactional
    public void ensureOperator() {
        if (em.createNamedQuery(Operator.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        String secret = password.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = secret == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } else {
            Passwords.check("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", secret);
        }
        em.persist(new Operator(username, passwords.hash(secret)));
        em.flush();
        if (generated) {
            LOG.warning("Created the platform operator '" + username + "' with the generated password " + secret
                    + " -- it is shown this once; set ROSTER_BOOTSTRAP_ADMIN_PASSWORD to choose one on a new database");
        } else {
            LOG.info(() -> "Created the platform operator '" + username + "'");
        }
    }
}
