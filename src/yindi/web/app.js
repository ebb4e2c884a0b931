/* Yindi dashboard: a client of the read-only API (/api/...) and nothing else. No build step, no CDN. */
"use strict";

const T = {
  zh: {
    title: "因地 · 新质生产力仪表盘", layer: "地图指标", year: "年份", csv: "下载 CSV", xlsx: "下载 Excel",
    herding: "一哄而上预警", search_ph: "搜索地区：中文、英文或拼音", pick: "在地图上点击地区，或在上方搜索。",
    foot: "所有数值来自已存储的分析结果；接口说明见 /api/docs。", data: "数据指标", results: "分析结果",
    no_data: "无数据", sea: "南海诸岛", unit: "单位", study: (s) => `${s.year} 年 · ${s.n_regions} 个地区 · 数据摘要 ${s.digest.slice(0, 8)}`,
    index: "新质生产力指数", score: "得分", rank: "排名", interval: "排名区间", of: (n) => `共 ${n} 个`, type: "类型",
    type_v: (t) => `${t} 类`, coordination: "耦合协调度", efficiency: "效率与生产率", measure: "度量", value: "数值",
    strengths: "相对优势（障碍度最低）", obstacles: "主要障碍（障碍度最高）", indicator: "指标", obstacle: "障碍度",
    portfolio: "产业布局组合", dont: "有所不为清单", herd_risk: "一哄而上风险", partners: "协同伙伴", modes: "发展与转化模式",
    tier: "层级", industry: "产业", decision: "决策", reason: "理由", level: "预警等级", targets: "列为目标的地区",
    capable: "具备条件的地区", partner: "伙伴", as: "本地角色", role: "协同角色", driver: "发展动力",
    transfer: "转化模式", not_computed: "未计算：该分析尚未运行或尚未接入流水线。", failed: "计算失败：",
    no_row: "该地区没有这项结果。", none: "无", error: "出错：", source_as: { source: "策源方", carrier: "承载方" },
    driver_v: { technology: "技术进步驱动", factor: "要素投入驱动", missing: "缺少生产率结果" },
    province: "省级", city: "地级", county: "县级",
  },
  en: {
    title: "Yindi · NQPF dashboard", layer: "Map layer", year: "Year", csv: "Download CSV", xlsx: "Download Excel",
    herding: "Herding alerts", search_ph: "Search a region: Chinese, English or pinyin", pick: "Click a region on the map or search above.",
    foot: "Every number comes from the stored analysis results; API documentation at /api/docs.", data: "Data indicators",
    results: "Analysis results", no_data: "no data", sea: "South China Sea Islands", unit: "Unit",
    study: (s) => `${s.year} · ${s.n_regions} regions · data digest ${s.digest.slice(0, 8)}`,
    index: "NQPF index", score: "Score", rank: "Rank", interval: "Rank interval", of: (n) => `of ${n}`, type: "Type",
    type_v: (t) => `Type ${t}`, coordination: "Coupling coordination", efficiency: "Efficiency and productivity",
    measure: "Measure", value: "Value", strengths: "Strengths (lowest obstacle degree)", obstacles: "Main obstacles (highest obstacle degree)",
    indicator: "Indicator", obstacle: "Obstacle degree", portfolio: "Industry portfolio", dont: "Don't list",
    herd_risk: "Herding risks", partners: "Partners", modes: "Development and transfer mode", tier: "Tier",
    industry: "Industry", decision: "Decision", reason: "Reason", level: "Alert", targets: "Regions targeting it",
    capable: "Capable regions", partner: "Partner", as: "This region as", role: "Role", driver: "Growth driver",
    transfer: "Transfer mode", not_computed: "Not computed: this analysis has not run or is not wired into the pipeline yet.",
    failed: "Failed: ", no_row: "No result for this region.", none: "none", error: "Error: ",
    source_as: { source: "source", carrier: "carrier" },
    driver_v: { technology: "technology-driven", factor: "factor-driven", missing: "no productivity result" },
    province: "province", city: "city", county: "county",
  },
};
const BLUES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const NO_DATA = "#d9d9d9";
const SVGNS = "http://www.w3.org/2000/svg";
const S = { lang: new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh",
  regions: [], layers: [], indicators: {}, labels: {}, geo: null, study: null, layer: null, year: null, values: {},
  selected: null, profile: null, herding: null };

