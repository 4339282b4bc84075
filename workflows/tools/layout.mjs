#!/usr/bin/env node
// Writes the BPMN diagram (BPMNDI) of each shipped workflow from a grid position per element, so
// the designer and the viewer draw them neatly. The process part of each file is hand-written and
// left untouched; only the <bpmndi:BPMNDiagram> block is replaced.
// Usage: node workflows/tools/layout.mjs   (from the repository root or anywhere)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COL = 170;
const ROW = 140;
const ORIGIN = { x: 120, y: 120 };

// [column, row] of each node; boundary events sit on their host's lower edge (offset in px).
const LAYOUTS = {
  'incoming-document': {
    nodes: {
      received: [0, 0],
      setSupervisor: [1, 0],
      signFor: [2, 0],
      register: [3, 0],
      screen: [4, 0],
      screened: [5, 0],
      notifySender: [5, -1],
      returned: [6, -1],
      propose: [6, 0],
      instruct: [7, 0],
      fork: [8, 0],
      leadHandle: [9, 0],
      assistHandle: [9, 1],
      join: [10, 0],
      reply: [11, 0],
      conclude: [12, 0],
      concluded: [13, 0],
      leadUrge: [10, -1],
      leadUrged: [11, -1],
      leadRemind: [10, -2],
      leadReminded: [11, -2],
      assistUrge: [10, 2],
      assistUrged: [11, 2],
      assistRemind: [10, 3],
      assistReminded: [11, 3],
    },
    // the lead's timers sit on its upper edge, the assistants' on their lower edge, so no flows cross
    boundaries: {
      leadReminder: ['leadHandle', -25, 'top'],
      leadOverdue: ['leadHandle', 25, 'top'],
      assistReminder: ['assistHandle', -25],
      assistOverdue: ['assistHandle', 25],
    },
  },
  'outgoing-document': {
    nodes: {
      started: [0, 0],
      draft: [1, 0],
      review: [2, 0],
      reviewed: [3, 0],
      countersign: [4, 0],
      signOff: [5, 0],
      recheck: [6, 0],
      rechecked: [7, 0],
      register: [8, 0],
      print: [9, 0],
      dispatch: [10, 0],
      dispatched: [11, 0],
    },
    boundaries: {},
  },
  'leader-mailbox': {
    nodes: {
      letterReceived: [0, 0],
      review: [1, 0],
      reviewed: [2, 0],
      notAcceptedEnd: [2, -1],
      handle: [3, 0],
      audit: [4, 0],
      audited: [5, 0],
      publish: [6, 0],
      published: [7, 0],
    },
    boundaries: {},
  },
  'disclosure-review': {
    nodes: {
      started: [0, 0],
      propose: [1, 0],
      deptOpinion: [2, 0],
      secrecyReview: [3, 0],
      publishable: [4, 0],
      leaderApproval: [5, 0],
      approved: [6, 0],
      publish: [7, 0],
      published: [8, 0],
      notPublished: [7, 1],
    },
    boundaries: {},
  },
  'request-approval': {
    nodes: {
      submitted: [0, 0],
      deptHeadApproval: [1, 0],
      deptDecided: [2, 0],
      leaderApproval: [3, 1],
      leaderDecided: [4, 1],
      approvedEnd: [5, 0],
      rejectedEnd: [5, 2],
    },
    boundaries: {},
  },
};

const SIZE = { task: [100, 80], event: [36, 36], gateway: [50, 50] };
const kindOf = (tag) => (/Gateway$/.test(tag) ? 'gateway' : /Event$/.test(tag) ? 'event' : 'task');

