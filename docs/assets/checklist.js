// Metodbanken checklists: tick questions, add notes, see progress, copy a question's link, print, save and load.
// Everything stays in this browser (localStorage), per step and language; nothing is sent anywhere.
// A save that fails is told to the reader; stored state that cannot be read is set aside, never a broken page.
(function () {
  "use strict";
  var PREFIX = "metodbanken:checklist:";
  function key(lang, step) { return PREFIX + lang + ":" + step; }

  // Only the shape we write is accepted: {answers: {<id>: {done: bool, note: string}}}.
  function clean(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || !data.answers || typeof data.answers !== "object" ||
        Array.isArray(data.answers)) return null;
    var answers = {};
    Object.keys(data.answers).forEach(function (id) {
      var a = data.answers[id];
      if (a && typeof a === "object") answers[id] = { done: a.done === true, note: typeof a.note === "string" ? a.note.slice(0, 5000) : "" };
    });
    return { answers: answers };
  }

  // {state, unreadable}: unreadable is the raw stored text when it is not a checklist we can read.
  function load(lang, step) {
    var raw = null;
    try { raw = localStorage.getItem(key(lang, step)); } catch (e) { return { state: { answers: {} }, unreadable: null }; }
    if (raw === null) return { state: { answers: {} }, unreadable: null };
    var state = null;
    try { state = clean(JSON.parse(raw)); } catch (e) { state = null; }
    return state ? { state: state, unreadable: null } : { state: { answers: {} }, unreadable: raw };
  }

  // Keep what could not be read under another key (so nothing is lost), and free the step's own key.
  function setAside(lang, step, raw) {
    try {
      localStorage.setItem(key(lang, step) + ":unreadable", raw);
    } catch (e) { /* no room even for that: the original is still removed so the checklist works again */ }
    try { localStorage.removeItem(key(lang, step)); } catch (e) { /* storage disabled */ }
  }

  function save(lang, step, state) {
    state.updated = new Date().toISOString();
    try {
      localStorage.setItem(key(lang, step), JSON.stringify(state));
      return true;
    } catch (e) {
      return false;  // QuotaExceededError, or storage turned off
    }
  }
  function progressText(template, done, total) { return template.replace("{done}", done).replace("{total}", total); }

  // The step overview and the start page: a progress bar per step, also for steps not started.
  Array.prototype.forEach.call(document.querySelectorAll("[data-mb-progress]"), function (el) {
    var state = load(el.dataset.mbLang, el.dataset.mbProgress).state;
    var done = Object.keys(state.answers).filter(function (id) { return state.answers[id].done; }).length;
    var total = Number(el.dataset.mbQuestions);
    done = Math.min(done, total);
    el.querySelector("progress").value = done;
    el.querySelector(".mb-step-progress__text").textContent = progressText(el.dataset.labelProgress, done, total);
    el.hidden = false;
  });

  var list = document.querySelector("[data-mb-checklist]");
  if (!list) return;
  var step = list.dataset.mbChecklist, lang = list.dataset.mbLang;
  var tools = document.querySelector("[data-mb-checklist-tools]");
  var progress = tools.querySelector("progress"), progressLabel = tools.querySelector("[data-mb-progress-text]");
  var message = tools.querySelector("[data-mb-message]");
  var fileInput = tools.querySelector("[data-mb-import-file]");
  var questions = Array.prototype.slice.call(list.querySelectorAll("[data-mb-question]"));
  var ids = questions.map(function (li) { return li.dataset.mbQuestion; });
  var loaded = load(lang, step);
  var state = loaded.state;
  var saveFailed = false;

  questions.forEach(function (li) {
    var id = li.dataset.mbQuestion;
    var label = li.querySelector(".mb-question-text");
    var textId = label.id;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "mb-question-check";
    box.id = label.htmlFor;  // the question text is the box's <label for>: tapping the text ticks it
    box.addEventListener("change", function () { answer(id).done = box.checked; changed(false, li); });
    li.insertBefore(box, li.firstChild);
    var noteId = "mb-note-" + step + "-" + id;
    var wrapper = document.createElement("p");
    wrapper.className = "mb-question-note";
    var noteLabel = document.createElement("label");
    noteLabel.htmlFor = noteId;
    noteLabel.textContent = list.dataset.labelNote;
    var note = document.createElement("textarea");
    note.id = noteId;
    note.rows = 2;
    note.placeholder = " ";  // lets print CSS hide empty notes (:placeholder-shown)
    note.setAttribute("aria-describedby", textId);
    note.addEventListener("input", function () { answer(id).note = note.value; changed(true, li); });
    wrapper.appendChild(noteLabel);
    wrapper.appendChild(note);
    li.appendChild(wrapper);
    var link = li.querySelector(".mb-question-link");
    var status = li.querySelector(".mb-copy-status");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      // the short address trainers put on slides: /steg/2/#question (it redirects to the step page)
      var url = location.origin + location.pathname.replace(/steg\/[^\/]+\/$/, "steg/" + step + "/") + "#" + id;
      history.replaceState(null, "", "#" + id);
      var done = function () { status.textContent = list.dataset.labelCopied + ": " + url; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, done);
      } else { done(); }
    });
    link.textContent = list.dataset.labelCopy;
  });

  function answer(id) { return (state.answers[id] = state.answers[id] || { done: false, note: "" }); }

  function render() {
    var done = 0;
    questions.forEach(function (li) {
      var a = state.answers[li.dataset.mbQuestion] || {};
      li.querySelector(".mb-question-check").checked = !!a.done;
      li.querySelector("textarea").value = a.note || "";
      li.classList.toggle("mb-question--done", !!a.done);
      if (a.done) done++;
    });
    progress.value = done;
    progressLabel.textContent = progressText(list.dataset.labelProgress, done, ids.length);
  }

  // Every change is saved at once; when saving fails the reader is told, at the top and beside the question.
  function changed(quiet, li) {
    var ok = save(lang, step, state);
    if (!ok) {
      message.textContent = list.dataset.labelSaveFailed;
      if (li) li.querySelector(".mb-copy-status").textContent = list.dataset.labelNotSaved;
    } else {
      if (saveFailed) message.textContent = "";
      Array.prototype.forEach.call(list.querySelectorAll(".mb-copy-status"), function (el) {
        if (el.textContent === list.dataset.labelNotSaved) el.textContent = "";
      });
    }
    saveFailed = !ok;
    if (!quiet) render();
    return ok;
  }

  tools.addEventListener("click", function (event) {
    var action = event.target.closest("[data-mb-action]");
    if (!action) return;
    var name = action.dataset.mbAction;
    if (name === "print") window.print();
    if (name === "reset" && window.confirm(tools.dataset.labelResetConfirm)) {
      state = { answers: {} };
      changed();
    }
    if (name === "export") {
      var data = JSON.stringify({ format: "metodbanken-checklist", version: 1, step: Number(step), lang: lang,
                                  page: location.pathname, saved: new Date().toISOString(), answers: state.answers }, null, 1);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
      link.download = "metodbanken-steg-" + step + "-" + lang + ".json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    }
    if (name === "import") fileInput.click();
  });

  fileInput.addEventListener("change", function () {
    var file = fileInput.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = JSON.parse(text);
      if (data.format !== "metodbanken-checklist" || String(data.step) !== step || typeof data.answers !== "object") throw new Error();
      var answers = {};
      ids.forEach(function (id) {
        var a = data.answers[id];
        if (a) answers[id] = { done: !!a.done, note: String(a.note || "").slice(0, 5000) };
      });
      state = { answers: answers };
      if (changed()) message.textContent = tools.dataset.labelImported;
    }).catch(function () { message.textContent = tools.dataset.labelImportError; });
    fileInput.value = "";
  });

  tools.hidden = false;
  render();
  if (loaded.unreadable !== null) {
    setAside(lang, step, loaded.unreadable);
    message.textContent = list.dataset.labelUnreadable;
  }
})();

// "Print the guide" button on the whole-guide page.
(function () {
  var button = document.querySelector("[data-mb-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();

// On paper, links are printed with their full address.
window.addEventListener("beforeprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (a) {
    if (!a.hasAttribute("data-print-href") && !a.getAttribute("href").startsWith("#")) a.setAttribute("data-print-href", a.href);
  });
});
