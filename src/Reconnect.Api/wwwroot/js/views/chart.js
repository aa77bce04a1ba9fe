/*
  A small bar chart of messages each way per quarter (sent by the user, received from the
  person) and, when there are any, meetings as a third series, as inline SVG, with the same
  numbers in a table for screen readers.
*/
/* global document */
import { h } from "../dom.js";

const svgNs = "http://www.w3.org/2000/svg";

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @returns {SVGElement}
 */
function svg(tag, attributes) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Normalises one quarter of the person's series, whatever the server calls its label.
 * @param {any} q
 * @returns {{label: string, sent: number, received: number, met: number}}
 */
function quarter(q) {
  const label = q.quarter ?? q.label ?? q.period ?? q.start ?? "";
  return {
    label: String(label).replace(/^(\d{4})-?Q(\d)$/, "Q$2 $1"),
    sent: q.sent ?? q.sentCount ?? 0,
    received: q.received ?? q.receivedCount ?? 0,
    met: q.met ?? q.meetings ?? 0,
  };
}

/**
 * Builds the chart.
 * @param {any[]} series the quarters, oldest first
 * @param {string} name the person's name, for the description
 * @returns {HTMLElement} a figure, or a note when there is nothing to draw
 */
export function quarterChart(series, name) {
  const quarters = (series ?? []).map(quarter);
  if (quarters.length === 0) {
    return h("p", { className: "muted small" }, "No history to chart.");
  }

  const width = 288, height = 96, top = 4, bottom = 16;
  const plot = height - top - bottom;
  const max = Math.max(1, ...quarters.map((q) => Math.max(q.sent, q.received, q.met)));
  const total = quarters.reduce((sum, q) => ({ sent: sum.sent + q.sent, received: sum.received + q.received, met: sum.met + q.met }), { sent: 0, received: 0, met: 0 });
  // Meetings are a third bar only for people the user has met: a mail-only history keeps two wide bars.
  const keys = total.met > 0 ? ["sent", "received", "met"] : ["sent", "received"];
  const slot = width / quarters.length;
  const bar = Math.max(1, Math.min(12, slot * (0.8 / keys.length)));

  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, className: "chart", role: "img", "aria-labelledby": "chart-title", "data-testid": "history-chart" });
  chart.setAttribute("class", "chart");
  const title = svg("title", { id: "chart-title" });
  title.textContent = `Messages with ${name} per quarter, ${quarters[0].label} to ${quarters.at(-1).label}: ${total.sent} sent, ${total.received} received`
    + (total.met > 0 ? `, ${total.met} meetings.` : ".");
  chart.append(title);
  chart.append(svg("rect", { x: 0, y: top + plot, width, height: 1, fill: "#d1d1d1" }));
  quarters.forEach((q, i) => {
    const left = i * slot + slot / 2 - (bar * keys.length) / 2;
    keys.forEach((key, j) => {
      const barHeight = (q[key] / max) * plot;
      chart.append(svg("rect", { class: key, x: left + j * bar, y: top + plot - barHeight, width: bar, height: barHeight }));
    });
  });
  for (const [i, anchor] of [[0, "start"], [quarters.length - 1, "end"]]) {
    const label = svg("text", { class: "axis", x: anchor === "start" ? 0 : width, y: height - 3, "text-anchor": anchor });
    label.textContent = quarters[i].label;
    chart.append(label);
  }

  const table = h("table", { className: "visually-hidden" },
    h("caption", null, `Messages with ${name} per quarter`),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Quarter"), h("th", { scope: "col" }, "Sent"), h("th", { scope: "col" }, "Received"),
      total.met > 0 ? h("th", { scope: "col" }, "Met") : null)),
    h("tbody", null, ...quarters.map((q) => h("tr", null, h("th", { scope: "row" }, q.label), h("td", null, q.sent), h("td", null, q.received),
      total.met > 0 ? h("td", null, q.met) : null))));

  return h("figure", { className: "history-chart" },
    chart,
    h("figcaption", { className: "legend", "aria-hidden": "true" },
      h("span", null, h("span", { className: "swatch sent" }), `Sent (${total.sent})`),
      h("span", null, h("span", { className: "swatch received" }), `Received (${total.received})`),
      total.met > 0 ? h("span", null, h("span", { className: "swatch met" }), `Met (${total.met})`) : null),
    table);
}
