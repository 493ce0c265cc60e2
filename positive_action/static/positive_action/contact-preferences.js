// The "good time to call" question is shown only while a phone call or WhatsApp is the chosen contact
// method. Without this script it is always shown, with a hint saying when to answer it, and the server
// ignores an answer given for another method.
(function () {
  "use strict";
  var question = document.querySelector("[data-callback-question]");
  if (!question) {
    return;
  }
  var form = question.closest("form");
  var callMethods = (question.getAttribute("data-call-methods") || "").split(" ");

  function update() {
    var chosen = form.querySelector('input[name="preferred_contact"]:checked');
    question.hidden = !(chosen && callMethods.indexOf(chosen.value) !== -1);
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "preferred_contact") {
      update();
    }
  });
  update();
})();
