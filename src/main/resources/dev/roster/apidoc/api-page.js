// Roster's API page: Swagger UI on this Roster's own document. "Authorize" takes a bearer token from
// POST /api/v1/provisioning/token, a username and password (Basic), or an API key (x-app-token); "Try it out"
// sends the request to this same Roster.
window.ui = SwaggerUIBundle({
    url: "/openapi?format=json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
    displayRequestDuration: true,
    validatorUrl: null
});
