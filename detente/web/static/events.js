// The events page: choosing a value in a menu applies the filters at once.
(function () {
  "use strict";
  const form = document.getElementById("event-filters");
  form.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => form.submit()));
})();
