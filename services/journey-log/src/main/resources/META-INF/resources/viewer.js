// journey log viewer: plain DOM, no build step. Data: GET journeys, journeys/{id} (with its /steps and /log),
// journeys/stats, failure-codes; live updates from the server-sent events of journeys/stream.
'use strict';

// The hops of a journey in order, as the contracts declare them (GET hops): number, wireName, service, topic,
// title, description. A hop's number identifies it; its index here is its place in the journey.
let HOPS = [];
const hopInfo = (number) => HOPS.find((d) => d.number === number);
const hopPlace = (number) => HOPS.findIndex((d) => d.number === number);
// Payload fields worth the eye: the lease, the address connected to, the rule and target, who registered what.
const KEY_FIELDS = new Set(['lease.address', 'address', 'translatedSource', 'rule', 'target.ip', 'target.pod',
  'target.registeredBy', 'podIp', 'assignedBy', 'status', 'statusLine', 'destinationPrefix', 'originAs']);
const LIST_LIMIT = 200;

const state = {
  summaries: new Map(), // journeyId -> summary, in list order
  journey: null,        // the selected journey's full view
  hop: 0,               // the selected hop's index in journey.hops
  steps: null,          // journeys/{id}/steps: the steps inside each hop, with their frames
  log: null,            // journeys/{id}/log: each event's topic, partition, offset and wall time
  expanded: new Set(),  // hop indexes whose steps are shown under them
  collapsed: new Set(), // 'hop:path' of steps whose own steps are hidden
  step: null,           // the selected step, { hop, path }, or null when a hop is selected
  failureCodes: {},
  statsTimer: null,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function ms(micros) {
  if (micros === undefined || micros === null) return '–';
  return (micros / 1000).toFixed(3) + ' ms';
}

function simTime(iso) {
  return iso ? iso.replace('T', ' ').replace('Z', ' UTC') : '–';
}

function shortId(id) {
  return id && id.length > 13 ? id.slice(0, 8) + '…' + id.slice(-4) : id;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) {
    const problem = await r.json().catch(() => ({}));
    throw Object.assign(new Error(problem.detail || r.statusText), { status: r.status });
  }
  return r.json();
}

// ---- the list of journeys ----------------------------------------------------------------------------------

function statusFilter() {
  return $('status-filter').value;
}

function matchesFilters(s) {
  const status = statusFilter();
  if (status && s.status !== status) return false;
  const q = $('search').value.trim().toLowerCase();
  return !q || [s.journeyId, s.url, s.client].some((f) => f && f.toLowerCase().includes(q));
}

async function loadList() {
  const status = statusFilter();
  const list = await getJson('journeys?limit=' + LIST_LIMIT + (status ? '&status=' + status : ''));
  state.summaries = new Map(list.map((s) => [s.journeyId, s]));
  renderList();
}

function upsert(summary) {
  const known = state.summaries.has(summary.journeyId);
  if (statusFilter() && summary.status !== statusFilter()) {
    if (known) {
      state.summaries.delete(summary.journeyId);
      renderList();
    }
    return;
  }
  if (known) {
    state.summaries.set(summary.journeyId, summary);
  } else {
    // a new journey is the most recently begun: it goes first
    state.summaries = new Map([[summary.journeyId, summary], ...state.summaries]);
  }
  renderList(summary.journeyId);
}

function whereText(s) {
  switch (s.status) {
    case 'COMPLETED': return 'HTTP ' + (s.httpStatus ?? '?') + ' from nginx · ' + s.hopCount + ' hops';
    case 'FAILED': return '✕ ' + s.failedHop + ' · ' + s.failureCode;
    case 'STALLED': return 'stalled after ' + (s.lastHop || 'no hop');
    default: return 'in progress: ' + (s.lastHop || 'starting') + '…';
  }
}

