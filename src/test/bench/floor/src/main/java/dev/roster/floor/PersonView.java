package dev.roster.floor;

import java.time.LocalDateTime;

/** What a read answers: the row's fields, as JSON-B writes a record. */
public record PersonView(String id, String username, String email, String firstName, String lastName, String role,
                         LocalDateTime created) {
    static PersonView of(Person p) {
        return new PersonView(p.id, p.username, p.email, p.firstName, p.lastName, p.role, p.created);
    }
}
