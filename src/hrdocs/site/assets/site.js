/* hrdocs site: the copy buttons of "Cite this". Everything else works without JavaScript. */
(function () {
  "use strict";
  function copied(button, ok) {
    var status = button.parentNode.querySelector(".copy-status");
    if (status) status.textContent = ok ? "Copied." : "Select the text and copy it.";
  }
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); }, function () {
        copied(button, false);
      });
    } else {
      copied(button, false);
    }
  });
})();
