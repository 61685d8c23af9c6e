package dev.roster.scim.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.platform.Criteria.Compare;
import dev.roster.platform.Criteria.Op;
import dev.roster.platform.Criteria;
import dev.roster.problem.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCIM filters as the criteria the controls run: the attribute paths, operators, value paths and types. */
class ScimFilterTest {

    static final Criteria EVERYTHING = new Criteria.Everything();
    static final Criteria NOTHING = new Criteria.Not(EVERYTHING);

    @Test
    void attributePathsBecomeRostersFieldsWhateverTheirCaseOrSchemaUrn() {
        assertEquals(new Compare("username", Op.EQ, "bjensen"), ScimFilter.users("UserName eq \"bjensen\""));
        assertEquals(new Compare("username", Op.EQ, "bjensen"),
                ScimFilter.users("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\""));
        assertEquals(new Compare("employeeNumber", Op.STARTS_WITH, "70"), ScimFilter.users(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber sw \"70\""));
        assertEquals(new Compare("lastName", Op.PRESENT, null), ScimFilter.users("name.familyName pr"));
        assertEquals(new Compare("updatedAt", Op.GT, Instant.parse("2011-05-13T04:42:34Z")),
                ScimFilter.users("meta.lastModified gt \"2011-05-13T04:42:34Z\""));
        assertEquals(new Compare("active", Op.EQ, false), ScimFilter.users("active eq \"False\""));
        assertEquals(new Compare("members", Op.EQ, "u1"), ScimFilter.groups("members.value eq \"u1\""));
    }

    @Test
    void andOrNotAndGroupingKeepTheirShape() {
        Criteria left = new Criteria.All(List.of(new Compare("title", Op.EQ, "a"),
                new Criteria.Not(new Compare("externalId", Op.PRESENT, null))));
        assertEquals(new Criteria.Any(List.of(left, new Compare("email", Op.CONTAINS, "@x"))),
                ScimFilter.users("(title eq \"a\" and not (externalId pr)) or emails.value co \"@x\""));
    }

    @Test
    void valuePathsPickRostersOneEmailAddressPhoneNumbersAndAddressByType() {
        Criteria work = new Criteria.All(List.of(EVERYTHING, new Compare("email", Op.EQ, "a@x")));
        assertEquals(work, ScimFilter.users("emails[type eq \"work\"].value eq \"a@x\""), "Entra ID's form");
        assertEquals(work, ScimFilter.users("emails[type eq \"work\" and value eq \"a@x\"]"), "RFC 7644's form");
        assertEquals(new Criteria.All(List.of(NOTHING, new Compare("email", Op.EQ, "a@x"))),
                ScimFilter.users("emails[type eq \"home\"].value eq \"a@x\""));
        assertEquals(new Criteria.All(List.of(EVERYTHING, new Compare("mobile", Op.EQ, "1"))),
                ScimFilter.users("phoneNumbers[type eq \"mobile\"].value eq \"1\""));
        assertEquals(new Criteria.Any(List.of(new Compare("fax", Op.EQ, "1"), new Compare("mobile", Op.EQ, "1"),
                new Compare("worknumber", Op.EQ, "1"))), ScimFilter.users("phoneNumbers.value eq \"1\""));
        assertEquals(new Compare("city", Op.EQ, "Reykjavik"), ScimFilter.users("addresses.locality eq \"Reykjavik\""));
    }

    @Test
    void theRewriteOfEntrasValuePathLeavesQuotedTextAlone() {
        assertEquals("emails[(type eq \"work\") and value eq \"a]b.c eq\"]",
                ScimFilter.rewrite("emails[type eq \"work\"].value eq \"a]b.c eq\""));
        assertEquals("title eq \"x[y].z eq 1\"", ScimFilter.rewrite("title eq \"x[y].z eq 1\""));
    }

    @Test
    void whatCannotBeRunIsAnInvalidFilter() {
        for (String bad : List.of("userName eq", "shoeSize gt 4", "meta.created gt \"yesterday\"",
                "emails[type eq \"work\" and phoneNumbers[value pr]]", "x".repeat(5000))) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> ScimFilter.users(bad), bad);
            assertEquals(InvalidInput.FILTER, refused.slug(), bad);
        }
    }
}
