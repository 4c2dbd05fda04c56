// Tells the kernel which learner this browser belongs to, so a refresh or a reopened link finds
// the same answers. The kernel issues the id (signed); this keeps it and offers it again on
// each visit. An id the kernel did not sign is swapped for a fresh one. Shows nothing.
// The learner's language, in a course offered in more than one, is kept the same way: offered
// with the id, and whatever the kernel settles on is kept and put on the page (lang, dir, and
// the page's own words around the app).
const KEY = "coproduce-learner-id"; // also read by the page template, before widgets render
const NONE = "none"; // offered by a browser that has no id yet: the kernel issues one
const LANGUAGE = "coproduce-language";

function storedId() {
  try {
    return window.localStorage.getItem(KEY) || "";
  } catch (error) {
    return ""; // storage blocked: answers last for this page only
  }
}

function keep(id, key = KEY) {
  try {
    window.localStorage.setItem(key, id);
  } catch (error) {
    // storage blocked: nothing to keep it in
  }
}

function storedLanguage() {
  try {
    return window.localStorage.getItem(LANGUAGE) || "";
  } catch (error) {
    return "";
  }
}

// The page in the kernel's language: its lang and dir, and the words the template wrote.
function showLanguage(model) {
  const language = model.get("language");
  if (!language) return; // a course in one language: the page is as the template wrote it
  const root = document.documentElement;
  root.lang = language;
  root.dir = model.get("direction") || "ltr";
  const words = model.get("page_words") || {};
  const put = (selector, text, attribute) => {
    const node = document.querySelector(selector);
    if (!node || !text) return;
    if (attribute) node.setAttribute(attribute, text);
    else node.textContent = text;
  };
  put(".cp-skip-link", words.skip_link);
  put(".cp-footer a", words.accessibility_link);
  put(".cp-logo", words.logo_alt, "alt");
  put(".cp-brand", words.brand);
  put(".cp-title", words.title);
}

// A part written in another language than the page's (an exercise not yet translated) comes
// from the kernel with the classes cp-lang-<tag> and cp-dir-<ltr|rtl>; they are put on it as
// lang and dir, so a screen reader reads it in that language's voice.
const MARKED = '[class*="cp-lang-"]';

function markWritten(node) {
  if (!(node instanceof Element)) return;
  const found = node.matches(MARKED) ? [node] : [];
  for (const element of [...found, ...node.querySelectorAll(MARKED)]) {
    for (const name of element.classList) {
      if (name.startsWith("cp-lang-")) element.lang = name.slice("cp-lang-".length);
      if (name.startsWith("cp-dir-")) element.dir = name.slice("cp-dir-".length);
    }
  }
}

function watchWritten() {
  if (window.coproduceWatchesLanguages) return; // once a page, however often this renders
  window.coproduceWatchesLanguages = true;
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") markWritten(change.target);
      else change.addedNodes.forEach(markWritten);
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["class"],
  });
  markWritten(document.body);
}

// The page's words were held back for a language kept in this browser (the page template):
// shown once the kernel speaks it, speaks none (a course in one language), or has settled
// without it (a language the course no longer offers).
function showWhenTurned(model) {
  const root = document.documentElement;
  if (!root.dataset.relanguage) return;
  const language = model.get("language");
  if (!language || language === storedLanguage() || model.get("settled")) {
    delete root.dataset.relanguage;
  }
}

function render({ model, el }) {
  el.hidden = true;
  // Only a course in more than one language marks parts with theirs: a course in one (no
  // language from the kernel) gives every page load nothing to watch.
  if (model.get("language")) watchWritten();
  // The page's own script held the join form back for a browser that has joined before; the
  // kernel sets `settled` once it knows the learner must join after all (or is in).
  const settle = () => {
    if (model.get("settled")) delete document.documentElement.dataset.returning;
    showWhenTurned(model);
  };
  model.on("change:settled", settle);
  settle();
  const offered = storedId() || NONE;
  showLanguage(model);
  model.on("change:language change:direction change:page_words", () => {
    if (model.get("language")) watchWritten();
    showLanguage(model);
    showWhenTurned(model);
    if (model.get("language")) keep(model.get("language"), LANGUAGE);
  });
  // The kernel's answer: the id offered, if it signed it, or a fresh one to keep from now on.
  model.on("change:learner_id", () => {
    const given = model.get("learner_id");
    if (given && given !== offered && given !== NONE) keep(given);
  });
  if (!model.get("learner_id")) {
    const code = new URLSearchParams(window.location.search).get("code") || "";
    model.set("link_code", code.slice(0, 16));
    // Offered with the id, in the same message: the kernel knows both before it shows a page.
    const language = storedLanguage();
    if (language && model.get("language") && language !== model.get("language")) {
      model.set("language", language.slice(0, 35));
    }
    model.set("learner_id", offered);
    model.save_changes();
  }
}

export default { render };
