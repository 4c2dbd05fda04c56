// The plan's download button, and the follow-up day's calendar button: a real button. The kernel builds the
// file when it is pressed and sends it back; it becomes a file here in the browser (a Blob), so
// nothing leaves this learner's page. The file's name and type are the kernel's (traits the page
// cannot change). A plain link to the same file stays, for browsers that block the download.
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
  again.append(model.get("again"), " ", link);
  box.append(button, again);
  el.append(box);

  let url = null;
  const draw = () => { button.textContent = model.get("label"); };
  button.addEventListener("click", () => model.send({ action: "download" }));

  function deliver(message) {
    if (!message || message.kind !== "plan-file") return;
    const body = typeof message.html === "string" ? message.html : message.text;
    if (typeof body !== "string") return;
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([body], { type: model.get("mime") }));
    const name = model.get("filename");
    link.href = url;
    link.download = name;
    link.textContent = model.get("save_link");
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
