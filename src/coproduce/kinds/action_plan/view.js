// "Download my plan": a real button. The kernel builds the file when it is pressed and sends it
// back; it becomes a file here in the browser (a Blob), so nothing leaves this learner's page.
// A plain link to the same file stays, for browsers that block the automatic download.
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "cp-plan-download";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cp-plan-download-button";
  const again = document.createElement("p");
  again.className = "cp-plan-download-again";
  again.hidden = true;
  const link = document.createElement("a");
  again.append("If nothing was saved, use this link: ", link);
  box.append(button, again);
  el.append(box);

  let url = null;
  const draw = () => { button.textContent = model.get("label"); };
  button.addEventListener("click", () => model.send({ action: "download" }));

  function deliver(message) {
    if (!message || message.kind !== "plan-file" || typeof message.html !== "string") return;
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([message.html], { type: "text/html;charset=utf-8" }));
    const name = model.get("filename");
    link.href = url;
    link.download = name;
    link.textContent = `save ${name}`;
    again.hidden = false;
    const once = document.createElement("a");
    once.href = url;
    once.download = name;
    once.hidden = true;
    box.append(once);
    once.click();
    once.remove();
  }

  model.on("msg:custom", deliver);
  model.on("change:label", draw);
  draw();
  return () => { if (url) URL.revokeObjectURL(url); };
}

export default { render };
