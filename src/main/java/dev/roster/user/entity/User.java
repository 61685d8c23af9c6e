package dev.roster.user.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user of one tenant. {@code username} and {@code email} are unique in the tenant regardless of case
 * (their lower-case copies carry the unique constraints and the search indexes). {@code mgmtPath} is the
 * chain of manager ids from the top down to this user ({@code /a/b/this/}), so "everyone below X" is one
 * indexed prefix query.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.SIGNED_IN, query = "UPDATE User u SET u.lastSignInAt = :now WHERE u.id = :id")
@NamedQuery(name = User.OF_TENANT_IN, query = "SELECT u FROM User u WHERE u.tenantId = :tenant"
        + " AND u.status IN :statuses ORDER BY u.usernameLc")
@NamedQuery(name = User.COUNT_OF_TENANT_IN,
        query = "SELECT COUNT(u) FROM User u WHERE u.tenantId = :tenant AND u.status IN :statuses")
@NamedQuery(name = User.BY_EMAIL,
        query = "SELECT u FROM User u WHERE u.tenantId = :tenant AND u.emailLc = :email")
@NamedQuery(name = User.BY_USERNAME,
        query = "SELECT u FROM User u LEFT JOIN FETCH u.manager WHERE u.tenantId = :tenant AND u.usernameLc = :username")
@NamedQuery(name = User.TO_RELIST,
        query = "SELECT u FROM User u WHERE u.tenantId = :tenant AND u.relistAt <= :now ORDER BY u.relistAt")
@NamedQuery(name = User.BY_IDS, query = "SELECT u FROM User u LEFT JOIN FETCH u.manager WHERE u.id IN :ids")
@NamedQuery(name = User.USERNAME_TAKEN, query = "SELECT COUNT(u) FROM User u WHERE u.tenantId = :tenant"
        + " AND u.usernameLc = :name")
@NamedQuery(name = User.EMAIL_USED, query = "SELECT COUNT(u) FROM User u WHERE u.tenantId = :tenant"
        + " AND u.emailLc = :email")
@NamedQuery(name = User.USERNAMES_TAKEN, query = "SELECT u.usernameLc FROM User u WHERE u.tenantId = :tenant"
        + " AND u.usernameLc IN :names")
@NamedQuery(name = User.EMAILS_USED, query = "SELECT u.emailLc FROM User u WHERE u.tenantId = :tenant"
        + " AND u.emailLc IN :emails")
@NamedQuery(name = User.BY_ID, query = "SELECT u FROM User u WHERE u.tenantId = :tenant AND u.id = :id")
@NamedQuery(name = User.EMAIL_TAKEN, query = "SELECT COUNT(u) FROM User u WHERE u.tenantId = :tenant "
        + "AND u.emailLc = :email AND u.id <> :id")
@NamedQuery(name = User.MOVE_SUBTREE, query = "UPDATE User u SET u.mgmtPath = CONCAT(:newPrefix, "
        + "SUBSTRING(u.mgmtPath, :cut)) WHERE u.tenantId = :tenant AND u.mgmtPath LIKE :oldPattern")
public class User {

