// A labelled drop-down list of the ladder's rungs for one situation. Choices go to the kernel
// as a custom message, not save_changes(): ipywidgets holds back a model's later updates until
// the kernel is idle, so a quick press of the check button could otherwise overtake the last choice.
function render({ model, el }) {
  // Unique per list: anywidget loads this module afresh for each widget, so no counter here.
  const id = `cp-rung-select-${Math.random().toString(36).slice(2)}`;
  const wrap = document.createElement("div");
  wrap.className = "cp-rung-select";
  const label = document.createElement("label");
  label.htmlFor = id;
  const select = document.createElement("select");
  select.id = id;
  wrap.append(label, select);
  el.append(wrap);

  function build() {
    label.textContent = model.get("label");
    select.replaceChildren();
    for (const [text, value] of model.get("options")) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = text;
      select.append(option);
    }
    sync();
  }

  function sync() {
    select.value = model.get("value");
    select.disabled = model.get("disabled");
  }

  // Choices sent and not yet echoed back by the kernel. Arrow keys can send several in a row;
  // an older echo must not move the list back, or the next key would step from the wrong rung.
  let pending = [];

  function echoed() {
    const value = model.get("value");
    const at = pending.indexOf(value);
    if (at === -1) {
      pending = []; // a change made in the kernel, such as a restore
    } else {
      pending = pending.slice(at + 1);
      if (pending.length) return;
    }
    sync();
  }

  select.addEventListener("change", () => {
    pending.push(select.value);
    model.send({ placed: select.value });
  });
  model.on("change:label", build);
  model.on("change:options", build);
  model.on("change:value", echoed);
  model.on("change:disabled", sync);
  build();
}

export default { render };
