// Swagger UI over the description the gateway publishes. A file of its own: the page allows no inline script.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    // No badge fetched from an outside validator: the page talks to this gateway only.
    validatorUrl: null
  });
});
