// Names for two stock admin widgets that Django 6.1 leaves without one (axe, WCAG 4.1.2).
// - The autocomplete selects (select2) are labelled only by their current value, which is
//   empty until something is chosen: they are labelled by the field's label as well.
// - The filter boxes of the two-column selectors carry their hint as aria-label on a bare
//   span, which has no role to take a name: it becomes an image with that description.
// Both widgets are built after the page has loaded, new inline rows later still.
"use strict";
(function () {
  function labelAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete[id]").forEach(function (select) {
      const label = document.querySelector('label[for="' + select.id + '"]');
      const container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) return;
      label.id = label.id || select.id + "-label";
      const selection = container.querySelector(".select2-selection");
      const rendered = container.querySelector(".select2-selection__rendered");
      if (rendered) {
        rendered.setAttribute("aria-labelledby", label.id);
      }
      if (selection && rendered && rendered.id) {
        selection.setAttribute("aria-labelledby", label.id + " " + rendered.id);
      }
    });
  }

  function nameFilterHints(root) {
    root.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (hint) {
      hint.setAttribute("role", "img");
    });
  }

  function fix(root) {
    labelAutocompletes(root);
    nameFilterHints(root);
  }

  window.addEventListener("load", function () {
    setTimeout(function () { fix(document); }, 0);  // after the widgets' own load handlers
  });
  document.addEventListener("formset:added", function (event) {
    setTimeout(function () { fix(event.target); }, 0);
  });
})();
