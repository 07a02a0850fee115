// The article page: bring the opened event's evidence into view; pointing at an event in the
// side list outlines its sentence in the text.
(function () {
  "use strict";
  const focused = document.querySelector(".mk-focus");
  if (focused) focused.scrollIntoView({ block: "center" });
  document.querySelectorAll(".side-events li[data-event-id]").forEach((item) => {
    const target = document.getElementById("ev-" + item.dataset.eventId);
    if (!target) return;
    item.addEventListener("mouseenter", () => target.classList.add("pointed"));
    item.addEventListener("mouseleave", () => target.classList.remove("pointed"));
  });
})();
