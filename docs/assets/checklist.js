// Metodbanken checklists: tick questions, add notes, see progress, copy a question's link, print, save and load.
// Everything stays in this browser (localStorage), per step and language; nothing is sent anywhere.
(function () {
  "use strict";
  var PREFIX = "metodbanken:checklist:";
  function key(lang, step) { return PREFIX + lang + ":" + step; }
  function load(lang, step) {
    try { return JSON.parse(localStorage.getItem(key(lang, step))) || { answers: {} }; } catch (e) { return { answers: {} }; }
  }
  function save(lang, step, state) {
    state.updated = new Date().toISOString();
    try { localStorage.setItem(key(lang, step), JSON.stringify(state)); } catch (e) { /* storage full or disabled */ }
  }
  function progressText(template, done, total) { return template.replace("{done}", done).replace("{total}", total); }

  // The step overview: progress per step.
  Array.prototype.forEach.call(document.querySelectorAll("[data-mb-progress]"), function (el) {
    var state = load(el.dataset.mbLang, el.dataset.mbProgress);
    var done = Object.keys(state.answers).filter(function (id) { return state.answers[id].done; }).length;
    if (!done) return;
    el.textContent = progressText(el.dataset.labelProgress, done, el.dataset.mbQuestions);
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
  var state = load(lang, step);

  questions.forEach(function (li) {
    var id = li.dataset.mbQuestion;
    var textId = li.querySelector(".mb-question-text").id;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "mb-question-check";
    box.id = "mb-check-" + step + "-" + id;
    box.setAttribute("aria-labelledby", textId);
    box.addEventListener("change", function () { answer(id).done = box.checked; changed(); });
    li.insertBefore(box, li.firstChild);
    var noteId = "mb-note-" + step + "-" + id;
    var wrapper = document.createElement("p");
    wrapper.className = "mb-question-note";
    var label = document.createElement("label");
    label.htmlFor = noteId;
    label.textContent = list.dataset.labelNote;
    var note = document.createElement("textarea");
    note.id = noteId;
    note.rows = 2;
    note.placeholder = " ";  // lets print CSS hide empty notes (:placeholder-shown)
    note.setAttribute("aria-describedby", textId);
    note.addEventListener("input", function () { answer(id).note = note.value; changed(true); });
    wrapper.appendChild(label);
    wrapper.appendChild(note);
    li.appendChild(wrapper);
    var link = li.querySelector(".mb-question-link");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var url = location.origin + location.pathname + "#" + id;
      history.replaceState(null, "", "#" + id);
      var done = function () { message.textContent = list.dataset.labelCopied + ": " + url; };
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

  function changed(quiet) {
    save(lang, step, state);
    if (!quiet) render();
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
      changed();
      message.textContent = tools.dataset.labelImported;
    }).catch(function () { message.textContent = tools.dataset.labelImportError; });
    fileInput.value = "";
  });

  tools.hidden = false;
  render();
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
