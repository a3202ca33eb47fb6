/* The project search (portal/project_list.html), on top of htmx:
   - a changed filter (a facet, a date, an amount, the order) asks for new results; the text box
     has its own trigger as one types, so leaving it does not send the same search again;
   - empty fields are left out of the request, so the address that htmx puts in the location
     bar holds only the search itself and stays short enough to share. */
(function () {
  "use strict";

  function searchForm() {
    return document.getElementById("project-search");
  }

  document.addEventListener("change", function (event) {
    var form = searchForm();
    if (!form || !form.contains(event.target) || event.target.id === "id_q") {
      return;
    }
    window.htmx.trigger(form, "filters-changed");
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var form = searchForm();
    var data = event.detail.formData;
    if (!form || !data || !form.contains(event.detail.elt)) {
      return;
    }
    var empty = [];
    data.forEach(function (value, key) {
      if (value === "" && data.getAll(key).every(function (v) { return v === ""; })) {
        empty.push(key);
      }
    });
    empty.forEach(function (key) { data.delete(key); });
  });
})();