const $ = (sel) => document.querySelector(sel);
const t = (k) => T[S.lang][k];
const nm = (r) => (S.lang === "en" ? r.name_en : r.name_zh);
const colon = () => (S.lang === "en" ? ": " : "：");
const paren = (x) => (S.lang === "en" ? ` (${x})` : `（${x}）`);
const regionName = (code, fallback) => { const r = S.regions.find((x) => x.code === code); return r ? nm(r) : fallback; };
const lab = (kind, id) => ((S.labels[kind] || {})[id] || {})[S.lang] || id;
function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function fmt(v, d) {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (typeof v !== "number") return esc(v);
  if (Number.isInteger(v) && Math.abs(v) < 10000) return String(v); // years and counts: 2023, not 2,023
  if (Math.abs(v) >= 1000) return v.toLocaleString(S.lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 0 });
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(d ?? (Math.abs(v) < 10 ? 3 : 2));
}
async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(S.lang === "en" ? body.error.message_en : body.error.message_zh);
  return body;
}

/* ---- map ---------------------------------------------------------------------------------------------- */
function el(name, attrs, parent) {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}
function drawMap() {
  const g = S.geo, box = $("#map");
  box.textContent = "";
  const svg = el("svg", { viewBox: `0 0 ${g.width} ${g.height}`, role: "img", "aria-label": t("layer") }, box);
  el("rect", { width: g.width, height: g.height, fill: "#ffffff" }, svg);
  if (g.province_outlines) el("path", { d: g.province_outlines, fill: NO_DATA, stroke: "none" }, svg);
  const main = el("g", { class: "regions" }, svg);
  for (const r of g.regions) {
    const p = el("path", { d: r.d, class: "region", "data-code": r.code }, main);
    p.addEventListener("click", () => selectRegion(r.code));
    p.addEventListener("mousemove", (ev) => showTip(ev, r.code));
    p.addEventListener("mouseleave", () => ($("#tooltip").hidden = true));
  }
  if (g.province_outlines) el("path", { d: g.province_outlines, fill: "none", stroke: "#fff", "stroke-width": 0.9 }, svg);
  if (g.maritime.main) el("path", { d: g.maritime.main, fill: "none", stroke: "#5a6b7b", "stroke-width": 1.1 }, svg);
  const [x, y, w, h] = g.inset_box;
  const inset = el("g", { class: "inset" }, svg);
  el("rect", { x, y, width: w, height: h, fill: "#fff", stroke: "#555", "stroke-width": 0.8 }, inset);
  for (const r of g.regions) if (r.inset) el("path", { d: r.inset, class: "inset-region", "data-code": r.code, stroke: "#9a9a9a", "stroke-width": 0.25 }, inset);
  el("path", { d: g.maritime.inset, fill: "none", stroke: "#5a6b7b", "stroke-width": 0.9 }, inset);
  const lbl = el("text", { x: x + w - 4, y: y + h - 5, "text-anchor": "end", class: "sea-label" }, inset);
  lbl.textContent = t("sea");
  el("g", { class: "legend" }, svg);
  colourMap();
}
function breaks(vals) {
  const s = [...vals].sort((a, b) => a - b);
  if (!s.length) return [];
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  const edges = [s[0], q(0.2), q(0.4), q(0.6), q(0.8), s[s.length - 1]];
  return edges.filter((v, i) => i === 0 || v > edges[i - 1]);
}
function classOf(v, edges) {
  if (v === null || v === undefined || !edges.length) return -1;
  for (let i = 1; i < edges.length; i++) if (v <= edges[i]) return i - 1;
  return edges.length - 2;
}
function colourMap() {
  const svg = $("#map svg");
  if (!svg) return;
  const vals = Object.values(S.values).filter((v) => v !== null && v !== undefined);
  const edges = breaks(vals);
  const k = Math.max(1, edges.length - 1);
  const pal = BLUES.slice(BLUES.length - k);
  svg.querySelectorAll("path[data-code]").forEach((p) => {
    const c = classOf(S.values[p.dataset.code], edges);
    p.setAttribute("fill", c < 0 ? NO_DATA : pal[Math.min(c, pal.length - 1)]);
    p.classList.toggle("selected", p.dataset.code === S.selected);
  });
  const leg = svg.querySelector("g.legend");
  leg.textContent = "";
  const rows = [];
  for (let i = 0; i + 1 < edges.length; i++) rows.push([pal[i], `${fmt(edges[i])} – ${fmt(edges[i + 1])}`]);
  if (edges.length === 1) rows.push([pal[0], fmt(edges[0])]);
  rows.push([NO_DATA, t("no_data")]);
  let y0 = S.geo.height - 16 - 20 * rows.length;
  const unit = S.layer && S.layer.unit;
  if (unit) { const u = el("text", { x: 14, y: y0 - 6 }, leg); u.textContent = `${t("unit")}${S.lang === "en" ? ": " : "："}${unit}`; }
  rows.forEach(([col, text], i) => {
    el("rect", { x: 14, y: y0 + 20 * i, width: 21, height: 13, fill: col, stroke: "#9a9a9a", "stroke-width": 0.4 }, leg);
    const tx = el("text", { x: 41, y: y0 + 20 * i + 11.5 }, leg);
    tx.textContent = text;
  });
}
function showTip(ev, code) {
  const r = S.geo.regions.find((x) => x.code === code);
  const tip = $("#tooltip");
  tip.textContent = `${nm(r)}${colon()}${fmt(S.values[code])}`;
  tip.style.left = `${ev.clientX + 12}px`;
  tip.style.top = `${ev.clientY + 12}px`;
  tip.hidden = false;
}

