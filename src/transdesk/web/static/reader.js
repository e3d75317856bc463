// Report a sentence: click (or select text in) a sentence, pick what is wrong, send.
// The dialog is a plain form; without fetch it is simply submitted to the no-JS endpoint.
(function () {
  "use strict";
  var article = document.querySelector("article[data-slug]");
  var dialog = document.getElementById("report");
  if (!article || !dialog || typeof dialog.showModal !== "function") return;
  document.documentElement.classList.add("js");
  var form = document.getElementById("report-form");
  var quoted = document.getElementById("report-sentence");
  var status = form.querySelector(".status");
  var slug = article.getAttribute("data-slug");
  var chosen = null;

  function open(span) {
    if (chosen) chosen.classList.remove("chosen");
    chosen = span;
    span.classList.add("chosen");
    quoted.textContent = span.textContent;
    form.elements.segment.value = span.getAttribute("data-segment");
    status.textContent = "";
    status.classList.remove("thanks");
    form.querySelector("button[type=submit]").disabled = false;
    dialog.showModal();
  }

  function sentenceAt(node) {
    while (node && node !== article) {
      if (node.nodeType === 1 && node.classList.contains("s")) return node;
      node = node.parentNode;
    }
    return null;
  }

  article.addEventListener("click", function (event) {
    if (event.target.closest("a")) return;
    var selection = window.getSelection();
    var span = sentenceAt(selection && !selection.isCollapsed ? selection.anchorNode : event.target);
    if (span) open(span);
  });

  document.getElementById("report-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { if (chosen) chosen.classList.remove("chosen"); });

  form.addEventListener("submit", function (event) {
    if (!window.fetch) return;  // the browser posts the form itself
    event.preventDefault();
    var data = {
      segment: form.elements.segment.value,
      kind: form.elements.kind.value,
      suggestion: form.elements.suggestion.value || null,
      email: form.elements.email.value || null,
      website: form.elements.website.value || null
    };
    form.querySelector("button[type=submit]").disabled = true;
    status.textContent = "Sending…";
    fetch("/api/articles/" + encodeURIComponent(slug) + "/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data)
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) {
        // the thank-you stays until the reader closes the dialog
        status.textContent = "Thank you. Your report has reached our editors, who will review it.";
        status.classList.add("thanks");
        form.elements.suggestion.value = "";
        document.getElementById("report-close").focus();
      } else {
        status.textContent = result.body.message || "The report could not be sent.";
        form.querySelector("button[type=submit]").disabled = false;
      }
    }).catch(function () {
      status.textContent = "The report could not be sent. Please try again.";
      form.querySelector("button[type=submit]").disabled = false;
    });
  });
})();
