// Tells the learner when the page loses its connection to the course, and when it is back.
// Two signals: the kernel connection's own status (when the widget manager exposes it) and
// pings the kernel answers. While the connection is down, changes wait in the page's queue and
// are sent, in order, on reconnect; the "back" notice waits for the reply to a ping sent after
// that queue has gone out, so everything in it has reached the kernel and been saved.
//
// That queue dies with the page's kernel (a server restart, a cull). So the page also keeps
// the state of each control the kernel named (class cp-keep-KEY, see kept_controls.py) in
// local storage, from each change until the kernel says the store holds it ("kept" messages).
// A page whose kernel is gone for good loads itself again once the server answers; the new
// page puts the kept states back into the same controls, and they are saved the ordinary way.
const PING_MS = 3000;
const LOST_AFTER_MS = 7000;
const STUCK_AFTER_MS = 45000;
const RETRY_MS = 4000; // jupyterlab backs off up to a minute and gives up after 7 tries
const BACK_SHOWN_MS = 8000;
const KEPT = "coproduce-kept:"; // local storage: KEPT + scope (session:learner) + ":" + key
const KEPT_CLASS = "cp-kept";
const KEY_PREFIX = "cp-keep-";
const KEPT_FOR_MS = 14 * 24 * 3600 * 1000; // older kept states are dropped
const AGAIN = "coproduce-loaded-again"; // session storage: this page loaded itself again
const RESTORED_WAIT_MS = 20000; // then what is still not saved is said to wait for a button
const RESTORED_SHOWN_MS = 20000;

function localStore() {
  try {
    const store = window.localStorage;
    store.setItem(AGAIN, "1");
    store.removeItem(AGAIN);
    return store;
  } catch (error) {
    return null; // storage blocked: nothing can be kept, and the notice says so
  }
}

// What the page shows for a control: per input in it, its text or whether it is ticked.
const fieldsOf = (element) => Array.from(element.querySelectorAll("input, textarea, select"));
const tickable = (field) => field.type === "checkbox" || field.type === "radio";
const stateOf = (element) => fieldsOf(element).map((f) => (tickable(f) ? f.checked : f.value));
const shapeOf = (element) => fieldsOf(element).map((f) => (tickable(f) ? "c" : "t")).join("");
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const keyOf = (element) => {
  const name = Array.from(element.classList).find((c) => c.startsWith(KEY_PREFIX));
  return name ? name.slice(KEY_PREFIX.length) : null;
};

