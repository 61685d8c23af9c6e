package dev.roster.user.entity;

/**
 * The text attributes of a user's profile beyond the seed 003 fields: Kore.ai's {@code userInfo} (seed 002 Body
 * Parameters) and SCIM's core and enterprise User attributes (RFC 7643 sections 4.1 and 4.3) that have no field of
 * their own. Each has its name in the native API, its longest value, and whether Kore.ai's {@code userInfo} names it.
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
    STATE("state", 128),
    EXTERNAL_ID("externalId", 255, false),
    DISPLAY_NAME("displayName", 255, false),
    NICK_NAME("nickName", 255, false),
    MIDDLE_NAME("middleName", 255, false),
    HONORIFIC_PREFIX("honorificPrefix", 64, false),
    HONORIFIC_SUFFIX("honorificSuffix", 64, false),
    TITLE("title", 255, false),
    USER_TYPE("userType", 64, false),
    PREFERRED_LANGUAGE("preferredLanguage", 35, false),
    LOCALE("locale", 35, false),
    EMPLOYEE_NUMBER("employeeNumber", 64, false),
    COST_CENTER("costCenter", 128, false),
    DIVISION("division", 255, false),
    MOBILE("mobile", 64, false),
    FAX("fax", 64, false);

    private final String field;
    private final int maxLength;
    private final boolean kore;

    Attribute(String field, int maxLength) {
        this(field, maxLength, true);
    }

    Attribute(String field, int maxLength, boolean kore) {
        this.field = field;
        this.maxLength = maxLength;
        this.kore = kore;
    }

    /** Its name in the native API and in Kore.ai's {@code userInfo}. */
    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Whether Kore.ai's {@code userInfo} (seed 002) has it. */
    public boolean kore() {
        return kore;
    }
}
