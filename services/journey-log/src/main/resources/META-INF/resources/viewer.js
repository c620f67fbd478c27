// journey log viewer: plain DOM, no build step. Data: GET journeys, journeys/{id}, journeys/stats, failure-codes;
// live updates from the server-sent events of journeys/stream.
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
    const li = el('li', {
      class: [state.journey && state.journey.journeyId === s.journeyId ? 'selected' : '',
        s.journeyId === flashId ? 'flash' : ''].join(' ').trim(),
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
    const journey = await getJson('journeys/' + encodeURIComponent(id));
    const keep = state.journey && state.journey.journeyId === id ? state.hop : null;
    state.journey = journey;
    renderJourney();
    const last = journey.hops.length - 1;
    const failed = journey.hops.findIndex((h) => h.outcome.status !== 'OK');
    selectHop(hop ?? keep ?? (failed >= 0 ? failed : 0), false);
    if (last < 0) $('hop-detail').replaceChildren(el('p', { class: 'note', text: 'No hop has arrived yet.' }));
    renderList();
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
  renderBanner(j);
  renderWaterfall(j);
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
    rows.push(el('li', {
      class: 'hop-row' + (failed ? ' failed' : ''), dataset: { hop: i, type: h.type },
      title: info.description || '', onclick: () => selectHop(i, true),
    },
    el('span', { class: 'label' }, el('span', { class: 'name', text: h.hop + ' · ' + info.title }),
      el('span', { class: 'service', text: h.type + ' · ' + h.service })),
    el('span', { class: 'track' }, el('span', {
      class: 'bar', style: 'left:' + left + '%;width:' + width + '%;background:var(--hop-' + (h.hop % 6) + ')',
    })),
    el('span', { class: 'latency' }, ms(h.simLatencyMicros),
      failed ? el('div', { class: 'fail-code', text: h.outcome.code }) : null)));
    offset += h.simLatencyMicros;
  });
  const reached = j.hops.length ? hopPlace(j.hops[j.hops.length - 1].hop) + 1 : 0;
  const why = j.status === 'FAILED' ? 'not reached' : j.status === 'STALLED' ? 'never arrived' : 'pending…';
  for (const info of HOPS.slice(j.status === 'COMPLETED' ? HOPS.length : reached)) {
    rows.push(el('li', { class: 'hop-row unreached' },
      el('span', { class: 'label' }, el('span', { class: 'name', text: info.number + ' · ' + info.title }),
        el('span', { class: 'service', text: info.wireName + ' · ' + info.service })),
      el('span', { class: 'track' }), el('span', { class: 'latency', text: why })));
  }
  $('waterfall').replaceChildren(...rows);
}

function selectHop(index, updateHash) {
  const j = state.journey;
  if (!j || j.hops.length === 0) return;
  state.hop = Math.max(0, Math.min(index, j.hops.length - 1));
  document.querySelectorAll('#waterfall .hop-row').forEach((r) =>
    r.classList.toggle('selected', r.dataset.hop === String(state.hop)));
  $('prev-hop').disabled = state.hop === 0;
  $('next-hop').disabled = state.hop === j.hops.length - 1;
  $('hop-position').textContent = 'hop ' + (state.hop + 1) + ' of ' + j.hops.length;
  renderDetail(j.hops[state.hop], j.hops[state.hop - 1]);
  if (updateHash) {
    history.replaceState(null, '', '#/journeys/' + encodeURIComponent(j.journeyId) + '/hops/' + state.hop);
  }
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
    if (listKey === 'steps' && (k === 'response' || k.endsWith('Wire')) && typeof v === 'string') {
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
