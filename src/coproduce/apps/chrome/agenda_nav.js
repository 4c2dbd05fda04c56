// The course agenda as a navigation landmark: a list of buttons, the current one marked.
function render({ model, el }) {
  const nav = document.createElement("nav");
  nav.className = "cp-agenda";
  nav.setAttribute("aria-label", model.get("label"));
  const list = document.createElement("ol");
  nav.append(list);
  el.append(nav);

  function draw() {
    const current = model.get("current");
    const focused = document.activeElement && nav.contains(document.activeElement)
      ? document.activeElement.dataset.slug : null;
    list.replaceChildren();
    for (const item of model.get("items")) {
      const li = document.createElement("li");
      if (item.slug) {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.slug = item.slug;
        button.className = "cp-agenda-item";
        const time = document.createElement("span");
        time.className = "cp-agenda-time";
        time.textContent = item.time;
        button.append(time, document.createTextNode(" " + item.title));
        if (item.slug === current) button.setAttribute("aria-current", "step");
        button.addEventListener("click", () => {
          model.set("current", item.slug);
          model.save_changes();
        });
        li.append(button);
        if (item.slug === focused) queueMicrotask(() => button.focus());
      } else {
        li.className = "cp-agenda-break";
        li.textContent = `${item.time} ${item.title}`;
      }
      list.append(li);
    }
  }
  // The learner may change language once in: the landmark's name follows.
  model.on("change:label", () => nav.setAttribute("aria-label", model.get("label")));
  model.on("change:items", draw);
  model.on("change:current", draw);
  draw();
}

export default { render };
