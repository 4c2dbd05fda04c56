// A polite live region: screen readers announce its text when it changes.
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "cp-live";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  el.append(box);
  const draw = () => { box.innerHTML = model.get("html"); }; // html is escaped in the kernel
  model.on("change:html", draw);
  draw();
}

export default { render };
