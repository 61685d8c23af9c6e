package dev.roster.floor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The floor's only control: one row written in a container transaction, or read by one indexed query. With
 * {@code -Dfloor.jdbc=true} a create is one JDBC insert in that transaction instead of JPA's {@code persist}.
 */
@ApplicationScoped
public class People {
    private static final boolean JDBC = Boolean.getBoolean("floor.jdbc");
    private static final String INSERT = "INSERT INTO people (id, tenant, username, usernamelc, email, firstname,"
            + " lastname, created, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)";

    @PersistenceContext(unitName = "floor")
    EntityManager em;

    @Resource(lookup = FloorDataSource.JNDI_NAME)
    DataSource dataSource;

    @Transactional
    public Person create(String tenant, String username, PersonInput input) {
        Person person = new Person(tenant, username, input);
        if (JDBC) {
            insert(person);
        } else {
            em.persist(person);
        }
        return person;
    }

    private void insert(Person p) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, p.id);
            insert.setString(2, p.tenant);
            insert.setString(3, p.username);
            insert.setString(4, p.usernameLc);
            insert.setString(5, p.email);
            insert.setString(6, p.firstName);
            insert.setString(7, p.lastName);
            insert.setTimestamp(8, Timestamp.valueOf(p.created));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Optional<Person> grant(String tenant, String username, String role) {
        Optional<Person> found = find(tenant, username);
        found.ifPresent(p -> p.grant(role));
        return found;
    }

    public Optional<Person> find(String tenant, String username) {
        return em.createNamedQuery("Person.byUsername", Person.class).setParameter("tenant", tenant)
                .setParameter("username", username.toLowerCase()).getResultStream().findFirst();
    }

    public List<Person> search(String tenant, String prefix, int size) {
        return em.createNamedQuery("Person.search", Person.class).setParameter("tenant", tenant)
                .setParameter("prefix", prefix.toLowerCase().replace("%", "") + "%").setMaxResults(size)
                .getResultList();
    }
}
