package dev.roster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromium-driver, against the shared Roster. Each test signs in to a tenant of its own and waits on the page's
 * state (the main container's {@code aria-busy}, elements appearing), never for a fixed time. Screenshots of the
 * main pages go to {@code target/console/} (copied to {@code docs/console/} for the README).
 */
class ConsoleIT extends RosterIT {

    static final Path SHOTS = Path.of("target/console");

    ChromeDriver browser;
    WebDriverWait wait;
    String tenant;
    String admin;

    @BeforeAll
    static void screenshots() throws IOException {
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void browserAndTenant() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options); // quitting it stops its driver too
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        tenant = api.newTenant();
        admin = api.member(tenant, "admin", "ADMINISTRATOR", null);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    WebElement byTestId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    /** Waits until the page has loaded what it shows. */
    void idle() {
        wait.until(d -> "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy")));
    }

    void open(String hash) {
        browser.get(base.toString() + "#/" + hash);
        idle();
    }

    void signIn(String tenantLabel, String username, String password) {
        browser.get(base.toString());
        idle();
        type("signin", "tenant", tenantLabel == null ? "" : tenantLabel);
        type("signin", "username", username);
        type("signin", "password", password);
        byTestId("signin-submit").click();
        byTestId("signed-in-as");
        idle();
    }

    void type(String form, String field, String text) {
        WebElement input = byTestId(form).findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    void shot(String name) throws IOException {
        if (!name.equals("user")) {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        }
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    List<String> column(String table, int index) {
        return browser.findElements(By.cssSelector("[data-testid=\"" + table + "-row\"] td:nth-child(" + index + ")"))
                .stream().map(WebElement::getText).toList();
    }

    @Test
    void anAdministratorSignsInCreatesAUserAndGrantsItAPrivilege() throws IOException {
        signIn(tenant, "admin", Api.PASSWORD);
        assertEquals("admin @ " + tenant, byTestId("signed-in-as").getText());
        type("new-user", "username", "ada");
        type("new-user", "email", "ada@example.com");
        type("new-user", "firstName", "Ada");
        type("new-user", "lastName", "Lovelace");
        byTestId("new-user-submit").click();
        wait.until(ExpectedConditions.urlContains("#/user/ada"));
        idle();
        assertTrue(byTestId("privileges-empty").isDisplayed());
        new Select(byTestId("grant").findElement(By.name("role"))).selectByValue("TEAM_LEADER");
        type("grant", "scope", "desk-app");
        byTestId("grant-submit").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(testId("privileges-row")));
        idle();
        assertEquals(List.of("Team Leader"), column("privileges", 1));
        assertEquals(List.of("desk-app"), column("privileges", 2));
        assertEquals("TEAM_LEADER", api.get("/api/v1/provisioning/users/ada").as(admin).send().expect(200).json()
                .getJsonArray("tenantUserPrivileges").getJsonObject(0).getString("role"), "the console wrote it");

        type("new-key-form", "name", "HR sync");
        byTestId("new-key-form-submit").click();
        String secret = byTestId("api-key-secret").getText();
        assertFalse(secret.isBlank(), "the new key's secret is shown once");
        JsonObject key = api.get("/api/v1/provisioning/users/ada/api-keys").as(admin).send().expect(200).content()
                .get(0);
        assertEquals("HR sync", key.getString("name"));
        assertTrue(secret.startsWith(key.getString("prefix")), "the secret shown is that key's");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("api-keys"), "HR sync"));
        shot("user");
        browser.navigate().refresh();
        idle();
        assertTrue(browser.findElements(testId("api-key-secret")).isEmpty(), "and never again");
    }

    @Test
    void theUserListIsSearchedAndPagedOnTheServer() throws IOException {
        for (int i = 0; i < 45; i++) {
            api.putUser(tenant, String.format("pupil%02d", i), "{\"email\":\"pupil" + i + "@example.com\","
                    + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        }
        signIn(tenant, "admin", Api.PASSWORD);
        type("user-search", "q", "pupil");
        byTestId("user-search-submit").click();
        wait.until(ExpectedConditions.urlContains("q=pupil"));
        idle();
        assertEquals("Page 1 of 3 (45 in all)", byTestId("users-pager-position").getText());
        assertEquals(20, column("users", 1).size());
        assertEquals("pupil00", column("users", 1).get(0));
        shot("users");
        byTestId("users-pager-next").click();
        wait.until(ExpectedConditions.textToBe(testId("users-pager-position"), "Page 2 of 3 (45 in all)"));
        idle();
        assertEquals("pupil20", column("users", 1).get(0));

        browser.manage().window().setSize(new Dimension(390, 844)); // a phone's width
        idle();
        assertTrue(byTestId("users").isDisplayed());
        shot("users-phone");

        for (int i = 45; i < 110; i++) { // past 100 matches in a column the total is a lower bound, and says so
            api.putUser(tenant, String.format("pupil%03d", i), "{\"email\":\"pupil" + i + "@example.com\","
                    + "\"tenantUserPrivileges\":[{\"role\":\"USER\"}]}").expect(201);
        }
        browser.navigate().refresh();
        idle();
        String position = byTestId("users-pager-position").getText();
        assertTrue(position.matches("Page 2 of at least \\d+ \\(at least \\d+\\)"), position);
    }

    @Test
    void anInvitationIsSentAndListedWithItsStatus() throws IOException {
        api.put("/api/v1/tenants/" + tenant + "/services/invitations").as(api.operator()).json("{\"enabled\": true}")
                .send().expect(200);
        signIn(tenant, "admin", Api.PASSWORD);
        open("invitations");
        type("invite", "emails", "grace@example.com\nnot-an-address");
        byTestId("invite-submit").click();
        assertEquals("1 invited, 1 refused.", byTestId("invite-notice").getText());
        idle();
        assertEquals(List.of("grace@example.com"), column("invitations", 1));
        assertEquals(List.of("pending"), column("invitations", 2));
        shot("invitations");
    }

    @Test
    void aCsvImportRunsUntilItsProgressBarIsFull() throws IOException {
        api.put("/api/v1/tenants/" + tenant + "/services/bulk").as(api.operator()).json("{\"enabled\": true}")
                .send().expect(200);
        StringBuilder csv = new StringBuilder("username,email,firstName,roles\n");
        for (int i = 0; i < 40; i++) {
            csv.append("csv").append(i).append(",csv").append(i).append("@example.com,Row").append(i).append(",USER\n");
        }
        csv.append("broken,not-an-address,Bad,USER\n");
        Path file = Files.createTempFile("roster-import", ".csv");
        Files.writeString(file, csv);
        signIn(tenant, "admin", Api.PASSWORD);
        open("import");
        byTestId("import").findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        byTestId("import-submit").click();
        wait.until(d -> "succeeded".equals(d.findElement(testId("import-status")).getAttribute("data-state")));
        WebElement progress = byTestId("import-progress");
        assertEquals("41", progress.getAttribute("max"));
        assertEquals("41", progress.getAttribute("value"));
        assertTrue(byTestId("import-status").getText().contains("40 created or changed, 1 failed"));
        assertTrue(byTestId("download-failures").isDisplayed());
        shot("import");
        assertEquals(41, api.get("/api/v1/provisioning/users?size=1").as(admin).send().json()
                .getInt("totalElements"), "40 rows and the administrator");
    }

    @Test
    void aRefusedActionShowsTheApisMessageNextToTheField() {
        signIn(tenant, "admin", Api.PASSWORD);
        type("new-user", "username", "admin2");
        type("new-user", "email", "admin@example.com"); // the administrator's address
        byTestId("new-user-submit").click();
        WebElement alert = byTestId("new-user-error");
        assertTrue(alert.getText().contains("admin@example.com"), alert.getText());
        type("new-user", "email", "not-an-address");
        byTestId("new-user-submit").click();
        WebElement next = byTestId("error-email");
        assertTrue(next.getText().contains("e-mail"), next.getText());
        WebElement email = byTestId("new-user").findElement(By.name("email"));
        assertEquals("true", email.getAttribute("aria-invalid"));
        assertEquals(next.getAttribute("id"), email.getAttribute("aria-describedby"));
    }

    @Test
    void anExpiredTokenAsksForThePasswordWithoutLeavingThePage() {
        signIn(tenant, "admin", Api.PASSWORD);
        open("roles");
        type("new-role", "name", "Help Desk Agent");
        ((JavascriptExecutor) browser).executeScript("const s = JSON.parse(sessionStorage.getItem("
                + "'roster.console.session')); s.token = 'expired.' + s.token.split('.')[1] + '.x';"
                + "sessionStorage.setItem('roster.console.session', JSON.stringify(s));");
        byTestId("new-role-submit").click();
        WebElement again = byTestId("reauth");
        again.findElement(By.name("password")).sendKeys(Api.PASSWORD);
        again.findElement(testId("signin-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(testId("reauth")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("roles"), "Help Desk Agent"));
        assertTrue(browser.getCurrentUrl().endsWith("#/roles"), "still on the page");
    }

    @Test
    void theOperatorCreatesATenantSwitchesAServiceOnAndWorksInIt() throws IOException {
        signIn(null, Api.OPERATOR, Api.OPERATOR_PASSWORD);
        String label = "c-" + tenant.substring(2);
        type("new-tenant", "label", label);
        type("new-tenant", "name", "Console tenant");
        byTestId("new-tenant-submit").click();
        WebElement scim = byTestId("service-scim");
        assertFalse(scim.isSelected());
        scim.click();
        wait.until(d -> api.get("/api/v1/tenants/" + label + "/services").as(api.operator()).send().body()
                .matches("(?s).*\"id\":\"scim\"[^}]*\"enabled\":true.*"));
        shot("tenants");
        byTestId("work-in-" + label).click();
        wait.until(ExpectedConditions.textToBe(testId("acting-tenant"), "in " + label));
        idle();
        assertTrue(byTestId("page-users").isDisplayed());
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() throws IOException {
        api.member(tenant, "auditor", "INTERNAL_AUDITING", null);
        signIn(tenant, "auditor", Api.PASSWORD);
        assertTrue(browser.findElements(testId("new-user")).isEmpty(), "no form to create users");
        byTestId("user-link-admin").click();
        wait.until(ExpectedConditions.urlContains("#/user/admin"));
        idle();
        assertTrue(browser.findElements(testId("grant")).isEmpty(), "no form to grant");
        assertTrue(browser.findElements(testId("deprovision")).isEmpty());
        open("audit");
        assertFalse(column("events", 2).isEmpty(), "the audit log is readable");
        type("audit-filter", "action", "user.created");
        byTestId("audit-filter-submit").click();
        wait.until(ExpectedConditions.urlContains("action=user.created"));
        idle();
        assertEquals(List.of("user.created", "user.created"), column("events", 2), "the administrator and the auditor");
        shot("audit");
    }

    @Test
    void aTeamLeaderSeesItsReports() {
        api.member(tenant, "lead", "TEAM_LEADER", null);
        api.member(tenant, "report", "USER", "lead");
        api.member(tenant, "stranger", "USER", null);
        signIn(tenant, "lead", Api.PASSWORD);
        assertEquals(List.of("lead", "report"), column("users", 1));
        assertTrue(browser.findElements(testId("new-user")).isEmpty());
    }

    @Test
    void aProfileChangedMeanwhileIsNotOverwritten() {
        api.putUser(tenant, "bob", "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\"}").expect(201);
        signIn(tenant, "admin", Api.PASSWORD);
        open("user/bob");
        api.put("/api/v1/provisioning/users/bob").as(admin).json("{\"firstName\":\"Robert\"}").send().expect(200);
        type("profile", "firstName", "Bobby");
        byTestId("profile-submit").click();
        assertTrue(byTestId("profile-error").getText().contains("read the user again"),
                byTestId("profile-error").getText());
        assertEquals("Robert", api.get("/api/v1/provisioning/users/bob").as(admin).send().json()
                .getString("firstName"), "the other change stays");
    }

    @Test
    void theKeyboardAloneSignsInAndSignOutForgetsTheToken() {
        browser.get(base.toString());
        idle();
        type("signin", "tenant", tenant);
        type("signin", "username", "admin");
        byTestId("signin").findElement(By.name("password")).sendKeys(Api.PASSWORD, Keys.ENTER);
        byTestId("signed-in-as");
        byTestId("sign-out").sendKeys(Keys.ENTER);
        byTestId("signin");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('roster.console.session')"));
    }
}