    /** Users of a tenant whose stored listing interval has ended while a later one follows. */
    public static final String TO_RELIST = "User.toRelist";
    public static final String BY_USERNAME = "User.byUsername";
    public static final String BY_EMAIL = "User.byEmail";
    public static final String SIGNED_IN = "User.signedIn";
    /** Every user of a tenant in some states, listed or not, by username (AppXite's users list). */
    public static final String OF_TENANT_IN = "User.ofTenantIn";
    public static final String COUNT_OF_TENANT_IN = "User.countOfTenantIn";
    public static final String BY_ID = "User.byId";
    public static final String BY_IDS = "User.byIds";
    public static final String EMAIL_TAKEN = "User.emailTaken";
    public static final String USERNAME_TAKEN = "User.usernameTaken";
    public static final String EMAIL_USED = "User.emailUsed";
    /** {@link #USERNAME_TAKEN} and {@link #EMAIL_USED} for many values in one statement (PostgreSQL only). */
    public static final String USERNAMES_TAKEN = "User.usernamesTaken";
    public static final String EMAILS_USED = "User.emailsUsed";
    public static final String MOVE_SUBTREE = "User.moveSubtree";
    /** How deep a management chain may go; keeps {@code mgmt_path} within its column. */
    public static final int MAX_DEPTH = 48;
    /** The end of time for {@code listed_from} and {@code listed_until} (a NOT NULL column needs a value). */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    /** Separates the ids in {@code bot_tasks}; an id holds no control character. */
    public static final String SEPARATOR = "\u001f";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String username;
    @Column(name = "username_lc")
    private String usernameLc;
    private String email;
    @Column(name = "email_lc")
    private String emailLc;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "first_name_lc")
    private String firstNameLc;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "last_name_lc")
    private String lastNameLc;
    @Column(name = "time_zone")
    private String timeZone;
    private String country;
    @Column(name = "zip_code")
    private String zipCode;
    private String avatar;
    private String gender;
    @Column(name = "birth_year")
    private Integer birthYear;
    private String hint;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private User manager;
    @Column(name = "mgmt_path")
    private String mgmtPath;
    @Enumerated(EnumType.STRING)
    private UserStatus status;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "tokens_not_before")
    private Instant tokensNotBefore;
    /** When the user last signed in with its password at the token endpoint. */
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;
    /** The identity provider the user signs in through, if any (the directory's; Roster does not federate). */
    @Column(name = "identity_provider_id")
    private String identityProviderId;
    @Column(name = "org_user_id")
    private String orgUserId;
    @Column(name = "company_name")
    private String companyName;
    private String dept;
    @Column(name = "company_contact_phone")
    private String companyContactPhone;
    private String worknumber;
    private String street;
    @Column(name = "suite_no")
    private String suiteNo;
    private String city;
    private String zip;
    private String state;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "nick_name")
    private String nickName;
    @Column(name = "middle_name")
    private String middleName;
    @Column(name = "honorific_prefix")
    private String honorificPrefix;
    @Column(name = "honorific_suffix")
    private String honorificSuffix;
    private String title;
    @Column(name = "user_type")
    private String userType;
    @Column(name = "preferred_language")
    private String preferredLanguage;
    private String locale;
    @Column(name = "employee_number")
    private String employeeNumber;
    @Column(name = "cost_center")
    private String costCenter;
    private String division;
    private String mobile;
    private String fax;
    @Column(name = "can_create_bot")
    private Boolean canCreateBot;
    @Column(name = "is_developer")
    private Boolean isDeveloper;
    /** The ids of {@link #botTasks()}, separated by {@link #SEPARATOR}. */
    @Column(name = "bot_tasks")
    private String botTasks;
    /**
     * The current or next interval in which the user is in the active list; both {@link #NEVER} while it is not
     * listed. {@code listedWindows} holds every interval when there are several, and {@code relistAt} is when the
     * stored one ends and the next must take its place.
     */
    @Column(name = "listed_from")
    private Instant listedFrom;
    @Column(name = "listed_until")
    private Instant listedUntil;
    @Column(name = "listed_windows")
    private String listedWindows;
    @Column(name = "relist_at")
    private Instant relistAt;
    /**
     * Whether a key was ever issued to the user, and whether it ever joined a group or organization: while false, its
     * representation needs no query of keys or memberships. Each turns true with the first and stays true. Written
     * with the row when it is inserted, and after that only in place ({@code Users.keyIssued},
     * {@code Users.containerJoined}), which leaves the version alone: the first key or membership neither moves the
     * user's ETag nor collides with a concurrent change of the user.
     */
    @Column(name = "keys_issued", updatable = false)
    private boolean keysIssued;
    @Column(name = "containers_joined", updatable = false)
    private boolean containersJoined;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected User() {
    }

    public User(String tenantId, String username, String email) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.username = username;
        this.usernameLc = lower(username);
        this.status = UserStatus.ACTIVE;
        this.mgmtPath = "/" + id + "/";
        this.listedFrom = NEVER;
        this.listedUntil = NEVER;
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
        changeEmail(email);
    }

    public static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public void changeEmail(String email) {
        this.email = email;
        this.emailLc = lower(email);
    }

    public void changeFirstName(String firstName) {
        this.firstName = firstName;
        this.firstNameLc = lower(firstName);
    }

    public void changeLastName(String lastName) {
        this.lastName = lastName;
        this.lastNameLc = lower(lastName);
    }

    public void changeTimeZone(String timeZone) { this.timeZone = timeZone; }
    public void changeCountry(String country) { this.country = country; }
    public void changeZipCode(String zipCode) { this.zipCode = zipCode; }
    public void changeAvatar(String avatar) { this.avatar = avatar; }
    public void changeGender(String gender) { this.gender = gender; }
    public void changeBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public void changeHint(String hint) { this.hint = hint; }
    public void changeCanCreateBot(Boolean canCreateBot) { this.canCreateBot = canCreateBot; }
    public void changeIsDeveloper(Boolean isDeveloper) { this.isDeveloper = isDeveloper; }

    public void changeBotTasks(List<String> ids) {
        this.botTasks = ids == null || ids.isEmpty() ? null : String.join(SEPARATOR, ids);
    }

    public void changeAttribute(Attribute attribute, String value) {
        switch (attribute) {
            case ORG_USER_ID -> orgUserId = value;
            case COMPANY_NAME -> companyName = value;
            case DEPT -> dept = value;
            case COMPANY_CONTACT_PHONE -> companyContactPhone = value;
            case WORKNUMBER -> worknumber = value;
            case STREET -> street = value;
            case SUITE_NO -> suiteNo = value;
            case CITY -> city = value;
            case ZIP -> zip = value;
            case STATE -> state = value;
            case EXTERNAL_ID -> externalId = value;
            case DISPLAY_NAME -> displayName = value;
            case NICK_NAME -> nickName = value;
            case MIDDLE_NAME -> middleName = value;
            case HONORIFIC_PREFIX -> honorificPrefix = value;
            case HONORIFIC_SUFFIX -> honorificSuffix = value;
            case TITLE -> title = value;
            case USER_TYPE -> userType = value;
            case PREFERRED_LANGUAGE -> preferredLanguage = value;
            case LOCALE -> locale = value;
            case EMPLOYEE_NUMBER -> employeeNumber = value;
            case COST_CENTER -> costCenter = value;
            case DIVISION -> division = value;
            case MOBILE -> mobile = value;
            case FAX -> fax = value;
        }
    }

    public String attribute(Attribute attribute) {
        return switch (attribute) {
            case ORG_USER_ID -> orgUserId;
            case COMPANY_NAME -> companyName;
            case DEPT -> dept;
            case COMPANY_CONTACT_PHONE -> companyContactPhone;
            case WORKNUMBER -> worknumber;
            case STREET -> street;
            case SUITE_NO -> suiteNo;
            case CITY -> city;
            case ZIP -> zip;
            case STATE -> state;
            case EXTERNAL_ID -> externalId;
            case DISPLAY_NAME -> displayName;
            case NICK_NAME -> nickName;
            case MIDDLE_NAME -> middleName;
            case HONORIFIC_PREFIX -> honorificPrefix;
            case HONORIFIC_SUFFIX -> honorificSuffix;
            case TITLE -> title;
            case USER_TYPE -> userType;
            case PREFERRED_LANGUAGE -> preferredLanguage;
            case LOCALE -> locale;
            case EMPLOYEE_NUMBER -> employeeNumber;
            case COST_CENTER -> costCenter;
            case DIVISION -> division;
            case MOBILE -> mobile;
            case FAX -> fax;
        };
    }
    public void bindIdentityProvider(String providerId) { this.identityProviderId = providerId; touch(); }
    public void changePasswordHash(String passwordHash) { this.passwordHash = passwordHash; }

    /** Sets the manager and this user's own path; the caller moves the subtree below it. */
    public void reportTo(User manager) {
        this.manager = manager;
        this.mgmtPath = (manager == null ? "/" : manager.mgmtPath) + id + "/";
    }

    public void changeStatus(UserStatus status) {
        this.status = status;
    }

    /** Tokens issued before now stop working (de-provisioning, suspension). */
    public void revokeTokens() {
        this.tokensNotBefore = Clock.now();
    }

    /** Records the window in which the user is listed as active (see {@code user.control.Listing}). */
    /**
     * Lists the user in {@code windows} (sorted, disjoint, none ending by {@code now}): the first is stored as the
     * current or next one, and the rest are kept for when it ends.
     */
    public void list(List<Interval> windows, Instant now) {
        List<Interval> ahead = windows.stream().filter(w -> w.until().isAfter(now)).toList();
        if (ahead.isEmpty()) {
            this.listedFrom = NEVER;
            this.listedUntil = NEVER;
            this.relistAt = null;
            this.listedWindows = null;
            return;
        }
        this.listedFrom = ahead.get(0).from();
        this.listedUntil = ahead.get(0).until();
        this.relistAt = ahead.size() > 1 ? ahead.get(0).until() : null;
        this.listedWindows = ahead.size() > 1 ? Interval.encode(ahead) : null;
    }

    /** Every interval the user is listed in, as last stored. */
    public List<Interval> listedWindows() {
        if (listedWindows != null) {
            return Interval.decode(listedWindows);
        }
        return listedFrom.isBefore(listedUntil) ? List.of(new Interval(listedFrom, listedUntil)) : List.of();
    }

    public void touch() {
        this.updatedAt = Clock.now();
    }

    /** Notes in memory that a key was issued to the user: written with the row if it is yet to be inserted. */
    public void keyIssued() {
        keysIssued = true;
    }

    /** Notes in memory that the user joined a group or organization: written with a row yet to be inserted. */
    public void containerJoined() {
        containersJoined = true;
    }

    /** False when no key was ever issued to the user, so it has none. */
    public boolean keysIssued() { return keysIssued; }

    /** False when the user never joined a group or organization, so it belongs to none. */
    public boolean containersJoined() { return containersJoined; }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String username() { return username; }
    public String email() { return email; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String timeZone() { return timeZone; }
    public String country() { return country; }
    public String zipCode() { return zipCode; }
    public String avatar() { return avatar; }
    public String gender() { return gender; }
    public Integer birthYear() { return birthYear; }
    public String hint() { return hint; }
    public String identityProviderId() { return identityProviderId; }
    public Boolean canCreateBot() { return canCreateBot; }
    public Boolean isDeveloper() { return isDeveloper; }

    /** The agents assigned to the user (Kore.ai's {@code assignBotTasks}), in the order given. */
    public List<String> botTasks() {
        return botTasks == null ? List.of() : List.of(botTasks.split(SEPARATOR));
    }
    public Instant lastSignInAt() { return lastSignInAt; }

    /** Whether the user can sign in at {@code now}: ACTIVE, and inside a window of an effective privilege. */
    public boolean accessibleAt(Instant now) {
        return status == UserStatus.ACTIVE
                && listedWindows().stream().anyMatch(w -> !now.isBefore(w.from()) && now.isBefore(w.until()));
    }
    public User manager() { return manager; }
    public String mgmtPath() { return mgmtPath; }
    public UserStatus status() { return status; }
    public String passwordHash() { return passwordHash; }
    public Instant tokensNotBefore() { return tokensNotBefore; }
    public String usernameLc() { return usernameLc; }

    public Instant listedFrom() { return listedFrom; }
    public Instant listedUntil() { return listedUntil; }
    public Instant relistAt() { return relistAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }

    public int depth() {
        return (int) mgmtPath.chars().filter(c -> c == '/').count() - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User user && Objects.equals(id, user.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
