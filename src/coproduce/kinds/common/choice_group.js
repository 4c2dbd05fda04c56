// Radio buttons or checkboxes in a fieldset with a legend: a labelled group, which
// ipywidgets' own RadioButtons cannot give. Only option texts reach the browser.

function render({ model, el }) {
  // anywidget loads this module afresh for each widget, so a counter here would give every
  // group the same name, making all radio buttons on the page one group. A random name is unique.
  const name = `cp-choice-${Math.random().toString(36).slice(2)}`;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "cp-choice";
  const legend = document.createElement("legend");
  fieldset.append(legend);
  el.append(fieldset);

  function inputs() {
    return Array.from(fieldset.querySelectorAll("input"));
  }

  function build() {
    legend.textContent = model.get("legend");
    for (const label of fieldset.querySelectorAll("label")) label.remove();
    const type = model.get("multiple") ? "checkbox" : "radio";
    model.get("options").forEach((text, index) => {
      const label = document.createElement("label");
      label.className = "cp-choice-option";
      const input = document.createElement("input");
      input.type = type;
      input.name = name;
      input.value = String(index);
      input.addEventListener("change", () => {
        const value = inputs().filter((box) => box.checked).map((box) => Number(box.value));
        marks();
        model.set("value", value);
        // A custom message, not save_changes(): ipywidgets holds back a model's second
        // update until the kernel is idle, so a quick "Check" click could overtake it.
        model.send({ chosen: value });
      });
      const span = document.createElement("span");
      span.textContent = text;
      // Said after the chosen option only ("(your answer)"): words from the kernel.
      const mark = document.createElement("span");
      mark.className = "cp-choice-mark";
      mark.textContent = model.get("chosen_mark") ? ` ${model.get("chosen_mark")}` : "";
      mark.hidden = true;
      label.append(input, span, mark);
      fieldset.append(label);
    });
    sync();
  }

  function sync() {
    const chosen = new Set(model.get("value"));
    for (const box of inputs()) {
      box.checked = chosen.has(Number(box.value));
      box.disabled = model.get("disabled");
    }
    marks();
  }

  function marks() {
    for (const box of inputs()) {
      const mark = box.parentElement.querySelector(".cp-choice-mark");
      if (mark) mark.hidden = !box.checked || !mark.textContent;
    }
  }

  model.on("change:options", build);
  model.on("change:legend", build);
  model.on("change:multiple", build);
  model.on("change:chosen_mark", build);
  model.on("change:value", sync);
  model.on("change:disabled", sync);
  build();
}

export default { render };
