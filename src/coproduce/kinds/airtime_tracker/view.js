// Toggle buttons for "who is speaking": a labelled group of real <button>s with aria-pressed.
// One button is pressed at a time; pressing the pressed speaker again pauses. The kernel keeps
// the time and says in text who is speaking; this only reports which button was pressed.
function render({ model, el }) {
  // Unique per group: anywidget loads this module afresh for each widget, so no counter here.
  const id = `cp-speaker-legend-${Math.random().toString(36).slice(2)}`;
  const group = document.createElement("div");
  group.className = "cp-speaker-group";
  group.setAttribute("role", "group");
  group.setAttribute("aria-labelledby", id);
  const legend = document.createElement("p");
  legend.className = "cp-speaker-legend";
  legend.id = id;
  const row = document.createElement("div");
  row.className = "cp-speaker-buttons";
  group.append(legend, row);
  el.append(group);

  function build() {
    legend.textContent = model.get("legend");
    row.replaceChildren();
    model.get("labels").forEach((text, index) => {
      const control = document.createElement("button");
      control.type = "button";
      control.className = "cp-speaker-button";
      if (index === model.get("rest")) control.classList.add("cp-speaker-rest");
      control.textContent = text;
      control.addEventListener("click", () => {
        const rest = model.get("rest");
        const next = index === model.get("value") && index !== rest ? rest : index;
        model.set("value", next);
        model.save_changes();
        sync();
      });
      row.append(control);
    });
    sync();
  }

  function sync() {
    const pressed = model.get("value");
    Array.from(row.children).forEach((control, index) => {
      control.setAttribute("aria-pressed", index === pressed ? "true" : "false");
    });
  }

  model.on("change:labels", build);
  model.on("change:legend", build);
  model.on("change:rest", build);
  model.on("change:value", sync);
  build();
}

export default { render };
