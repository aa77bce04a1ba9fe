/*
  An Office.js test double for the Reconnect task pane, injected by Playwright before the page
  loads (the real office.js request is answered with an empty script). It offers the documented
  surface the pane uses (Office.onReady, Office.context.mailbox.item, displayNewMessageForm,
  item.body.setSelectedDataAsync, item.to.getAsync/addAsync, item.subject.getAsync/setAsync) and
  records every call in window.__officeDouble.calls so tests can assert exact arguments.
  Configured by window.__officeDoubleConfig: { mode: "none" | "read" | "compose", from, subject, to }.
*/
(() => {
  const config = window.__officeDoubleConfig || { mode: "none" };
  const calls = [];
  const state = { subject: config.subject || "", to: (config.to || []).map((r) => ({ ...r })), body: "" };
  const record = (name, args) => calls.push({ name, args: JSON.parse(JSON.stringify(args ?? [])) });
  const succeeded = (value) => ({ status: "succeeded", value, error: null });
  const callbackOf = (args) => args.find((a) => typeof a === "function");

  let item = null;
  if (config.mode === "compose") {
    item = {
      itemType: "message",
      body: {
        setSelectedDataAsync(data, ...rest) {
          const options = rest.find((a) => a && typeof a === "object") ?? null;
          record("body.setSelectedDataAsync", [data, options]);
          state.body += data;
          callbackOf(rest)?.(succeeded());
        },
      },
      subject: {
        getAsync(...rest) { record("subject.getAsync", []); callbackOf(rest)(succeeded(state.subject)); },
        setAsync(subject, ...rest) { record("subject.setAsync", [subject]); state.subject = subject; callbackOf(rest)?.(succeeded()); },
      },
      to: {
        getAsync(...rest) { record("to.getAsync", []); callbackOf(rest)(succeeded(state.to.map((r) => ({ ...r })))); },
        addAsync(recipients, ...rest) { record("to.addAsync", [recipients]); state.to.push(...recipients); callbackOf(rest)?.(succeeded()); },
      },
    };
  } else if (config.mode === "read") {
    item = { itemType: "message", subject: config.subject || "", from: config.from, to: config.to || [] };
  }

  const info = { host: "Outlook", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    onReady(callback) {
      record("onReady", []);
      return new Promise((resolve) => setTimeout(() => { callback?.(info); resolve(info); }, 0));
    },
    context: {
      requirements: { isSetSupported: (name) => name === "Mailbox" },
      mailbox: {
        item,
        displayNewMessageForm(parameters) { record("displayNewMessageForm", [parameters]); },
        addHandlerAsync(type, handler, ...rest) { record("addHandlerAsync", [type]); callbackOf(rest)?.(succeeded()); },
      },
    },
    auth: {
      getAccessToken() { record("auth.getAccessToken", []); return Promise.reject({ code: 13007 }); },
    },
  };
  window.__officeDouble = { calls, state };
})();
