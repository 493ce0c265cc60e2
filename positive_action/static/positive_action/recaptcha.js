// reCAPTCHA v3: fetch a token just before the form is sent and put it in the hidden field.
// Without JavaScript the form still works; the server then stores the submission for spam review.
(function () {
  "use strict";
  var form = document.querySelector("form[data-recaptcha-site-key]");
  if (!form) { return; }
  var siteKey = form.getAttribute("data-recaptcha-site-key");
  var action = form.getAttribute("data-recaptcha-action") || "submit";
  var field = form.querySelector("input[name='g-recaptcha-response']");
  var script = document.createElement("script");
  script.src = "https://www.google.com/recaptcha/api.js?render=" + encodeURIComponent(siteKey);
  script.async = true;
  document.head.appendChild(script);
  var ready = false;
  form.addEventListener("submit", function (event) {
    if (ready || !window.grecaptcha || !field) { return; }
    event.preventDefault();
    window.grecaptcha.ready(function () {
      window.grecaptcha.execute(siteKey, { action: action }).then(function (token) {
        field.value = token;
      }).finally(function () {
        ready = true;
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  });
})();
