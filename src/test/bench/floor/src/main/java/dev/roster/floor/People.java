package dev.roster.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The floor's only control: one row written in a container transaction, or read by one indexed query. */
@ApplicationScoped
public class People {
    @PersistenceContext(unitName = "floor")
    EntityManager em;

    @Transactional
    public Person create(String tenant, String username, PersonInput input) {
        Person person = new Person(tenant, username, input);
        em.persist(person);
        return person;
    }

    @Transactional
    public Optional<Person> grant(String tenant, String username, String role) {
        Optional<Person> found = find(tenant, username);
        found.ifPresent(p -> p.role = role);
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
