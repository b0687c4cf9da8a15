// digitize web pages: uploads with progress, the review page's keys, the signing queue's "select all".
// Plain JS, no build step. The CSRF token is on <body data-csrf>; htmx sends it via hx-headers.
(function () {
  "use strict";
  var csrf = document.body ? document.body.getAttribute("data-csrf") : "";

  // --- upload: drop files, folders or ZIPs; send them in one multipart request with a progress bar ---
  function initUpload() {
    var form = document.getElementById("upload-form");
    if (!form) return;
    var drop = document.getElementById("dropzone");
    var filesInput = document.getElementById("files");
    var folderInput = document.getElementById("folder");
    var list = document.getElementById("picked");
    var submit = document.getElementById("upload-submit");
    var bar = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    var picked = []; // [{file, name}]

    function show() {
      list.innerHTML = "";
      picked.slice(0, 200).forEach(function (p) {
        var li = document.createElement("li");
        li.textContent = p.name + " (" + Math.ceil(p.file.size / 1024) + " KB)";
        list.appendChild(li);
      });
      status.textContent = picked.length ? picked.length + " " + form.getAttribute("data-selected") : "";
      submit.disabled = picked.length === 0;
    }
    function addFiles(files) {
      for (var i = 0; i < files.length; i++) {
        var f = files[i];
        picked.push({ file: f, name: f.webkitRelativePath || f.name });
      }
      show();
    }
    function walk(entry, path, done) {
      if (entry.isFile) {
        entry.file(function (f) { picked.push({ file: f, name: path + f.name }); done(); }, done);
      } else if (entry.isDirectory) {
        var reader = entry.createReader(), all = [];
        var more = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) {
              var left = all.length;
              if (!left) return done();
              all.forEach(function (e) { walk(e, path + entry.name + "/", function () { if (--left === 0) done(); }); });
            } else { all = all.concat(Array.prototype.slice.call(batch)); more(); }
          }, done);
        };
        more();
      } else { done(); }
    }
    filesInput.addEventListener("change", function () { addFiles(filesInput.files); });
    folderInput.addEventListener("change", function () { addFiles(folderInput.files); });
    ["dragenter", "dragover"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      var items = e.dataTransfer.items;
      if (items && items.length && items[0].webkitGetAsEntry) {
        var entries = [];
        for (var i = 0; i < items.length; i++) { var en = items[i].webkitGetAsEntry(); if (en) entries.push(en); }
        var left = entries.length;
        if (!left) { addFiles(e.dataTransfer.files); return; }
        entries.forEach(function (en) { walk(en, "", function () { if (--left === 0) show(); }); });
      } else { addFiles(e.dataTransfer.files); }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!picked.length) return;
      var data = new FormData();
      picked.forEach(function (p) { data.append("files", p.file, p.name); });
      var name = document.getElementById("batch-name").value;
      var splitBox = document.getElementById("split");
      var query = [];
      if (name) query.push("name=" + encodeURIComponent(name));
      if (splitBox && splitBox.checked) query.push("split=1");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/upload" + (query.length ? "?" + query.join("&") : ""));
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.upload.onprogress = function (ev) {
        if (ev.lengthComputable) { bar.value = Math.round(100 * ev.loaded / ev.total); }
      };
      xhr.onload = function () {
        if (xhr.status === 201) {
          var body = JSON.parse(xhr.responseText);
          window.location = body.url;
        } else {
          var msg = xhr.statusText;
          try { msg = JSON.parse(xhr.responseText).error.message; } catch (err) { /* not JSON */ }
          status.textContent = form.getAttribute("data-failed") + ": " + msg;
          status.className = "error";
          submit.disabled = false;
        }
      };
      xhr.onerror = function () { status.textContent = form.getAttribute("data-failed"); submit.disabled = false; };
      bar.hidden = false; bar.value = 0; submit.disabled = true;
      status.textContent = form.getAttribute("data-sending");
      xhr.send(data);
    });
  }

  // --- review: j/k move between fields, e edits one, Enter saves, Esc leaves the field, n next document ---
  function initReview() {
    var form = document.getElementById("review-form");
    if (!form) return;
    var rows = Array.prototype.slice.call(form.querySelectorAll("tr.field"));
    var current = 0;
    function select(i, focusInput) {
      if (!rows.length) return;
      current = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r, j) { r.classList.toggle("selected", j === current); });
      var input = rows[current].querySelector("input, textarea");
      if (focusInput && input) { input.focus(); if (input.select) input.select(); }
      else { rows[current].focus(); }
      rows[current].scrollIntoView({ block: "nearest" });
    }
    var firstLow = rows.findIndex(function (r) { return r.classList.contains("low"); });
    select(firstLow >= 0 ? firstLow : 0, false);
    rows.forEach(function (r, i) {
      r.addEventListener("focusin", function () {
        current = i; rows.forEach(function (x, j) { x.classList.toggle("selected", j === i); });
      });
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target, editing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (editing) {
        if (e.key === "Escape") { e.preventDefault(); select(current, false); }
        else if (e.key === "Enter" && t.tagName === "TEXTAREA" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
        else if (e.key === "ArrowDown" && t.tagName === "INPUT") { e.preventDefault(); select(current + 1, true); }
        else if (e.key === "ArrowUp" && t.tagName === "INPUT") { e.preventDefault(); select(current - 1, true); }
        return;  // Enter in an input submits the form natively
      }
      if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); select(current + 1, false); }
      else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); select(current - 1, false); }
      else if (e.key === "e" || e.key === "F2") { e.preventDefault(); select(current, true); }
      else if (e.key === "Enter") { e.preventDefault(); form.requestSubmit(); }
      else if (e.key === "n") { e.preventDefault(); window.location = document.getElementById("review").getAttribute("data-next"); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".pagelink"), function (a) {
      a.addEventListener("click", function (e) { e.preventDefault(); document.getElementById("page-image").src = a.getAttribute("data-src"); });
    });
  }

  // --- signing queue: select all ---
  function initSign() {
    var all = document.getElementById("select-all");
    if (!all) return;
    all.addEventListener("change", function () {
      Array.prototype.forEach.call(document.querySelectorAll("input.pick"), function (c) { c.checked = all.checked; });
    });
  }

  // --- verification: show the chosen file's name in the drop area ---
  function initVerify() {
    var input = document.getElementById("verify-file");
    if (!input) return;
    var drop = document.getElementById("verify-drop"), label = document.getElementById("verify-label");
    input.addEventListener("change", function () { if (input.files.length) label.textContent = input.files[0].name; });
    ["dragenter", "dragover"].forEach(function (ev) { drop.addEventListener(ev, function () { drop.classList.add("over"); }); });
    ["dragleave", "drop"].forEach(function (ev) { drop.addEventListener(ev, function () { drop.classList.remove("over"); }); });
  }

  document.addEventListener("DOMContentLoaded", function () { initUpload(); initReview(); initSign(); initVerify(); });
})();

