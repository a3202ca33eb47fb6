/* The application forms: keep each field's aria-invalid and error style in step with its error
   slot after an autosave has refreshed the slots, and hide the cost lines a flat rate covers.
   No inline script anywhere (the CSP forbids it); htmx does the requests. */
(function () {
  "use strict";

  function syncErrors(root) {
    var slots = (root || document).querySelectorAll(".application-form .field-error[id$='-error']");
    slots.forEach(function (slot) {
      var hasError = slot.textContent.trim() !== "";
      var selector = "[aria-describedby~='" + slot.id + "']";
      document.querySelectorAll(selector).forEach(function (input) {
        if (hasError) {
          input.setAttribute("aria-invalid", "true");
        } else {
          input.removeAttribute("aria-invalid");
        }
      });
      var wrapper = slot.closest(".field");
      if (wrapper) {
        wrapper.classList.toggle("has-error", hasError);
      }
    });
  }

  function syncCostModel(form) {
    var chosen = form.querySelector("input[name='cost_model']:checked");
    if (!chosen) {
      return;
    }
    form.querySelectorAll("[data-hidden-under]").forEach(function (block) {
      var covered = block.getAttribute("data-hidden-under").split(" ").indexOf(chosen.value) !== -1;
      block.hidden = covered;
      // disabled fields are not sent, so the covered cost lines are not saved either
      block.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = covered;
      });
    });
    form.querySelectorAll("[data-shown-under]").forEach(function (block) {
      block.hidden = block.getAttribute("data-shown-under").split(" ").indexOf(chosen.value) === -1;
    });
  }

  document.addEventListener("htmx:afterSettle", function () {
    syncErrors(document);
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.name === "cost_model" && target.form) {
      syncCostModel(target.form);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.section-costs").forEach(syncCostModel);
  });
})();