/* ---- layers ------------------------------------------------------------------------------------------- */
function fillLayerSelect() {
  const sel = $("#layer");
  sel.textContent = "";
  for (const [kind, key] of [["indicator", "data"], ["result", "results"]]) {
    const group = document.createElement("optgroup");
    group.label = t(key);
    for (const l of S.layers.filter((x) => x.kind === kind)) {
      const o = document.createElement("option");
      o.value = l.id;
      const name = S.lang === "en" ? l.name_en : l.name_zh;
      const node = lab("node", l.node);
      o.textContent = kind !== "result" ? name : S.lang === "en" ? `${name} (${node})` : `${name}（${node}）`;
      group.appendChild(o);
    }
    if (group.children.length) sel.appendChild(group);
  }
  if (S.layer) sel.value = S.layer.id;
}
async function setLayer(id, year) {
  S.layer = S.layers.find((l) => l.id === id) || S.layers[0];
  const ysel = $("#year");
  ysel.textContent = "";
  for (const y of [...S.layer.years].reverse()) {
    const o = document.createElement("option");
    o.value = y; o.textContent = y; ysel.appendChild(o);
  }
  ysel.disabled = !S.layer.years.length;
  S.year = year && S.layer.years.includes(year) ? year : S.layer.years[S.layer.years.length - 1] ?? null;
  if (S.year !== null) ysel.value = S.year;
  const q = S.year !== null ? `?year=${S.year}` : "";
  const body = await api(`/api/layers/${encodeURIComponent(S.layer.id)}${q}`);
  S.values = Object.fromEntries(body.values.map((v) => [v.region_code, v.value]));
  $("#dl-layer-csv").href = `/api/layers/${encodeURIComponent(S.layer.id)}.csv${q}`;
  $("#dl-layer-xlsx").href = `/api/layers/${encodeURIComponent(S.layer.id)}.xlsx${q}`;
  colourMap();
}

/* ---- search ------------------------------------------------------------------------------------------- */
function search(text) {
  const key = text.trim().toLowerCase().replace(/\s+/g, "");
  const ul = $("#search-results");
  ul.textContent = "";
  if (!key) return [];
  const hits = S.regions.filter((r) => [r.code, r.name_zh, r.full_name_zh, r.name_en, r.pinyin, r.initials]
    .some((f) => String(f).toLowerCase().replace(/\s+/g, "").includes(key))).slice(0, 12);
  for (const r of hits) {
    const li = document.createElement("li");
    li.dataset.code = r.code;
    li.innerHTML = `${esc(nm(r))}<span class="sub">${esc(S.lang === "en" ? r.name_zh : r.name_en)} · ${esc(r.code)}</span>`;
    li.addEventListener("click", () => selectRegion(r.code));
    ul.appendChild(li);
  }
  return hits;
}

