/* One view of policy-kg: the parts of its graph (laid out in Python, physics off), drawn one at a
   time and fitted to the window; a selector, the search and links to #part-N move between them.
   Text is set with textContent only; vis-network shows string tooltips as text. */
(function () {
  "use strict";
  const VIEW = JSON.parse(document.getElementById("view-data").textContent);
  const select = document.getElementById("part");
  const status = document.getElementById("found");
  const all = [];
  const links = [];
  VIEW.parts.forEach((part, p) => {
    part.nodes.forEach(n => all.push(Object.assign({}, n, { id: p + "|" + n.id, key: n.id, part: p, physics: false })));
    part.edges.forEach((e, k) => links.push(Object.assign({}, e, { id: p + "|" + k, from: p + "|" + e.from, to: p + "|" + e.to, part: p })));
  });
  function asked() {  // the part a link asks for (#part-3: the third), or null
    const number = Number((location.hash.match(/^#part-(\d+)$/) || [])[1]);
    return number >= 1 && number <= VIEW.parts.length ? number - 1 : null;
  }
  let current = asked() ?? 0;
  all.forEach(n => { n.hidden = n.part !== current; });
  links.forEach(e => { e.hidden = e.part !== current; });
  window.nodes = new vis.DataSet(all);
  window.edges = new vis.DataSet(links);
  window.network = new vis.Network(document.getElementById("mynetwork"), { nodes: window.nodes, edges: window.edges }, VIEW.options);

  function settle() {  // fit once the labels are measured, then say the view is ready
    window.viewReady = false;
    network.once("afterDrawing", () => {
      network.fit({ animation: false });
      network.once("afterDrawing", () => { window.viewReady = true; });
      network.redraw();
    });
    network.redraw();
  }

  function drawLegend() {
    const box = document.getElementById("part-legend");
    box.replaceChildren();
    (VIEW.parts[current] ? VIEW.parts[current].legend : []).forEach(entry => {
      const key = document.createElement("span");
      key.className = "key";
      const swatch = document.createElement("span");
      swatch.className = "swatch " + entry.shape;
      swatch.style.background = entry.color;
      key.append(swatch, document.createTextNode(entry.label));
      box.append(key);
    });
  }

  function show(p) {
    current = p;
    nodes.update(all.map(n => ({ id: n.id, hidden: n.part !== p })));
    edges.update(links.map(e => ({ id: e.id, hidden: e.part !== p })));
    if (select) select.value = String(p);
    drawLegend();
    settle();
  }
  window.showPart = show;

  if (select) {
    select.value = String(current);
    select.addEventListener("change", () => show(Number(select.value)));
    document.getElementById("previous").addEventListener("click", () => show((current + VIEW.parts.length - 1) % VIEW.parts.length));
    document.getElementById("next").addEventListener("click", () => show((current + 1) % VIEW.parts.length));
  }
  window.addEventListener("hashchange", () => {  // a link to another part of this page
    if (asked() === null) return;
    show(asked());
    document.getElementById("mynetwork").scrollIntoView();
  });
  network.on("doubleClick", event => {
    const node = event.nodes.length ? nodes.get(event.nodes[0]) : null;
    if (node && node.url) window.location.href = node.url;
  });
  document.getElementById("search").addEventListener("input", event => {
    const text = event.target.value.trim();
    document.querySelectorAll("table.filterable tbody tr").forEach(row => { row.hidden = Boolean(text) && !row.textContent.includes(text); });
    if (!text) { network.unselectAll(); status.textContent = ""; return; }
    const named = all.filter(n => (n.label || "").includes(text));
    const hits = named.length ? named : all.filter(n => (n.title || "").includes(text));
    if (!hits.length) {
      const rows = document.querySelectorAll("table.filterable tbody tr:not([hidden])").length;
      status.textContent = rows ? "图中无匹配，见下表 " + rows + " 行 not in this graph: " + rows + " rows below" : "无匹配 no match";
      network.unselectAll();
      return;
    }
    const first = hits[0];
    if (first.part !== current) show(first.part);
    network.selectNodes(hits.filter(n => n.part === first.part).map(n => n.id));
    status.textContent = hits.length + " 处 found";
  });
  drawLegend();
  settle();
})();