function layout(name) {
  const file = join(ROOT, name, `${name}.bpmn`);
  const xml = readFileSync(file, 'utf8').replace(/\s*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
  const spec = LAYOUTS[name];
  const processId = /<process id="([^"]+)"/.exec(xml)[1];
  const topRow = Math.min(0, ...Object.values(spec.nodes).map((p) => p[1]));
  const shapes = new Map();
  for (const m of xml.matchAll(/<(\w+) id="([^"]+)"([^>]*)>/g)) {
    const [, tag, id] = m;
    if (tag === 'sequenceFlow' || tag === 'process' || tag === 'definitions') continue;
    if (tag === 'boundaryEvent') {
      const [host, dx, edge = 'bottom'] = spec.boundaries[id];
      const h = shapes.get(host);
      if (!h) throw new Error(`${name}: boundary ${id} before its host ${host}`);
      const dy = (edge === 'top' ? -1 : 1) * (SIZE.task[1] / 2);
      shapes.set(id, { id, kind: 'event', cx: h.cx + dx, cy: h.cy + dy, w: 36, h: 36, boundary: edge });
      continue;
    }
    const pos = spec.nodes[id];
    if (!pos) throw new Error(`${name}: no position for ${id}`);
    const kind = kindOf(tag);
    const [w, h] = SIZE[kind];
    shapes.set(id, {
      id,
      kind,
      cx: ORIGIN.x + pos[0] * COL,
      cy: ORIGIN.y + (pos[1] - topRow) * ROW,
      w,
      h,
      row: pos[1],
      marker: tag === 'exclusiveGateway',
    });
  }
  const edges = [];
  let backLane = 0;
  for (const m of xml.matchAll(/<sequenceFlow id="([^"]+)"[^>]*sourceRef="([^"]+)" targetRef="([^"]+)"/g)) {
    const [, id, from, to] = m;
    const s = shapes.get(from);
    const t = shapes.get(to);
    let points;
    if (t.cx < s.cx - 1) {
      // a flow going back (退回, 复审): under the row, into the target's bottom
      const y = Math.max(s.cy + s.h / 2, t.cy + t.h / 2) + 40 + 20 * backLane++;
      points = [
        [s.cx, s.cy + s.h / 2],
        [s.cx, y],
        [t.cx, y],
        [t.cx, t.cy + t.h / 2],
      ];
    } else if (Math.abs(s.cy - t.cy) < 1) {
      points = [
        [s.cx + s.w / 2, s.cy],
        [t.cx - t.w / 2, t.cy],
      ];
    } else if (s.boundary) {
      points = [
        [s.cx, s.cy + (s.boundary === 'top' ? -s.h / 2 : s.h / 2)],
        [s.cx, t.cy],
        [t.cx - t.w / 2, t.cy],
      ];
    } else if (s.kind === 'gateway') {
      // a split leaves the gateway at its top or bottom corner, then runs across to the target
      const down = t.cy > s.cy;
      points = [
        [s.cx, s.cy + (down ? s.h / 2 : -s.h / 2)],
        [s.cx, t.cy],
        [t.cx - t.w / 2, t.cy],
      ];
    } else {
      // a merge runs across first, then enters the gateway (or task) from above or below
      const down = t.cy > s.cy;
      points = [
        [s.cx + s.w / 2, s.cy],
        [t.cx, s.cy],
        [t.cx, t.cy + (down ? -t.h / 2 : t.h / 2)],
      ];
    }
    edges.push({ id, points });
  }
  const r = (n) => Math.round(n);
  const lines = [
    `  <bpmndi:BPMNDiagram id="${processId}-diagram">`,
    `    <bpmndi:BPMNPlane id="${processId}-plane" bpmnElement="${processId}">`,
  ];
  for (const s of shapes.values()) {
    const attrs = s.marker ? ' isMarkerVisible="true"' : '';
    lines.push(`      <bpmndi:BPMNShape id="${s.id}_di" bpmnElement="${s.id}"${attrs}>`);
    lines.push(`        <dc:Bounds x="${r(s.cx - s.w / 2)}" y="${r(s.cy - s.h / 2)}" width="${s.w}" height="${s.h}" />`);
    if (s.kind !== 'task')
      lines.push(
        `        <bpmndi:BPMNLabel><dc:Bounds x="${r(s.cx - 45)}" y="${r(s.cy + s.h / 2 + 6)}" width="90" height="27" /></bpmndi:BPMNLabel>`,
      );
    lines.push('      </bpmndi:BPMNShape>');
  }
  for (const e of edges) {
    lines.push(`      <bpmndi:BPMNEdge id="${e.id}_di" bpmnElement="${e.id}">`);
    for (const [x, y] of e.points) lines.push(`        <di:waypoint x="${r(x)}" y="${r(y)}" />`);
    lines.push('      </bpmndi:BPMNEdge>');
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>');
  writeFileSync(file, xml.replace(/\s*<\/definitions>\s*$/, `\n${lines.join('\n')}\n</definitions>\n`));
  console.log(`${name}: ${shapes.size} shapes, ${edges.length} edges`);
}

for (const name of process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(LAYOUTS)) layout(name);
