// hirebar's only script: the answer timer, dictation where the browser has it, the
// seconds field, draft autosave, a question before a form that deletes, one send per form,
// library filters after Back, word of a failed HTMX request, and times in the reader's own
// time zone.
// Loaded from a file so the CSP can forbid inline script.
(function () {
  "use strict";

  function startTimer() {
    var box = document.getElementById("timer");
    var clock = document.getElementById("clock");
    var seconds = document.getElementById("seconds");
    if (!box || !clock) return;
    var budget = parseInt(box.dataset.seconds, 10) || 0;
    // The clock survives a reload of the page (not a new visit): it is kept per tab.
    var key = "hirebar-timer:" + (box.dataset.key || location.pathname);
    var started = parseInt(sessionStorage.getItem(key), 10) || Date.now();
    sessionStorage.setItem(key, String(started));
    var form = document.getElementById("answer-form");
    if (form) form.addEventListener("submit", function () { sessionStorage.removeItem(key); });
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
            box.dispatchEvent(new Event("input", { bubbles: true }));
          }
        }
      };
      recognizer.onerror = function (event) {
        var status = document.getElementById("draft-status");
        if (status) status.textContent = "Dictation stopped (" + event.error + "): type instead";
      };
      recognizer.onend = function () { recognizer = null; button.setAttribute("aria-pressed", "false"); };
      button.setAttribute("aria-pressed", "true");
      recognizer.start();
    });
  }

  // Save each box that has a data-draft-url to the server 1.5 s after typing pauses, at
  // least every 5 s while typing goes on, when the box loses focus and when the page goes
  // away (a reload, a link, a closed tab): a reload or a crash loses almost nothing. The
  // answer box reports in #draft-status, other boxes just below.
  function autosaveAll() {
    var token = document.querySelector("input[name=csrf_token]");
    if (!token) return;
    document.querySelectorAll("[data-draft-url]").forEach(function (box) {
      var status = box.id === "answer" ? document.getElementById("draft-status") : null;
      if (!status) {
        status = document.createElement("span");
        status.className = "muted draft-status";
        status.setAttribute("aria-live", "polite");
        box.insertAdjacentElement("afterend", status);
      }
      autosave(box, status, token, savesOf(box.form));
    });
  }

  // Clicking a submit button blurs the box, which saves it. The form is sent once the saves
  // under way are done, so that none lands after it and brings the sent text back as a
  // draft. (HTMX sends its forms itself.)
  var formSaves = new WeakMap();
  function savesOf(form) {
    if (!form || form.hasAttribute("hx-post")) return null;
    if (formSaves.has(form)) return formSaves.get(form);
    var pending = new Set();
    formSaves.set(form, pending);
    form.addEventListener("submit", function (event) {
      if (!pending.size || form.dataset.sent) return;
      event.preventDefault();
      Promise.all(Array.from(pending)).then(function () {
        // the form's own submit(): a button with id "submit" shadows form.submit
        HTMLFormElement.prototype.submit.call(form);
      });
    });
    return pending;
  }

  // A copy of unsaved typing kept in the tab. The save sent as a reload starts reaches the
  // app only after the new page was made, so the new page takes the text from the copy;
  // only if the app still holds what it held when the copy was made, so a draft saved
  // since (in another tab) or spent by sending the form is never overwritten.
  function tabCopy(box) {
    var key = "hirebar-draft:" + box.dataset.draftUrl;
    return {
      keep: function (onServer) {
        try {
          sessionStorage.setItem(key, JSON.stringify({ onServer: onServer, text: box.value }));
        } catch (error) { /* storage full or turned off: the saves to the app still run */ }
      },
      forget: function () { sessionStorage.removeItem(key); },
      // the kept text if it should go back in the box, else null (and the copy goes)
      take: function () {
        var copy = null;
        try { copy = JSON.parse(sessionStorage.getItem(key)); } catch (error) { copy = null; }
        if (copy && copy.onServer === box.value && copy.text !== box.value) return copy.text;
        sessionStorage.removeItem(key);
        return null;
      },
    };
  }

  function autosave(box, status, token, pending) {
    var timer = null, firstUnsaved = null, edits = 0;
    var copy = tabCopy(box), onServer = box.value;
    function save(leaving) {
      clearTimeout(timer);
      timer = null;
      firstUnsaved = null;
      var version = edits, text = box.value;
      // keepalive: the request outlives the page (browsers cap such bodies at 64 kB; a
      // longer text relies on the saves made while typing, and on the tab's copy)
      var request = fetch(box.dataset.draftUrl, {
        method: "POST",
        headers: { "X-CSRF-Token": token.value },
        body: new URLSearchParams({ answer: text }),
        keepalive: leaving === true,
      }).then(function (response) {
        if (!response.ok) {
          status.textContent = "Draft not saved (" + response.status + "): keep this tab open";
          return;
        }
        onServer = text;
        if (version === edits) {
          status.textContent = "Draft saved";
          copy.forget();
        } else {
          copy.keep(onServer);  // typed since: the copy now goes back only over this save
        }
      }).catch(function () {
        status.textContent = "Offline: draft not saved yet";
      });
      if (pending) {
        pending.add(request);
        request.then(function () { pending.delete(request); });
      }
    }
    function edited() {
      edits += 1;
      copy.keep(onServer);
      status.textContent = "Unsaved changes";
      if (firstUnsaved === null) firstUnsaved = Date.now();
      clearTimeout(timer);
      timer = setTimeout(save, Math.max(0, Math.min(1500, 5000 - (Date.now() - firstUnsaved))));
    }
    if (box.form) {  // what is sent is not a draft any more: no save after it
      box.form.addEventListener("submit", function () {
        clearTimeout(timer);
        timer = null;
        copy.forget();
      });
    }
    box.addEventListener("input", edited);
    box.addEventListener("blur", function () { if (timer !== null) save(); });
    function saveOnLeaving() { if (timer !== null) save(true); }
    window.addEventListener("pagehide", saveOnLeaving);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") saveOnLeaving();
    });
    var kept = copy.take();
    if (kept !== null) {  // typed just before a reload: back in the box, and saved again
      box.value = kept;
      edited();
    }
  }

  // A request HTMX sends (the follow-up reply) that fails says so where its answer would
  // have gone; the text typed stays in its box.
  function reportFailedRequests() {
    function show(event, text) {
      var target = event.detail.target;
      if (!target) return;
      var note = document.createElement("p");
      note.className = "alert";
      note.setAttribute("role", "alert");
      note.textContent = text;
      target.replaceChildren(note);
    }
    document.body.addEventListener("htmx:responseError", function (event) {
      show(event, "Not graded: the app answered " + event.detail.xhr.status + ". Your reply is still in the box; try again.");
    });
    document.body.addEventListener("htmx:sendError", function (event) {
      show(event, "Not sent: the app cannot be reached. Your reply is still in the box; try again.");
    });
  }

  // A second click on a button that posts a form (a double click on "Start the loop")
  // would send it twice: two loops, two attempts. The first one goes; the rest wait for
  // the answer. A page brought back with the Back button posts again. A form marked
  // data-resend changes nothing on the server (a file graded and sent back as a download,
  // which leaves the page in place), so it may go as often as it is sent.
  // A form that deletes something asks first (its data-confirm says what goes).
  function confirmFirst() {
    document.addEventListener("submit", function (event) {
      var question = event.target.dataset && event.target.dataset.confirm;
      if (question && !window.confirm(question)) event.preventDefault();
    });
  }

  function sendFormsOnce() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented) return;
      if ((form.method || "").toLowerCase() !== "post" || form.hasAttribute("hx-post")) return;
      if (form.hasAttribute("data-resend")) return;
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
    });
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      document.querySelectorAll("form[data-sent]").forEach(function (form) {
        delete form.dataset.sent;
      });
    });
  }

  // HTMX restores a page from its history snapshot, which keeps the HTML but not what
  // was typed or picked in the filter boxes; the address holds the filters, so they are
  // set from it.
  function restoreFilters() {
    document.body.addEventListener("htmx:historyRestore", function () {
      var params = new URLSearchParams(window.location.search);
      document.querySelectorAll("form.filters [name]").forEach(function (field) {
        field.value = params.get(field.name) || "";
      });
    });
  }

  // Times come from the server in UTC, said so; the reader sees them in their own zone,
  // with the UTC time kept in the tooltip.
  function localTimes(root) {
    function two(n) { return String(n).padStart(2, "0"); }
    root.querySelectorAll("time[datetime]").forEach(function (node) {
      var at = new Date(node.getAttribute("datetime"));
      if (isNaN(at.getTime()) || node.dataset.local) return;
      var day = at.getFullYear() + "-" + two(at.getMonth() + 1) + "-" + two(at.getDate());
      node.title = node.textContent + (node.hasAttribute("data-day") ? " (UTC)" : "");
      node.textContent = node.hasAttribute("data-day")
        ? day
        : day + " " + two(at.getHours()) + ":" + two(at.getMinutes());
      node.dataset.local = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    document.body.addEventListener("htmx:afterSwap", function (event) {
      localTimes(event.detail.elt || document);
    });
    startTimer();
    startDictation();
    autosaveAll();
    reportFailedRequests();
    confirmFirst();
    sendFormsOnce();
    restoreFilters();
  });
})();
