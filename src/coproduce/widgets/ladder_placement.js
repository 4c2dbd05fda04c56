// A labelled drop-down list of the ladder's rungs for one situation. Choices go to the kernel
// as a custom message, not save_changes(): ipywidgets holds back a model's later updates until
// the kernel is idle, so a quick "Check my placements" could otherwise overtake the last choice.
let selects = 0;

function render({ model, el }) {
  const id = `cp-rung-select-${++selects}`;
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

  select.addEventListener("change", () => {
    model.set("value", select.value);
    model.send({ placed: select.value });
  });
  model.on("change:label", build);
  model.on("change:options", build);
  model.on("change:value", sync);
  model.on("change:disabled", sync);
  build();
}

export default { render };
