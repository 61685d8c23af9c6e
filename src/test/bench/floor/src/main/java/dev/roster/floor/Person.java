package dev.roster.floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A user as one row: the only table of the floor, with one unique index on tenant and username. */
@Entity
@Table(name = "people", indexes = @Index(name = "people_username", columnList = "tenant, usernameLc", unique = true))
@NamedQuery(name = "Person.byUsername",
        query = "SELECT p FROM Person p WHERE p.tenant = :tenant AND p.usernameLc = :username")
@NamedQuery(name = "Person.search", query = "SELECT p FROM Person p WHERE p.tenant = :tenant"
        + " AND p.usernameLc LIKE :prefix ORDER BY p.usernameLc")
public class Person {
    /** Ids in the order of creation, as Roster's are: each insert lands at the end of the primary key. */
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000);

    @Id
    public String id;
    public String tenant;
    public String username;
    public String usernameLc;
    public String email;
    public String firstName;
    public String lastName;
    public String role;
    /** A TIMESTAMP column, as Roster's times are (an {@code Instant} field would be stored as a serialized BLOB). */
    public LocalDateTime created;
    @Version
    public long version;

    protected Person() {
    }

    Person(String tenant, String username, PersonInput input) {
        this.id = String.format("%019d", NEXT.incrementAndGet());
        this.tenant = tenant;
        this.username = username;
        this.usernameLc = username.toLowerCase();
        this.email = input.email;
        this.firstName = input.firstName;
        this.lastName = input.lastName;
        this.created = LocalDateTime.now(ZoneOffset.UTC);
    }

    /** Changes the role inside the entity, where EclipseLink's woven change tracking sees the write. */
    void grant(String role) {
        this.role = role;
    }
}
