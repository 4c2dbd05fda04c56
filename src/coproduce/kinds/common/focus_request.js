// Puts keyboard focus where the kernel asks, once that element is on the page and enabled, and
// scrolls it into view. The kernel sends a CSS selector, looked for inside the nearest element
// matching `within` around this helper (or in the whole page). A heading or a message cannot
// take focus by itself, so it gets tabindex="-1": focusable from script, never a Tab stop.
const WAIT_MS = 10000;
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

function ready(node) {
  return node !== null && node.getClientRects().length > 0 && !node.disabled;
}

function take(node, block) {
  if (!node.matches(FOCUSABLE)) node.setAttribute("tabindex", "-1");
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: block === "start" ? "start" : "nearest" });
}

function render({ model, el }) {
  let latest = 0; // a newer request replaces one still waiting for its element
  function requested(message) {
    if (!message || typeof message.selector !== "string") return;
    const ask = ++latest;
    const until = Date.now() + WAIT_MS;
    const attempt = () => {
      if (ask !== latest) return;
      const root = (message.within && el.closest(message.within)) || document;
      const node = root.querySelector(message.selector);
      if (ready(node)) take(node, message.block);
      else if (Date.now() < until) setTimeout(attempt, 50);
    };
    attempt();
  }
  model.on("msg:custom", requested);
  return () => model.off("msg:custom", requested);
}

export default { render };
