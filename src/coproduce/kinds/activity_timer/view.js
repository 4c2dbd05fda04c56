// A countdown for an activity in phases. The clock keeps time here in the browser; the kernel
// owns which phase it is. Buttons send actions to the kernel. The ticking clock is a timer
// (aria-live off); only the status region is polite, and the kernel changes its text only
// when the phase changes, so a screen reader hears each new phase once and never each second.

function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = String(Math.floor(whole / 60)).padStart(2, "0");
  return `${minutes}:${String(whole % 60).padStart(2, "0")}`;
}

function phaseSeconds(model) {
  const phase = model.get("phases")[model.get("phase")];
  return phase ? Number(phase.seconds) || 0 : 0;
}

// One clock per model, so it keeps time while the module is out of view. `seconds_left` is
// set on the model in this browser only (never saved), so every view of it can draw it.
function initialize({ model }) {
  let endAt = null;
  let ticker = null;
  let epoch = null;
  let reported = null;

  const left = () => Math.max(0, Math.ceil((endAt - Date.now()) / 1000));

  function stop() {
    if (endAt !== null) model.set("seconds_left", left());
    endAt = null;
    clearInterval(ticker);
    ticker = null;
  }

  function tick() {
    const now = left();
    if (now !== model.get("seconds_left")) model.set("seconds_left", now);
    if (now === 0 && reported !== epoch) {
      reported = epoch;
      model.send({ action: "phase_done", epoch });
    }
  }

  function follow() {
    if (model.get("epoch") !== epoch) {
      stop();
      epoch = model.get("epoch");
      model.set("seconds_left", model.get("finished") ? 0 : phaseSeconds(model));
    }
    if (model.get("running") && !model.get("finished")) {
      if (endAt === null) endAt = Date.now() + model.get("seconds_left") * 1000;
      if (ticker === null) ticker = setInterval(tick, 200);
    } else if (endAt !== null || ticker !== null) {
      stop();
    }
  }

  model.on("change", follow);
  follow();
  return () => clearInterval(ticker);
}

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

// Every word here comes from the kernel (the course's activity_timer: words, each phase's
// label and length made there with the language's plural forms).
function render({ model, el }) {
  const words = model.get("words") || {};
  const root = make("div", "cp-timer");
  const count = make("p", "cp-timer-count");
  const name = make("h4", "cp-timer-name");
  const instruction = make("p", "cp-timer-instruction");
  const clockLine = make("p", "cp-timer-clock-line");
  const clockLabel = make("span", "cp-timer-clock-label", words.time_left);
  const face = make("span", "cp-timer-clock");
  face.setAttribute("role", "timer");
  face.setAttribute("aria-live", "off");
  face.setAttribute("aria-atomic", "true");
  clockLine.append(clockLabel, " ", face);
  const bar = make("div", "cp-timer-bar");
  bar.setAttribute("aria-hidden", "true");
  const fill = make("div", "cp-timer-bar-fill");
  bar.append(fill);

  const controls = make("div", "cp-timer-buttons");
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", words.controls || "");
  const buttons = {};
  for (const action of ["start", "pause", "next", "reset"]) {
    const button = make("button", `cp-timer-button cp-timer-${action}`, words[action]);
    button.type = "button";
    button.addEventListener("click", () => model.send({ action }));
    buttons[action] = button;
    controls.append(button);
  }

  const status = make("div", "cp-timer-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-atomic", "true");

  const listHeading = make("p", "cp-timer-list-heading", words.all_phases);
  listHeading.id = `cp-timer-list-${Math.random().toString(36).slice(2)}`;
  const list = make("ol", "cp-timer-phases");
  list.setAttribute("aria-labelledby", listHeading.id);

  root.append(count, name, instruction, clockLine, bar, controls, status, listHeading, list);
  el.append(root);

  function drawPhase() {
    const phases = model.get("phases");
    const index = model.get("phase");
    const finished = model.get("finished");
    const phase = phases[index] || { name: "", instruction: "", label: "" };
    if (finished) {
      count.textContent = words.all_done;
      name.textContent = words.time_up;
      instruction.textContent = words.run_again;
    } else {
      count.textContent = phase.label;
      name.textContent = phase.name;
      instruction.textContent = phase.instruction;
    }
    list.replaceChildren();
    phases.forEach((item, position) => {
      const row = make("li", "cp-timer-phase");
      const done = finished || position < index;
      const now = !finished && position === index;
      row.append(make("span", "cp-timer-phase-name", item.name));
      row.append(` (${item.length})`);
      if (now) {
        row.setAttribute("aria-current", "step");
        row.append(make("strong", "cp-timer-phase-state", ` ${words.now}`));
      } else if (done) {
        row.append(make("span", "cp-timer-phase-state", ` ${words.done}`));
      }
      list.append(row);
    });
  }

  function drawClock() {
    const left = Number(model.get("seconds_left")) || 0;
    face.textContent = clock(left);
    const full = phaseSeconds(model);
    const used = model.get("finished") || full === 0 ? 1 : 1 - left / full;
    fill.style.width = `${Math.round(Math.min(1, Math.max(0, used)) * 100)}%`;
  }

  function drawControls() {
    const running = model.get("running");
    const finished = model.get("finished");
    const disabled = {
      start: running || finished,
      pause: !running,
      next: finished,
      reset: false,
    };
    const focused = Object.keys(buttons).find((key) => buttons[key] === document.activeElement);
    for (const [action, button] of Object.entries(buttons)) button.disabled = disabled[action];
    // Keep keyboard focus on a button that still works when the one in use turns off.
    if (focused && disabled[focused]) {
      const order = { start: "pause", pause: "start", next: "reset" }[focused];
      const target = disabled[order] ? buttons.reset : buttons[order];
      target.focus();
    }
  }

  function drawStatus() {
    status.textContent = model.get("announcement");
  }

  model.on("change:phase", drawPhase);
  model.on("change:finished", () => { drawPhase(); drawControls(); drawClock(); });
  model.on("change:phases", drawPhase);
  model.on("change:seconds_left", drawClock);
  model.on("change:running", drawControls);
  model.on("change:announcement", drawStatus);
  drawPhase();
  drawClock();
  drawControls();
  drawStatus();
}

export default { initialize, render };