// The stack review screen (/stacks/{id}): thumbnails of every page; arrow keys move between pages, Enter or
// Space puts or removes a document boundary before the focused page, "S" saves (or the button).
(function () {
  var grid = document.getElementById("stack-pages");
  if (!grid) return;
  var form = document.getElementById("stack-form");
  var field = document.getElementById("stack-starts");
  var pages = Array.prototype.slice.call(grid.querySelectorAll(".stack-page"));
  function starts() {
    return pages.filter(function (p) { return p.classList.contains("starts"); })
      .map(function (p) { return p.getAttribute("data-index"); });
  }
  function sync() { field.value = starts().join(","); }
  function toggle(p) {
    if (p.getAttribute("data-content") !== "1") return;  // blank pages and separators carry no boundary
    p.classList.toggle("starts");
    p.setAttribute("aria-pressed", p.classList.contains("starts") ? "true" : "false");
    sync();
  }
  pages.forEach(function (p, i) {
    p.addEventListener("click", function () { toggle(p); });
    p.addEventListener("keydown", function (e) {
      var next = null;
      if (e.key === "ArrowRight" || e.key === "ArrowDown") next = pages[i + 1];
      else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = pages[i - 1];
      else if (e.key === "Home") next = pages[0];
      else if (e.key === "End") next = pages[pages.length - 1];
      else if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(p); return; }
      else if (e.key === "s" || e.key === "S") { e.preventDefault(); sync(); form.submit(); return; }
      if (next) { e.preventDefault(); next.focus(); }
    });
  });
  sync();
  var first = grid.querySelector(".stack-page.unsure") || pages[0];
  if (first) first.focus();
})();
