// The editors' desk: textareas grow to show all of their text.
(function () {
  "use strict";
  function fit(area) {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }
  var areas = document.querySelectorAll("textarea.autosize");
  areas.forEach(function (area) {
    fit(area);
    area.addEventListener("input", function () { fit(area); });
  });
  window.addEventListener("resize", function () { areas.forEach(fit); });
})();
