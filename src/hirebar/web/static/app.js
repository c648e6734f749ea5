// hirebar's only script: the answer timer, dictation where the browser has it,
// and the seconds field. Loaded from a file so the CSP can forbid inline script.
(function () {
  "use strict";

  function startTimer() {
    var box = document.getElementById("timer");
    var clock = document.getElementById("clock");
    var seconds = document.getElementById("seconds");
    if (!box || !clock) return;
    var budget = parseInt(box.dataset.seconds, 10) || 0;
    var started = Date.now();
    function tick() {
      var used = Math.floor((Date.now() - started) / 1000);
      var left = budget - used;
      var shown = Math.abs(left);
      var text = Math.floor(shown / 60) + ":" + String(shown % 60).padStart(2, "0");
      clock.textContent = left < 0 ? "+" + text + " over" : text;
      box.classList.toggle("over", left < 0);
      if (seconds) seconds.value = String(used);
    }
    tick();
    setInterval(tick, 1000);
  }

  function startDictation() {
    var button = document.getElementById("dictate");
    var box = document.getElementById("answer");
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    if (!button || !box || !Recognition) return; // no speech API: the button stays hidden
    button.hidden = false;
    var recognizer = null;
    button.addEventListener("click", function () {
      if (recognizer) { recognizer.stop(); return; }
      recognizer = new Recognition();
      recognizer.continuous = true;
      recognizer.interimResults = false;
      recognizer.onresult = function (event) {
        for (var i = event.resultIndex; i < event.results.length; i++) {
          if (event.results[i].isFinal) {
            box.value += (box.value && !/\s$/.test(box.value) ? " " : "") + event.results[i][0].transcript;
            box.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }
      };
      recognizer.onend = function () { recognizer = null; button.setAttribute("aria-pressed", "false"); };
      button.setAttribute("aria-pressed", "true");
      recognizer.start();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    startTimer();
    startDictation();
  });
})();