// Puts a kept state back as the learner would: typing, ticking, choosing; so it is saved the
// way any change is.
function putBack(element, state) {
  fieldsOf(element).forEach((field, index) => {
    const wanted = state[index];
    if (field.disabled || wanted === undefined) return;
    if (tickable(field)) {
      if (field.checked !== wanted && (field.type === "checkbox" || wanted)) field.click();
    } else if (field.value !== wanted) {
      field.value = wanted;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
}

function forgetOld(store) {
  for (const name of Object.keys(store)) {
    if (!name.startsWith(KEPT)) continue;
    let entry = null;
    try {
      entry = JSON.parse(store.getItem(name));
    } catch (error) {
      // unreadable: dropped below
    }
    if (!entry || !(Date.now() - entry.t < KEPT_FOR_MS)) store.removeItem(name);
  }
}

function loadedAgain() {
  try {
    const flag = window.sessionStorage.getItem(AGAIN);
    window.sessionStorage.removeItem(AGAIN);
    return Boolean(flag);
  } catch (error) {
    return false;
  }
}

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
  const store = localStore();
  let scope = model.get("keep_scope");
  const keeps = () => Boolean(store && scope);

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
  const sayFor = (text, state, ms) => {
    say(text, state);
    setTimeout(() => { if (lostAt === null && box.textContent === text) say("", ""); }, ms);
  };
  const markLost = () => {
    wasUp = false;
    if (lostAt === null) {
      lostAt = Date.now();
      // "Saved." under an answer would be untrue for what is typed now: hidden until back.
      root.dataset.connection = "lost";
      say(model.get(keeps() ? "lost_text" : "not_kept_text"), "lost");
    }
  };
  const ping = () => {
    try {
      model.send({ ping: ++pings });
    } catch (error) {
      // not even queued (the kernel is gone): the missing reply tells the learner
    }
  };

  // -- keeping: what the learner changes is kept here until the kernel says it is stored ---
  const entryName = (key) => `${KEPT}${scope}:${key}`;
  const read = (key) => {
    try {
      return JSON.parse(store.getItem(entryName(key)));
    } catch (error) {
      return null;
    }
  };
  const waiting = () => Object.keys(store || {}).filter((n) => n.startsWith(`${KEPT}${scope}:`));
  let handled = new Set(); // keys changed or put back on this page: left to "kept" messages
  let seen = new WeakSet();
  const record = (event) => {
    const element = event.target && event.target.closest && event.target.closest(`.${KEPT_CLASS}`);
    const key = element && keyOf(element);
    if (!key || !keeps()) return;
    handled.add(key);
    try {
      const entry = { v: stateOf(element), s: shapeOf(element), t: Date.now() };
      store.setItem(entryName(key), JSON.stringify(entry));
    } catch (error) {
      // storage full: the queue still holds it while this kernel lives
    }
  };
  document.addEventListener("input", record, true);
  document.addEventListener("change", record, true);
  const stored = (states) => {
    if (!keeps() || !states || typeof states !== "object") return;
    for (const [key, state] of Object.entries(states)) {
      const entry = read(key);
      if (entry && same(entry.v, state)) store.removeItem(entryName(key));
    }
  };
  // A control first drawn on this page shows what this page's kernel holds: what was kept for
  // it on an earlier page goes back in, unless the kernel holds that already.
  const scan = () => {
    if (!keeps()) return;
    for (const element of document.querySelectorAll(`.${KEPT_CLASS}`)) {
      const key = keyOf(element);
      if (!key || seen.has(element) || !fieldsOf(element).length) continue;
      seen.add(element);
      const entry = handled.has(key) ? null : read(key);
      if (!entry) continue;
      handled.add(key);
      if (entry.s !== shapeOf(element) || same(entry.v, stateOf(element))) {
        store.removeItem(entryName(key));
      } else {
        putBack(element, entry.v);
      }
    }
  };
  let scanning = null;
  const scanSoon = () => {
    if (scanning === null) {
      scanning = setTimeout(() => {
        scanning = null;
        scan();
      }, 50);
    }
  };
  const drawn = new MutationObserver(scanSoon);
  drawn.observe(document.body, { childList: true, subtree: true, attributeFilter: ["class"] });
  model.on("change:keep_scope", () => {
    scope = model.get("keep_scope");
    handled = new Set();
    seen = new WeakSet();
    scanSoon();
  });
  if (store) forgetOld(store);
  scanSoon();

  // After a restart: once what was put back is stored, say so; if some of it still waits (for
  // a button such as Submit), say that instead.
  const restarted = loadedAgain() ? Date.now() : null;
  let restoredSaid = restarted === null;
  const sayRestored = () => {
    if (restoredSaid || !keeps() || Date.now() - restarted < 2 * PING_MS) return;
    const left = waiting().length;
    if (left && Date.now() - restarted < RESTORED_WAIT_MS) return;
    restoredSaid = true;
    sayFor(model.get(left ? "restored_waiting_text" : "restored_text"), "back", RESTORED_SHOWN_MS);
  };

  model.on("msg:custom", (message) => {
    if (message && message.kept) {
      stored(message.kept);
      return;
    }
    if (!message || typeof message.pong !== "number") return;
    lastReply = Date.now();
    // Replies to pings sent before the drop are replayed by the server as soon as the page
    // reconnects, ahead of what waited in the page's queue: only a newer reply means "saved".
    const caughtUp = firstPingSinceBack !== null && message.pong >= firstPingSinceBack;
    if (lostAt === null || !caughtUp) return;
    lostAt = null;
    firstPingSinceBack = null;
    delete root.dataset.connection;
    sayFor(model.get("back_text"), "back", BACK_SHOWN_MS);
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
      say(model.get(keeps() ? "stuck_text" : "not_kept_text"), "lost");
    }
    if (lostAt === null) sayRestored();
  }, PING_MS);

  // The server answers, but not for this page's kernel: it restarted, or the kernel was shut
  // down. That kernel will not come back; load the page again for a new one (what was kept
  // here goes back in on the new page).
  const kernelGone = async () => {
    const base = kernel.serverSettings && kernel.serverSettings.baseUrl;
    if (!base || !kernel.id) return false;
    try {
      const url = `${base}api/kernels/${encodeURIComponent(kernel.id)}`;
      const reply = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      return reply.status === 404;
    } catch (error) {
      return false; // no answer: the server is not back yet
    }
  };
  let trying = false;
  let goneTwice = 0; // two answers in a row, with a reconnect tried between them
  const retrier = setInterval(async () => {
    const down = kernel && kernel.reconnect && kernel.connectionStatus !== "connected";
    if (lostAt === null || !down || trying) return;
    trying = true;
    goneTwice = (await kernelGone()) ? goneTwice + 1 : 0;
    if (goneTwice >= 2) {
      try {
        window.sessionStorage.setItem(AGAIN, "1");
      } catch (error) {
        // the new page just will not say it started again
      }
      window.location.reload();
      return;
    }
    trying = false;
    kernel.reconnect().catch(() => {});
  }, RETRY_MS);

  return () => {
    clearInterval(pinger);
    clearInterval(retrier);
    drawn.disconnect();
    document.removeEventListener("focusin", onFocus);
    document.removeEventListener("input", record, true);
    document.removeEventListener("change", record, true);
    delete root.dataset.connection;
    if (watchesKernel) kernel.connectionStatusChanged.disconnect(onStatus);
  };
}

export default { render };
