"""How a page of the views looks to a person at first sight, measured in a real browser.

A page opens at 1400 × 900 (a laptop screen) with the network cut off. After the network has drawn,
for the nodes in view: the label size as drawn (font size × the network's zoom), the share of
labels whose boxes overlap another's, and whether every node lies inside the drawing area, itself
inside the window. A page is legible when labels are drawn at 12 px or more, fewer than 10 % of
them overlap another label or another node, and the whole graph is in view.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, guarded_tab
from policykg.viz.pages import slug

ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1400, "height": 900}
MIN_LABEL_PX = 12
MAX_OVERLAP = 0.10
MAX_OPEN_SECONDS = 3.0

# Reads vis-network's own record of what it drew: each visible node's label box (canvas units, set
# when the label is drawn), converted to screen pixels with canvasToDOM.
MEASURE = """() => {
  const net = window.network, scale = net.getScale();
  const area = document.getElementById('mynetwork').getBoundingClientRect();
  const inWindow = area.top >= -1 && area.left >= -1 && area.bottom <= window.innerHeight + 1
    && area.right <= window.innerWidth + 1;
  const ids = net.body.nodeIndices, labels = [], bodies = [], sizes = [];
  let outside = 0;
  for (const id of ids) {
    const node = net.body.nodes[id], box = node.shape.boundingBox;
    const a = net.canvasToDOM({x: box.left, y: box.top}), b = net.canvasToDOM({x: box.right, y: box.bottom});
    const inside = a.x >= -1 && a.y >= -1 && b.x <= area.width + 1 && b.y <= area.height + 1;
    if (!inside) outside++;
    const centre = net.canvasToDOM(net.getPosition(id));
    if (centre.x < 0 || centre.y < 0 || centre.x > area.width || centre.y > area.height) continue;
    // the node's own shape: a box holds its label, a dot (radius = size) carries it below
    const half = node.options.shape === "box" ? {w: node.shape.width / 2, h: node.shape.height / 2}
      : {w: node.options.size, h: node.options.size};
    const w = 2 * half.w * scale, h = 2 * half.h * scale;
    bodies.push({id, x: centre.x - w / 2, y: centre.y - h / 2, w, h});
    if (!node.options.label) continue;
    sizes.push(node.labelModule.fontOptions.size * scale);
    const s = node.labelModule.size, p = net.canvasToDOM({x: s.left, y: s.top});
    labels.push({id, x: p.x, y: p.y, w: s.width * scale, h: s.height * scale});
  }
  const cross = (a, b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1
    && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
  // a label is unreadable where it crosses another label or another node
  const overlapping = labels.filter(a => labels.some(b => b.id !== a.id && cross(a, b))
    || bodies.some(b => b.id !== a.id && cross(a, b))).length;
  sizes.sort((x, y) => x - y);
  return {nodes: ids.length, labels: labels.length, minPx: sizes.length ? sizes[0] : 0,
          medianPx: sizes.length ? sizes[Math.floor(sizes.length / 2)] : 0,
          overlap: labels.length ? overlapping / labels.length : 0, outside, inWindow, scale};
}"""


@dataclass(frozen=True)
class Sight:
    """What a page shows at first sight."""

    page: str
    nodes: int  # nodes drawn
    labels: int  # labelled nodes in view
    min_px: float  # smallest label as drawn
    median_px: float
    overlap: float  # share of labels in view overlapping another
    whole_graph_in_view: bool
    open_seconds: float  # from navigation to the network drawn and settled

    def problems(self) -> list[str]:
        found = []
        if self.min_px < MIN_LABEL_PX:
            found.append(f"labels drawn at {self.min_px:.1f} px (< {MIN_LABEL_PX})")
        if self.overlap >= MAX_OVERLAP:
            found.append(f"{self.overlap:.0%} of labels overlap")
        if not self.whole_graph_in_view:
            found.append("part of the graph is out of view")
        if self.open_seconds >= MAX_OPEN_SECONDS:
            found.append(f"opens in {self.open_seconds:.1f} s")
        return found

    def row(self) -> str:
        return (
            f"| {self.page} | {self.nodes} | {self.min_px:.1f} / {self.median_px:.1f} px | {self.overlap:.0%} | "
            f"{'yes' if self.whole_graph_in_view else 'no'} | {self.open_seconds:.2f} s |"
        )


def look_at(browser, path: Path, shot: str, name: str | None = None) -> tuple[Sight, object, list[str]]:
    """Open ``path`` as a leader would and measure it; the screenshot goes to test-artifacts/.
    Returns the measure, the open tab and the problems the guard recorded (outside requests, errors)."""
    tab, problems = guarded_tab(browser, "file://", offline=True, viewport=VIEWPORT)
    start = time.perf_counter()
    tab.goto(path.as_uri())
    tab.wait_for_function("window.network !== undefined && window.viewReady === true", timeout=10_000)
    opened = time.perf_counter() - start
    figures = tab.evaluate(MEASURE)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    sight = Sight(
        page=name or shot,
        nodes=figures["nodes"],
        labels=figures["labels"],
        min_px=figures["minPx"],
        median_px=figures["medianPx"],
        overlap=figures["overlap"],
        whole_graph_in_view=figures["outside"] == 0 and figures["inWindow"],
        open_seconds=opened,
    )
    return sight, tab, problems


PARTS_CHECKED = 30  # at most, spread evenly over a page's parts (every part of the bundled corpus's pages)


def every_part_legible(tab) -> list[str]:
    """Switch to further parts of the open page and measure them; the failures, described. A page of
    many parts (a generated corpus's overlaps) is sampled evenly, its last part included."""
    failures = []
    parts = int(tab.get_attribute("#mynetwork", "data-parts"))
    step = max(1, -(-(parts - 1) // PARTS_CHECKED))
    for i in sorted({*range(1, parts, step), parts - 1} - {0}):
        tab.evaluate(f"showPart({i})")
        tab.wait_for_function("window.viewReady === true")
        f = tab.evaluate(MEASURE)
        if f["minPx"] < 12 or f["overlap"] >= 0.10 or f["outside"] or not f["inWindow"]:
            failures.append(f"part {i + 1}: {f}")
    return failures


def main_pages(corpus, documents: int, agencies: int) -> list[str]:
    """The four views, ``documents`` document pages spread over the corpus, and the pages of the
    busiest agencies and of others spread over the list (``agencies`` of each)."""
    busiest = sorted(corpus.overview.loads, key=lambda a: (-corpus.overview.loads[a].weighted_degree, a))
    docs = list(corpus.documents.values())
    spread_agencies = busiest[agencies :: max(1, len(busiest) // agencies)][:agencies]
    return (
        ["flow", "overlaps", "responsibility", "zones"]
        + [f"documents/{d.stem}" for d in docs[:: max(1, len(docs) // documents)][:documents]]
        + [f"agencies/{slug(a)}" for a in busiest[:agencies] + spread_agencies]
    )


def overlap_pages(written: dict[str, Path], most: int) -> list[str]:
    """The overlaps pages: the first (which lists every topic) and up to ``most`` others spread
    evenly over the rest, the last included."""
    others = sorted((n for n in written if n.startswith("overlaps/")), key=lambda n: int(n.rsplit("/", 1)[1]))
    step = max(1, -(-len(others) // most))
    return ["overlaps"] + sorted({*others[::step], *others[-1:]}, key=others.index)


def misdirected_topic_links(browser, index: Path, most: int) -> tuple[int, list[str]]:
    """Follow up to ``most`` links of the list of topics on ``index`` (spread evenly, the last
    included): each must open its page at the part that draws the topic. Returns the number of
    topics listed and the links that do not."""
    tab, problems = guarded_tab(browser, "file://", offline=True, viewport=VIEWPORT)
    tab.goto(index.as_uri())
    links = [
        tuple(link)
        for link in tab.eval_on_selector_all(
            "table.topics tbody tr a", "links => links.map(a => [a.textContent, a.getAttribute('href')])"
        )
    ]
    step = max(1, -(-len(links) // most))
    wrong = []
    for text, href in sorted({*links[::step], *links[-1:]}, key=links.index):
        tab.goto(index.as_uri())
        tab.evaluate("window.viewReady = false")  # a part of the same page: the hash moves, the page stays
        tab.click(f"table.topics a[href='{href}']")
        tab.wait_for_function(f"location.href.endsWith({href!r}) && window.viewReady === true")
        hub = "topic:" + text.split()[0].removeprefix("主题")
        if hub not in tab.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.key)"):
            wrong.append(f"{text} → {href}")
    tab.context.close()
    return len(links), wrong + problems


def check_pages(browser, written: dict[str, Path], names: list[str], tag: str) -> None:
    """Open each page, measure it and all its parts; write the figures to test-artifacts/."""
    rows, failures = [], []
    for name in names:
        sight, tab, problems = look_at(browser, written[name], f"{tag}-{name.replace('/', '-')}", name)
        rows.append(sight.row())
        failures += [f"{name}: {p}" for p in problems + sight.problems() + every_part_legible(tab)]
        tab.context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    header = "| page | nodes shown | label px (min / median) | overlapping labels | whole graph in view | open |\n"
    (ARTIFACTS / f"legibility-{tag}.md").write_text(header + "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n")
    assert failures == []