function renderList(flashId) {
  const ul = $('journey-list');
  ul.replaceChildren();
  let shown = 0;
  for (const s of state.summaries.values()) {
    if (!matchesFilters(s)) continue;
    shown++;
    const selected = state.journey && state.journey.journeyId === s.journeyId;
    const li = el('li', {
      class: [selected ? 'selected' : '', s.journeyId === flashId ? 'flash' : ''].join(' ').trim(),
      'aria-current': selected ? 'true' : null,
      dataset: { id: s.journeyId, status: s.status },
      title: s.journeyId,
      onclick: () => { location.hash = '#/journeys/' + encodeURIComponent(s.journeyId); },
    },
    el('span', { class: 'url', text: s.url || '(unknown URL)' }),
    el('span', { class: 'total', text: ms(s.simTotalMicros) }),
    el('span', { class: 'sub' }, el('span', { class: 'badge ' + s.status, text: s.status.replace('_', ' ') }),
      ' ', shortId(s.journeyId), ' · ', s.client || '?'),
    el('span', { class: 'where' + (s.status === 'FAILED' ? ' failed' : ''),
      text: whereText(s) + ' · sim ' + (s.simStartedAt || '').slice(5, 19).replace('T', ' ') }));
    ul.append(li);
  }
  $('list-empty').hidden = shown > 0;
}

function scrollListToSelected() {
  const li = document.querySelector('#journey-list li.selected');
  if (li) li.scrollIntoView({ block: 'nearest' });
}

// ---- statistics in the top bar ------------------------------------------------------------------------------

function scheduleStats() {
  if (state.statsTimer) return;
  state.statsTimer = setTimeout(() => {
    state.statsTimer = null;
    loadStats();
  }, 1500);
}

async function loadStats() {
  try {
    const stats = await getJson('journeys/stats');
    const chips = Object.entries(stats.byOutcome).map(([status, n]) =>
      el('span', { class: 'stat ' + status }, status.replace('_', ' ').toLowerCase(), el('b', { text: n })));
    if (stats.endToEndMicros.count > 0) {
      chips.push(el('span', { class: 'stat p50', title: 'end to end, completed journeys (simulated)' },
        'p50 ' + ms(stats.endToEndMicros.p50) + ' · p99 ' + ms(stats.endToEndMicros.p99)));
    }
    $('stats').replaceChildren(...chips);
  } catch (e) {
    // statistics are a nicety; the list and the journey still work
  }
}

// ---- one journey --------------------------------------------------------------------------------------------