/* ---- profile ------------------------------------------------------------------------------------------ */
function state(part) {
  if (!part || part.status === "ok") return "";
  if (part.status === "failed") return `<p class="status failed">${esc(t("failed"))}${esc(part.reason || "")}</p>`;
  return `<p class="status ${esc(part.status)}">${esc(t(part.status === "no_row" ? "no_row" : "not_computed"))}</p>`;
}
function table(cols, rows) {
  if (!rows.length) return `<p class="status">${esc(t("none"))}</p>`;
  const head = cols.map(([, h]) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${cols.map(([f]) => {
    const v = typeof f === "function" ? f(r) : r[f];
    return typeof v === "number" ? `<td class="num">${fmt(v)}</td>` : `<td>${v ?? "—"}</td>`;
  }).join("")}</tr>`).join("");
  return `<table class="t"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
function downloads(node, tbl, code) {
  const q = `?region_code=${encodeURIComponent(code)}`;
  return `<p class="dl"><a href="/api/results/${node}/${tbl}.csv${q}" download>${esc(t("csv"))}</a>` +
    `<a href="/api/results/${node}/${tbl}.xlsx${q}" download>${esc(t("xlsx"))}</a></p>`;
}
function indName(id) { const i = S.indicators[id]; return i ? (S.lang === "en" ? i.name_en : i.name_zh) : esc(id); }
function section(id, title, part, inner) {
  return `<section id="${id}" data-status="${esc(part ? part.status : "ok")}"><h3>${esc(title)}</h3>${state(part)}${part && part.status === "ok" ? inner() : ""}</section>`;
}
function renderProfile() {
  const p = S.profile, box = $("#profile");
  if (!p) return;
  const r = S.regions.find((x) => x.code === p.region.code) || p.region;
  const ix = p.index, ty = p.type;
  const facts = [];
  if (ix.status === "ok") {
    facts.push([t("score"), fmt(ix.score)], [t("rank"), `${fmt(ix.rank)} <small>${esc(t("of")(ix.of))}</small>`]);
    if (ix.interval) facts.push([t("interval"), `${fmt(ix.interval.rank_low)}–${fmt(ix.interval.rank_high)}`]);
    if (ix.coupling) facts.push([t("coordination"), fmt(ix.coupling.coordination)]);
  }
  if (ty.status === "ok") facts.push([t("type"), esc(t("type_v")(ty.type))]);
  const code = p.region.code;
  const eff = p.efficiency;
  const obs = p.obstacles;
  const dec = (row) => `${esc(lab("decision", row.decision))}`;
  const reason = (row) => esc(row.sentence || row.reason || row.reasons || "");
  box.innerHTML = `<h2>${esc(nm(r))}</h2><p class="hint">${esc(S.lang === "en" ? "" : r.full_name_zh || "")}${S.lang === "en" ? "" : " · "}${esc(code)} · ${esc(t(p.region.level))}</p>` +
    section("index", t("index"), ix, () => `<div class="facts">${facts.map(([k, v]) => `<div class="fact"><div class="k">${esc(k)}</div><div class="v">${v}</div></div>`).join("")}</div>`) +
    section("efficiency", t("efficiency"), eff, () => table([[(m) => esc(lab("measure", m.measure)), t("measure")], ["year", t("year")], ["value", t("value")]], eff.measures)) +
    section("strengths", t("strengths"), obs, () => table([[(o) => o.name ? esc(o.name) : indName(o.indicator), t("indicator")], ["obstacle", t("obstacle")]], obs.strengths)) +
    section("obstacles", t("obstacles"), obs, () => table([[(o) => o.name ? esc(o.name) : indName(o.indicator), t("indicator")], ["obstacle", t("obstacle")]], obs.obstacles)) +
    section("portfolio", t("portfolio"), p.portfolio, () => table([[(x) => esc(lab("tier", x.tier)), t("tier")], [(x) => esc(x.industry), t("industry")], [dec, t("decision")], ["score", t("score")], [reason, t("reason")]], p.portfolio.rows) + downloads("plan", "portfolio", code)) +
    section("dont", t("dont"), p.dont, () => table([[(x) => esc(x.industry), t("industry")], [reason, t("reason")]], p.dont.rows)) +
    section("herding-risk", t("herd_risk"), p.herding, () => table([[(x) => esc(x.industry), t("industry")], [(x) => `<span class="badge ${esc(x.level)}">${esc(lab("alert", x.level))}</span>`, t("level")], ["targets", t("targets")], ["capable", t("capable")]], p.herding.rows)) +
    section("partners", t("partners"), p.partners, () => (p.role && p.role.status === "ok" ? `<p>${esc(t("role"))}${colon()}${esc(lab("role", p.role.role))}${p.role.reason ? esc(paren(p.role.reason)) : ""}</p>` : "") +
      table([[(x) => esc(regionName(x.partner_code, x.partner)), t("partner")], [(x) => esc(t("source_as")[x.as] || x.as), t("as")], [(x) => esc(x.industry || x.industry_id || ""), t("industry")], ["score", t("score")], [(x) => esc(x.reason || ""), t("reason")]], p.partners.rows) + downloads("coordinate", "pairs", code)) +
    section("modes", t("modes"), p.modes, () => `<p>${esc(t("driver"))}${colon()}${esc(t("driver_v")[p.modes.driver] || p.modes.driver || "—")}</p>`);
}
async function selectRegion(code) {
  S.selected = code;
  $("#search-results").textContent = "";
  try {
    S.profile = await api(`/api/regions/${encodeURIComponent(code)}/profile?lang=${S.lang}`);
    renderProfile();
  } catch (e) {
    $("#profile").innerHTML = `<p class="status failed">${esc(t("error"))}${esc(e.message)}</p>`;
  }
  colourMap();
}

/* ---- herding view ------------------------------------------------------------------------------------- */
function renderHerding() {
  const h = S.herding, box = $("#herding");
  if (!h) return;
  if (h.status !== "ok") { box.innerHTML = state(h); return; }
  box.innerHTML = table([[(x) => esc(x.industry || x.industry_id), t("industry")], [(x) => esc(lab("tier", x.tier)), t("tier")],
    [(x) => `<span class="badge ${esc(x.level)}">${esc(lab("alert", x.level))}</span>`, t("level")], ["targets", t("targets")], ["capable", t("capable")]], h.rows) +
    `<p class="dl"><a href="/api/results/plan/herding.csv" download>${esc(t("csv"))}</a><a href="/api/results/plan/herding.xlsx" download>${esc(t("xlsx"))}</a></p>`;
}

/* ---- language ----------------------------------------------------------------------------------------- */
function applyLang() {
  document.documentElement.lang = S.lang === "en" ? "en" : "zh-CN";
  document.title = t("title");
  document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("[data-tp]").forEach((e) => { e.placeholder = t(e.dataset.tp); });
  $("#lang").textContent = S.lang === "en" ? "中文" : "EN";
  if (S.study) $("#study").textContent = t("study")(S.study);
  const lbl = document.querySelector("#map .sea-label");
  if (lbl) { lbl.textContent = t("sea"); lbl.style.fontSize = S.lang === "en" ? "8.5px" : "12px"; }
  fillLayerSelect();
  colourMap();
  if (S.selected) selectRegion(S.selected);
  renderHerding();
  if ($("#search-results").children.length) search($("#search").value);
}

async function main() {
  try {
    const [study, regions, layers, indicators, labels, herding] = await Promise.all([
      api("/api/study"), api("/api/regions"), api("/api/layers"), api("/api/indicators"), api("/api/labels"), api("/api/herding")]);
    Object.assign(S, { study, regions, layers, labels, herding });
    S.labels.node = { data: { zh: "数据", en: "data" }, index: { zh: "指数", en: "index" }, typology: { zh: "类型", en: "typology" },
      productivity: { zh: "效率", en: "productivity" }, plan: { zh: "布局", en: "lay-out" }, coordinate: { zh: "协同", en: "coordination" },
      structure: { zh: "结构", en: "structure" }, disparity: { zh: "差异", en: "disparity" }, spatial: { zh: "空间", en: "spatial" },
      key_indicators: { zh: "关键指标", en: "key indicators" }, coverage: { zh: "覆盖", en: "coverage" } };
    S.indicators = Object.fromEntries(indicators.map((i) => [i.id, i]));
    const level = regions.length ? regions[0].level : "province";
    S.geo = await api(`/api/geometry/${level}`);
    drawMap();
    applyLang();
    const first = layers.find((l) => l.id === "index:ranking:score") || layers[0];
    if (first) await setLayer(first.id);
    fillLayerSelect();
    document.body.dataset.ready = "1";
  } catch (e) {
    $("#map").innerHTML = `<p class="status failed">${esc(t("error"))}${esc(e.message)}</p>`;
  }
}

$("#lang").addEventListener("click", () => { S.lang = S.lang === "en" ? "zh" : "en"; applyLang(); });
$("#layer").addEventListener("change", (e) => setLayer(e.target.value));
$("#year").addEventListener("change", (e) => setLayer(S.layer.id, Number(e.target.value)));
$("#search").addEventListener("input", (e) => search(e.target.value));
$("#search").addEventListener("keydown", (e) => {
  if (e.key === "Enter") { const hits = search(e.target.value); if (hits.length) selectRegion(hits[0].code); }
});
main();
