// Tells the learner when the page loses its connection to the course, and when it is back.
// Two signals: the kernel connection's own status (when the widget manager exposes it) and
// pings the kernel answers. While the connection is down, changes wait in the page's queue and
// are sent, in order, on reconnect; the "back" notice waits for the reply to a ping sent after
// that queue has gone out, so everything in it has reached the kernel and been saved.
const PING_MS = 3000;
const LOST_AFTER_MS = 7000;
const STUCK_AFTER_MS = 45000;
const RETRY_MS = 4000; // jupyterlab backs off up to a minute and gives up after 7 tries
const BACK_SHOWN_MS = 8000;

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "cp-connection";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  el.append(box);
  const kernel = model.widget_manager && model.widget_manager.kernel;
  let lastReply = Date.now();
  const watchesKernel = Boolean(kernel && kernel.connectionStatusChanged);
  let lostAt = null;
  let pings = 0;
  let firstPingSinceBack = null;
  let releasing = false;
  let wasUp = true;

  // While the notice shows, the page keeps room for it at the bottom, and a control that
  // gets focus behind it is scrolled clear of it (WCAG 2.4.11, focus not obscured).
  const root = document.documentElement;
  const hidden = (element) => {
    if (!box.textContent || !element || !element.getBoundingClientRect) return false;
    const notice = box.getBoundingClientRect();
    const control = element.getBoundingClientRect();
    return control.bottom > notice.top && control.top < notice.bottom;
  };
  const bringClear = (element) => {
    if (hidden(element)) element.scrollIntoView({ block: "nearest" });
  };
  const onFocus = (event) => bringClear(event.target);
  document.addEventListener("focusin", onFocus);
  const makeRoom = () => {
    const room = box.textContent ? `${box.offsetHeight + 32}px` : "";
    root.style.scrollPaddingBottom = room;
    document.body.style.paddingBottom = room;
    bringClear(document.activeElement);
  };
  const say = (text, state) => {
    box.textContent = text;
    box.dataset.state = state;
    makeRoom();
  };
  const markLost = () => {
    wasUp = false;
    if (lostAt === null) {
      lostAt = Date.now();
      // "Saved." under an answer would be untrue for what is typed now: hidden until back.
      root.dataset.connection = "lost";
      say(model.get("lost_text"), "lost");
    }
  };
  const ping = () => {
    try {
      model.send({ ping: ++pings });
    } catch (error) {
      // not even queued (the kernel is gone): the missing reply tells the learner
    }
  };

  model.on("msg:custom", (message) => {
    if (!message || typeof message.pong !== "number") return;
    lastReply = Date.now();
    // Replies to pings sent before the drop are replayed by the server as soon as the page
    // reconnects, ahead of what waited in the page's queue: only a newer reply means "saved".
    const caughtUp = firstPingSinceBack !== null && message.pong >= firstPingSinceBack;
    if (lostAt === null || !caughtUp) return;
    lostAt = null;
    firstPingSinceBack = null;
    delete root.dataset.connection;
    say(model.get("back_text"), "back");
    setTimeout(() => { if (lostAt === null) say("", ""); }, BACK_SHOWN_MS);
  });

  // A widget whose last message went out just before the drop never hears that the kernel
  // finished with it, so @jupyter-widgets holds its later changes back for good. Release them.
  const releaseHeldChanges = async () => {
    const models = model.widget_manager && model.widget_manager._models;
    for (const pending of Object.values(models || {})) {
      try {
        const widget = await pending;
        if (widget._pending_msgs > 0 && typeof widget._handle_status === "function") {
          widget._pending_msgs = 1;
          widget._handle_status({ content: { execution_state: "idle" } });
        }
      } catch (error) {
        // a model that failed to load has nothing to send
      }
    }
  };
  const onStatus = (_sender, status) => {
    if (status !== "connected") {
      markLost();
    } else if (lostAt !== null) {
      releasing = true;
      releaseHeldChanges().then(() => { releasing = false; });
    }
  };
  if (watchesKernel) kernel.connectionStatusChanged.connect(onStatus);

  const pinger = setInterval(() => {
    ping();
    // The reply to the first ping sent after two ticks in a row with the link up and the
    // page's queue empty says the link is back: the kernel has handled everything before it.
    const queued = watchesKernel ? (kernel._pendingMessages || []).length : 0;
    const linkUp =
      !watchesKernel || (kernel.connectionStatus === "connected" && !releasing && !queued);
    if (lostAt !== null && firstPingSinceBack === null && linkUp && wasUp) {
      firstPingSinceBack = pings;
    }
    wasUp = linkUp;
    if (Date.now() - lastReply > LOST_AFTER_MS) markLost();
    if (lostAt !== null && Date.now() - lostAt > STUCK_AFTER_MS) {
      say(model.get("stuck_text"), "lost");
    }
  }, PING_MS);
  const retrier = setInterval(() => {
    const down = kernel && kernel.reconnect && kernel.connectionStatus !== "connected";
    if (lostAt !== null && down) kernel.reconnect().catch(() => {});
  }, RETRY_MS);

  return () => {
    clearInterval(pinger);
    clearInterval(retrier);
    document.removeEventListener("focusin", onFocus);
    delete root.dataset.connection;
    if (watchesKernel) kernel.connectionStatusChanged.disconnect(onStatus);
  };
}

export default { render };
