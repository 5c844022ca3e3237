// The API reference (Swagger UI, bundled at build time) over /openapi.json.
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