function route() {
  const m = location.hash.match(/^#\/journeys\/([^/]+)(?:\/hops\/(\d+))?/);
  if (!m) return;
  const id = decodeURIComponent(m[1]);
  const hop = m[2] === undefined ? null : Number(m[2]);
  if (state.journey && state.journey.journeyId === id) {
    if (hop !== null) selectHop(hop, false);
    return;
  }
  loadJourney(id, hop);
}

async function loadJourney(id, hop) {
  try {
    const base = 'journeys/' + encodeURIComponent(id);
    // the steps and the log positions are extras: the journey shows without them
    const [journey, steps, log] = await Promise.all([getJson(base),
      getJson(base + '/steps').catch(() => null), getJson(base + '/log').catch(() => null)]);
    const same = state.journey && state.journey.journeyId === id;
    const keep = same ? state.hop : null;
    const keepStep = same && hop === null ? state.step : null;
    if (!same) {
      state.expanded = new Set();
      state.collapsed = new Set();
    }
    state.journey = journey;
    state.steps = steps;
    state.log = log;
    renderJourney();
    const last = journey.hops.length - 1;
    const failed = journey.hops.findIndex((h) => h.outcome.status !== 'OK');
    selectHop(hop ?? keep ?? (failed >= 0 ? failed : 0), false);
    if (keepStep && stepAt(keepStep.hop, keepStep.path)) selectStep(keepStep.hop, keepStep.path);
    if (last < 0) $('hop-detail').replaceChildren(el('p', { class: 'note', text: 'No hop has arrived yet.' }));
    renderList();
    scrollListToSelected();
  } catch (e) {
    $('placeholder').hidden = false;
    $('journey').hidden = true;
    $('placeholder').replaceChildren(el('h2', { text: 'Journey ' + id }), el('p', { text: e.message }));
  }
}

function renderJourney() {
  const j = state.journey;
  $('placeholder').hidden = true;
  $('journey').hidden = false;
  document.title = (j.url || j.journeyId) + ' · journey log';
  $('journey-title').textContent = j.url || j.journeyId;
  $('journey-meta').replaceChildren(
    el('span', {}, 'journey ', el('b', { class: 'mono', text: j.journeyId })),
    el('span', {}, 'from ', el('b', { text: j.client || '?' })),
    el('span', {}, 'simulated start ', el('b', { text: simTime(j.simStartedAt) })),
    el('span', {}, el('b', { text: j.hops.length }), ' of ' + HOPS.length + ' hops'));
  $('journey-status').replaceChildren(
    el('span', { class: 'badge ' + j.status, text: j.status.replace('_', ' ') }),
    el('span', { class: 'big', text: ms(j.simTotalMicros) }),
    el('span', { class: 'hint', text: j.httpStatus ? 'HTTP ' + j.httpStatus + ' from nginx' : 'simulated time' }));
  const base = 'journeys/' + encodeURIComponent(j.journeyId);
  const file = 'journey-' + j.journeyId.replace(/[^A-Za-z0-9._-]/g, '_');
  Object.assign($('download-pcap'), { href: base + '/pcap', download: file + '.pcapng' });
  Object.assign($('download-trace'), { href: base + '/trace', download: file + '.otlp.json' });
  renderBanner(j);
  renderWaterfall(j);
  renderWallTimeline(j);
}

function renderBanner(j) {
  const banner = $('journey-banner');
  banner.className = 'banner ' + j.status;
  if (j.status === 'FAILED') {
    banner.replaceChildren('Failed at ', el('b', { text: j.failedHop }), ' with ',
      el('span', { class: 'code', text: j.failureCode }), ': ', state.failureCodes[j.failureCode] || '',
      el('br'), el('span', { class: 'mono', text: j.failureMessage || '' }));
    banner.hidden = false;
  } else if (j.status === 'STALLED') {
    banner.replaceChildren('Stalled after ', el('b', { text: j.lastHop || 'no hop' }),
      ': no further hop arrived within the stall timeout.');
    banner.hidden = false;
  } else {
    banner.hidden = true;
  }
}

function renderWaterfall(j) {
  const total = Math.max(j.simTotalMicros, 1);
  $('axis').replaceChildren(...[0, 0.25, 0.5, 0.75, 1].map((f) =>
    el('span', { style: 'left:' + f * 100 + '%', text: ms(Math.round(total * f)) })));
  const rows = [];
  let offset = 0; // each hop starts where the one before ended, in simulated time
  j.hops.forEach((h, i) => {
    const failed = h.outcome.status !== 'OK';
    const left = (offset / total) * 100;
    const width = (h.simLatencyMicros / total) * 100;
    const info = hopInfo(h.hop) || { title: h.type, service: h.service };
    const steps = stepsOf(h);
    const open = state.expanded.has(i);
    rows.push(el('li', {
      class: 'hop-row' + (failed ? ' failed' : '') + (open ? ' expanded' : ''), dataset: { hop: i, type: h.type },
      title: info.description || '', onclick: () => selectHop(i, true),
    },
    el('span', { class: 'label' }, toggle(steps.length > 0, open, () => toggleHop(i)),
      el('span', { class: 'label-text' }, el('span', { class: 'name', text: h.hop + ' · ' + info.title }),
        el('span', { class: 'service', text: h.type + ' · ' + h.service
          + (steps.length ? ' · ' + count(steps.length, 'step') : '') }))),
    el('span', { class: 'track' }, el('span', {
      class: 'bar', style: 'left:' + left + '%;width:' + width + '%;background:var(--hop-' + (h.hop % 6) + ')',
    })),
    el('span', { class: 'latency' }, ms(h.simLatencyMicros),
      failed ? el('div', { class: 'fail-code', text: h.outcome.code }) : null)));
    if (open) stepRows(rows, i, h.hop, steps, '', 1, total);
    offset += h.simLatencyMicros;
  });
  const reached = j.hops.length ? hopPlace(j.hops[j.hops.length - 1].hop) + 1 : 0;
  const why = j.status === 'FAILED' ? 'not reached' : j.status === 'STALLED' ? 'never arrived' : 'pending…';
  for (const info of HOPS.slice(j.status === 'COMPLETED' ? HOPS.length : reached)) {
    rows.push(el('li', { class: 'hop-row unreached' },
      el('span', { class: 'label' }, toggle(false), el('span', { class: 'label-text' },
        el('span', { class: 'name', text: info.number + ' · ' + info.title }),
        el('span', { class: 'service', text: info.wireName + ' · ' + info.service }))),
      el('span', { class: 'track' }), el('span', { class: 'latency', text: why })));
  }
  $('waterfall').replaceChildren(...rows);
}

/** The steps inside a hop, as journey-log's /steps gives them (none before it answered). */
function stepsOf(h) {
  const hop = state.steps && state.steps.hops.find((x) => x.hop === h.hop && x.type === h.type);
  return hop ? hop.steps : [];
}

function stepAt(hopIndex, path) {
  const h = state.journey && state.journey.hops[hopIndex];
  let steps = h ? stepsOf(h) : [];
  let step = null;
  for (const i of path.split('.')) {
    step = steps[Number(i)];
    if (!step) return null;
    steps = step.children || [];
  }
  return step;
}

/** A caret that shows or hides what is inside a row, like a trace viewer's child spans; a spacer when empty. */
function toggle(hasChildren, open, onToggle) {
  if (!hasChildren) return el('span', { class: 'toggle spacer' });
  return el('button', {
    class: 'toggle', type: 'button', 'aria-expanded': open ? 'true' : 'false',
    title: open ? 'hide the steps inside' : 'show the steps inside',
    onclick: (e) => { e.stopPropagation(); onToggle(); },
  }, open ? '▾' : '▸');
}

function toggleHop(i) {
  if (state.expanded.has(i)) state.expanded.delete(i);
  else state.expanded.add(i);
  rerenderWaterfall();
}

function toggleStep(hopIndex, path) {
  const key = hopIndex + ':' + path;
  if (state.collapsed.has(key)) state.collapsed.delete(key);
  else state.collapsed.add(key);
  rerenderWaterfall();
}

function rerenderWaterfall() {
  renderWaterfall(state.journey);
  markSelection();
}

function stepRows(rows, hopIndex, hopNumber, steps, prefix, depth, total) {
  steps.forEach((s, k) => {
    const path = prefix + k;
    const children = s.children || [];
    const open = !state.collapsed.has(hopIndex + ':' + path);
    const left = (s.startMicros / total) * 100;
    const width = (s.durationMicros / total) * 100;
    rows.push(el('li', {
      class: 'step-row kind-' + s.kind, dataset: { hop: hopIndex, path, kind: s.kind },
      title: s.name, onclick: () => selectStep(hopIndex, path),
    },
    el('span', { class: 'label', style: 'padding-left:' + (8 + depth * 16) + 'px' },
      toggle(children.length > 0, open, () => toggleStep(hopIndex, path)),
      el('span', { class: 'name', text: s.name })),
    el('span', { class: 'track' }, el('span', {
      class: 'bar', style: 'left:' + left + '%;width:' + width + '%;background:var(--hop-' + (hopNumber % 6) + ')',
    })),
    el('span', { class: 'latency', text: ms(s.durationMicros) })));
    if (open && children.length) stepRows(rows, hopIndex, hopNumber, children, path + '.', depth + 1, total);
  });
}

// ---- the same hops in wall time, as the log holds them --------------------------------------------------------

function renderWallTimeline(j) {
  const entries = (state.log || []).filter((e) => e.wallTime);
  $('wall-panel').hidden = entries.length === 0;
  if (!entries.length) return;
  const times = entries.map((e) => Date.parse(e.wallTime));
  const first = Math.min(...times);
  const span = Math.max(Math.max(...times) - first, 1);
  $('wall-axis').replaceChildren(...[0, 0.5, 1].map((f) =>
    el('span', { style: 'left:' + f * 100 + '%', text: (span * f).toFixed(0) + ' ms' })));
  let previous = first;
  $('wall-timeline').replaceChildren(...entries.map((e, k) => {
    const at = times[k];
    const info = hopInfo(e.hop) || { title: e.type };
    const from = Math.min(previous, at);
    previous = at;
    const where = e.topic + (e.partition === undefined ? ' (position not indexed)'
      : ' · partition ' + e.partition + ' · offset ' + e.offset);
    return el('li', { class: 'wall-row', dataset: { hop: e.hop, topic: e.topic }, title: e.eventId },
      el('span', { class: 'label' }, el('span', { class: 'label-text' },
        el('span', { class: 'name', text: e.hop + ' · ' + info.title }),
        el('span', { class: 'service', text: e.service + ' wrote it at ' + e.wallTime.slice(11, 23) }))),
      el('span', { class: 'track' }, el('span', {
        class: 'bar', style: 'left:' + ((from - first) / span) * 100 + '%;width:' + ((at - from) / span) * 100
          + '%;background:var(--hop-' + (e.hop % 6) + ')',
      })),
      el('span', { class: 'position' }, el('b', { text: '+' + (at - first).toFixed(0) + ' ms' }), ' ', where));
  }));
}

function selectHop(index, updateHash) {
  const j = state.journey;
  if (!j || j.hops.length === 0) return;
  state.hop = Math.max(0, Math.min(index, j.hops.length - 1));
  state.step = null;
  markSelection();
  $('prev-hop').disabled = state.hop === 0;
  $('next-hop').disabled = state.hop === j.hops.length - 1;
  $('hop-position').textContent = 'hop ' + (state.hop + 1) + ' of ' + j.hops.length;
  renderDetail(j.hops[state.hop], j.hops[state.hop - 1]);
  if (updateHash) {
    history.replaceState(null, '', '#/journeys/' + encodeURIComponent(j.journeyId) + '/hops/' + state.hop);
  }
}

function markSelection() {
  const sel = state.step;
  document.querySelectorAll('#waterfall .hop-row').forEach((r) =>
    r.classList.toggle('selected', !sel && r.dataset.hop === String(state.hop)));
  document.querySelectorAll('#waterfall .step-row').forEach((r) =>
    r.classList.toggle('selected', !!sel && r.dataset.hop === String(sel.hop) && r.dataset.path === sel.path));
}

function selectStep(hopIndex, path) {
  const s = stepAt(hopIndex, path);
  if (!s) return;
  state.hop = hopIndex;
  state.step = { hop: hopIndex, path };
  markSelection();
  $('hop-position').textContent = 'hop ' + (hopIndex + 1) + ' of ' + state.journey.hops.length;
  renderStepDetail(state.journey.hops[hopIndex], s);
}

function step(delta) {
  if (state.journey) selectHop(state.hop + delta, true);
}

// ---- the detail pane: every field of the hop, like a packet analyzer --------------------------------------

function renderDetail(h, previous) {
  const info = hopInfo(h.hop) || { title: h.type };
  $('detail-title').textContent = 'Hop ' + h.hop + ' · ' + info.title;
  const failed = h.outcome.status !== 'OK';
  const outcome = section('Outcome: ' + (failed ? 'FAILED ' + h.outcome.code : 'OK'), true, [
    field('status', h.outcome.status),
    failed ? field('code', h.outcome.code, true) : null,
    failed ? field('explanation', state.failureCodes[h.outcome.code] || null, true) : null,
    failed ? field('message', h.outcome.message, true) : null,
  ], failed ? 'failure' : '');
  const sections = [
    failed ? outcome : null,
    decisionSection(h),
    section('Payload: ' + h.type, true, objectChildren(h.payload, '')),
    section('Envelope: ' + h.type + ' from ' + h.service, true, [
      field('hop', h.hop + '  (' + (info.description || h.type) + ')'),
      field('type', h.type),
      field('service', h.service),
      field('eventId', h.eventId),
      field('causationId', h.causationId === null || h.causationId === undefined ? null
        : h.causationId + (previous && previous.eventId === h.causationId ? '  (hop ' + previous.hop + ', '
          + previous.type + ')' : '')),
      field('journeyId', h.journeyId),
      field('simStartedAt', h.simStartedAt),
      field('simLatencyMicros', h.simLatencyMicros + '  (' + ms(h.simLatencyMicros) + ')'),
      field('wallTime', h.wallTime),
      field('schemaVersion', h.schemaVersion),
    ]),
    failed ? null : outcome,
    section('Context: what the packet knows after this hop', false, objectChildren(h.context || {}, 'context')),
    section('Raw event (JSON)', false, [el('pre', { text: JSON.stringify(h, null, 2) })]),
  ];
  $('hop-detail').replaceChildren(...sections.filter(Boolean));
}

/** One step inside a hop: when, how long, its attributes and events, and each frame it sent as a hex dump. */
function renderStepDetail(h, s) {
  const info = hopInfo(h.hop) || { title: h.type };
  $('detail-title').textContent = 'Hop ' + h.hop + ' · ' + info.title + ' › ' + s.name;
  const packets = s.packets || [];
  $('hop-detail').replaceChildren(...[
    section('Step: ' + s.name, true, [
      field('kind', s.kind),
      field('inside hop', h.hop + ' · ' + h.type + ' (' + h.service + ')'),
      field('starts', '+' + ms(s.startMicros) + ' after the journey began'),
      field('takes', ms(s.durationMicros)),
    ]),
    section('Attributes (OpenTelemetry names where they exist)', true,
      Object.entries(s.attributes || {}).map(([k, v]) =>
        field(k, Array.isArray(v) ? v.join(', ') : v))),
    (s.events || []).length ? section('Events', true, s.events.map((e) => field('+' + ms(e.atMicros), e.name)))
      : null,
    packets.length ? null : el('p', { class: 'note', text: 'No frame of its own: see the steps inside it.' }),
    ...packets.map((p) => section('Frame ' + p.number + ' · ' + p.capturePoint + ' · +' + ms(p.atMicros) + ' · '
      + p.summary, true, [hexdump(fromBase64(p.frame), 'frame ' + p.number)], 'frame')),
  ].filter(Boolean));
}

function fromBase64(b64) {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Bytes as a packet analyzer's bytes pane shows them: offset, 16 bytes in hex in two groups of 8, ASCII. */
function hexdump(bytes, label) {
  const lines = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = Array.from(bytes.slice(off, off + 16));
    const hex = row.map((b) => b.toString(16).padStart(2, '0'));
    const ascii = row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(off.toString(16).padStart(4, '0') + '  ' + (hex.slice(0, 8).join(' ') + '  '
      + hex.slice(8).join(' ')).padEnd(48) + '   ' + ascii);
  }
  return el('pre', { class: 'hexdump', 'aria-label': label || 'bytes', text: lines.join('\n') });
}

/** What decided this hop: the table entry or rule matched and the control-plane event behind it. */
function decisionSection(h) {
  const p = h.payload || {};
  const rows = [];
  switch (h.type) {
    case 'journey.requested':
      rows.push(field('request', (p.method || 'GET') + ' ' + p.url), field('client', p.client + ' (' + p.clientMac + ')'));
      break;
    case 'dhcp.configured':
      rows.push(field('mode', p.mode), field('server', p.server));
      if (p.lease) {
        rows.push(field('lease address', p.lease.address, true), field('router', p.lease.router),
          field('dns servers', (p.lease.dnsServers || []).join(', ')), field('lease', p.lease.leaseSeconds + ' s, until '
            + p.lease.expiresAt));
      }
      break;
    case 'dns.resolved':
      rows.push(field('question', p.question),
        field('answered by', p.answeredBy == null ? 'no lookup: the URL names an address' : p.answeredBy, true));
      if (p.cacheLookups && p.cacheLookups.length) {
        rows.push(field('caches asked', p.cacheLookups.map((c) => c.level + ' ' + c.result).join(', ')));
      }
      if (p.cnameChain && p.cnameChain.length) rows.push(field('CNAME chain', p.cnameChain.join(' → ')));
      rows.push(field('connect to', p.address, true));
      if (p.ttlSeconds != null) rows.push(field('TTL', p.ttlSeconds + ' s'));
      break;
    case 'packet.routed':
      rows.push(field('flow', p.protocol + ' ' + p.source + ' → ' + p.destination + ':' + p.destinationPort),
        field('NAT source', p.translatedSource, true),
        field('BGP route', p.destinationPrefix == null ? 'none to ' + p.destination
          : p.destinationPrefix + ' AS path ' + JSON.stringify(p.asPath || [])
            + (p.originAs == null ? '' : ' origin AS' + p.originAs), true));
      for (const r of p.path || []) {
        rows.push(field(r.router, r.matchedPrefix == null ? 'no route to ' + p.destination + (r.note ? ': ' + r.note : '')
          : 'matched ' + r.matchedPrefix + ' → next hop ' + r.nextHop + (r.via ? ' via ' + r.via : '')));
      }
      break;
    case 'alb.forwarded':
      rows.push(field('load balancer', p.loadBalancer + ' node ' + p.albNodeIp + ' (' + p.availabilityZone + ')'),
        field('listener', p.listener));
      if (p.tls) rows.push(field('certificate', p.tls.certificateArn + ' for SNI ' + p.tls.sni));
      if (p.rule) rows.push(field('rule matched', 'priority ' + p.rule.priority + ': ' + p.rule.conditions + ' → '
        + p.rule.action, true));
      if (p.targetGroup) rows.push(field('target group', p.targetGroup + ' (' + p.algorithm + ')'));
      if (p.target) {
        rows.push(field('target', p.target.ip + ':' + p.target.port + ' (' + p.target.pod + ')', true),
          field('registeredBy', p.target.registeredBy, true));
      }
      break;
    case 'pod.responded':
      rows.push(field('pod', p.pod + ' ' + p.podIp + ' on ' + p.node + ' (' + p.nodeIp + ')', true),
        field('path', p.eni + ' → ' + p.vethHost + ' → ' + p.vethPod + ' in ' + p.netns),
        field('assignedBy', p.assignedBy, true),
        field('eniAttachedBy', p.eniAttachedBy === undefined ? null : p.eniAttachedBy),
        field('response', p.statusLine || (p.status ? 'HTTP ' + p.status : null), true));
      break;
    default:
      return null;
  }
  return section('Decision: what was matched, and who set it up', true, rows);
}

function section(title, open, children, extraClass) {
  return el('details', { class: 'section ' + (extraClass || ''), open },
    el('summary', { text: title }), el('div', { class: 'children' }, children.filter(Boolean)));
}

function field(key, value, highlight) {
  let cls = 'v';
  if (value === null || value === undefined) cls += ' null';
  else if (typeof value === 'number') cls += ' num';
  else if (typeof value === 'string') cls += ' str';
  return el('div', { class: 'field' + (highlight ? ' key' : '') }, el('span', { class: 'k', text: key }), ': ',
    el('span', { class: cls, text: value === null || value === undefined ? 'null' : String(value) }));
}

function objectChildren(obj, path) {
  return Object.entries(obj).map(([k, v]) => node(k, v, path ? path + '.' + k : k));
}

function count(n, noun) {
  return n + ' ' + noun + (n === 1 ? '' : 's');
}

function isPlain(v) {
  return v === null || typeof v !== 'object';
}

function node(key, value, path) {
  const highlight = KEY_FIELDS.has(path) || KEY_FIELDS.has(path.replace(/^[^.]+\./, ''));
  if (isPlain(value)) return field(key, value, highlight);
  if (Array.isArray(value)) {
    if (value.every(isPlain)) {
      if (value.length <= 4 && value.every((x) => String(x).length < 24)) {
        return field(key, '[' + value.join(', ') + ']', highlight);
      }
      return el('details', { open: true }, el('summary', {}, el('span', { class: 'k', text: key }),
        el('span', { class: 'note', text: '  ' + count(value.length, 'item') })),
      el('div', { class: 'children' }, value.map((x, i) => field(String(i), x))));
    }
    return el('details', { open: key !== 'cacheFills' }, el('summary', {}, el('span', { class: 'k', text: key }),
      el('span', { class: 'note', text: '  ' + count(value.length, 'item') })),
    el('div', { class: 'children' }, value.map((x, i) => itemNode(key, x, i, path))));
  }
  return el('details', { open: true, class: highlight ? 'key' : '' },
    el('summary', {}, el('span', { class: 'k', text: key }), el('span', { class: 'note', text: '  ' + label(key, value) })),
    el('div', { class: 'children' }, objectChildren(value, path)));
}

/** One element of a list of objects, labelled the way an analyzer would: the message, the query, the router. */
function itemNode(listKey, item, i, path) {
  if (isPlain(item)) return field(String(i), item);
  const children = [];
  for (const [k, v] of Object.entries(item)) {
    if (listKey === 'steps' && k.endsWith('Wire') && typeof v === 'string') {
      const bytes = fromBase64(v);
      children.push(el('div', { class: 'field' }, el('span', { class: 'k', text: k }), ': ',
        el('span', { class: 'note', text: bytes.length + ' bytes as sent on the wire (RFC 1035 §4)' })),
      hexdump(bytes, k));
    } else if (listKey === 'steps' && k === 'response' && typeof v === 'string') {
      children.push(el('div', { class: 'field' }, el('span', { class: 'k', text: k }), ':'), el('pre', { text: v }));
    } else {
      children.push(node(k, v, path + '.' + k));
    }
  }
  return el('details', { open: listKey !== 'options' && listKey !== 'candidates' },
    el('summary', {}, el('span', { class: 'k', text: '#' + i }), ' ', el('span', { class: 'v', text: label(listKey, item) })),
    el('div', { class: 'children' }, children));
}

function label(key, v) {
  switch (key) {
    case 'exchange':
      return v.type + '  ' + v.from + ' → ' + v.to + '  xid ' + v.xid
        + (v.yiaddr && v.yiaddr !== '0.0.0.0' ? '  yiaddr ' + v.yiaddr : '');
    case 'options': return 'option ' + v.code + ' ' + v.name + ' = ' + v.value;
    case 'routingTable': return v.destination + ' via ' + v.gateway + ' dev ' + v.iface + ' (' + v.source + ')';
    case 'steps': return (v.forNameServer ? '↳ ' : '') + v.kind + '  ' + v.query + ' @ ' + v.server
      + ' (' + v.serverIp + ') zone ' + v.zone + '  ' + ms(v.latencyMicros)
      + (v.forNameServer ? '  (address of ' + v.forNameServer + ')' : '');
    case 'path': return v.router + (v.asn ? ' AS' + v.asn : '')
      + (v.matchedPrefix == null ? '  no route' : '  match ' + v.matchedPrefix + ' → ' + v.nextHop)
      + '  ttl ' + v.ttl + '  ' + ms(v.latencyMicros) + (v.note ? '  ' + v.note : '');
    case 'candidates': return v.ip + ':' + v.port + '  outstanding ' + v.outstandingRequests;
    case 'cacheLookups': return v.level + ' cache  ' + v.result
      + (v.ttlRemainingSeconds === null || v.ttlRemainingSeconds === undefined ? '' : '  ttl ' + v.ttlRemainingSeconds + ' s');
    case 'cacheFills': return v.level + ' ' + v.cache + '  ' + v.name + ' ' + v.type + (v.negative ? ' ' + v.negative : '');
    case 'lease': return v.address + '/' + v.subnetMask + ' for ' + v.leaseSeconds + ' s';
    case 'tls': return v.version + ' ' + v.cipher + ' SNI ' + v.sni;
    case 'rule': return 'priority ' + v.priority + ' → ' + v.action;
    case 'target': return v.ip + ':' + v.port + ' ' + v.pod;
    default: return '';
  }
}

// ---- live updates -------------------------------------------------------------------------------------------

function setLive(on, text) {
  $('live').className = 'live ' + (on ? 'on' : 'off');
  $('live-text').textContent = text;
}

function connect() {
  if (!window.EventSource) {
    setLive(false, 'no live updates in this browser');
    loadList();
    return;
  }
  const stream = new EventSource('journeys/stream');
  // "ready" comes once the stream is subscribed: loading the list then misses no update, also after a reconnect
  stream.addEventListener('ready', () => {
    setLive(true, 'live');
    loadList().then(route);
    loadStats();
    if (state.journey) loadJourney(state.journey.journeyId, state.hop);
  });
  stream.addEventListener('journey', (e) => {
    const summary = JSON.parse(e.data);
    upsert(summary);
    scheduleStats();
    if (state.journey && state.journey.journeyId === summary.journeyId) {
      loadJourney(summary.journeyId, null);
    }
  });
  stream.onerror = () => setLive(false, 'reconnecting');
}

function init() {
  $('prev-hop').addEventListener('click', () => step(-1));
  $('next-hop').addEventListener('click', () => step(1));
  $('status-filter').addEventListener('change', () => loadList());
  $('search').addEventListener('input', () => renderList());
  document.addEventListener('keydown', (e) => {
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName) || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves = { ArrowRight: 1, ArrowLeft: -1 };
    if (e.key in moves && state.journey) {
      e.preventDefault();
      step(moves[e.key]);
    } else if (e.key === 'Home' && state.journey) {
      e.preventDefault();
      selectHop(0, true);
    } else if (e.key === 'End' && state.journey) {
      e.preventDefault();
      selectHop(state.journey.hops.length - 1, true);
    }
  });
  window.addEventListener('hashchange', route);
  Promise.all([
    getJson('hops').then((hops) => { HOPS = hops; }),
    getJson('failure-codes').then((codes) => codes.forEach((c) => { state.failureCodes[c.code] = c.explanation; })),
  ]).catch(() => {})
    .finally(() => {
      route();
      connect();
    });
}

init();
