// Gives the kernel a pseudonymous learner id kept in this browser, so a refresh or a
// reopened link finds the same answers. Shows nothing.
const KEY = "coproduce-learner-id"; // also read by the page template, before widgets render

function newId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // works on plain http too, unlike randomUUID
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function storedId() {
  try {
    let id = window.localStorage.getItem(KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = newId();
      window.localStorage.setItem(KEY, id);
    }
    return id;
  } catch (error) {
    return newId(); // storage blocked: answers last for this page only
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
  if (!model.get("learner_id")) {
    const code = new URLSearchParams(window.location.search).get("code") || "";
    model.set("link_code", code.slice(0, 16));
    model.set("learner_id", storedId());
    model.save_changes();
  }
}

export default { render };
