package dev.roster.user.entity;

/**
 * The text attributes of a user's work profile beyond the seed 003 fields: Kore.ai's {@code userInfo} (seed 002
 * Body Parameters). Each has its name in the native API (the seed's own) and its longest value.
 */
public enum Attribute {
    ORG_USER_ID("orgUserId", 128),
    COMPANY_NAME("companyName", 255),
    DEPT("dept", 255),
    COMPANY_CONTACT_PHONE("companyContactPhone", 64),
    WORKNUMBER("worknumber", 64),
    STREET("street", 255),
    SUITE_NO("suiteNo", 64),
    CITY("city", 128),
    ZIP("zip", 20),
    STATE("state", 128);

    private final String field;
    private final int maxLength;

    Attribute(String field, int maxLength) {
        this.field = field;
        this.maxLength = maxLength;
    }

    /** Its name in the native API and in Kore.ai's {@code userInfo}. */
    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }
}
