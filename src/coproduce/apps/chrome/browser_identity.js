// Tells the kernel which learner this browser belongs to, so a refresh or a reopened link finds
// the same answers. The kernel issues the id (signed); this keeps it and offers it again on
// each visit. An id the kernel did not sign is swapped for a fresh one. Shows nothing.
const KEY = "coproduce-learner-id"; // also read by the page template, before widgets render
const NONE = "none"; // offered by a browser that has no id yet: the kernel issues one

function storedId() {
  try {
    return window.localStorage.getItem(KEY) || "";
  } catch (error) {
    return ""; // storage blocked: answers last for this page only
  }
}

function keep(id) {
  try {
    window.localStorage.setItem(KEY, id);
  } catch (error) {
    // storage blocked: nothing to keep it in
  }
}

function render({ model, el }) {
  el.hidden = true;
  // The page's own script held the join form back for a browser that has joined before; the
  // kernel sets `settled` once it knows the learner must join after all (or is in).
  const settle = () => {
    if (model.get("settled")) delete document.documentElement.dataset.returning;
  };
  model.on("change:settled", settle);
  settle();
  const offered = storedId() || NONE;
  // The kernel's answer: the id offered, if it signed it, or a fresh one to keep from now on.
  model.on("change:learner_id", () => {
    const given = model.get("learner_id");
    if (given && given !== offered && given !== NONE) keep(given);
  });
  if (!model.get("learner_id")) {
    const code = new URLSearchParams(window.location.search).get("code") || "";
    model.set("link_code", code.slice(0, 16));
    model.set("learner_id", offered);
    model.save_changes();
  }
}

export default { render };
