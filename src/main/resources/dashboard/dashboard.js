// hotkey-lab live dashboard. Everything from Kafka (keys, topic, group and client names) and from published results
// is put into the page with textContent / createTextNode only, never as markup.
'use strict';

// The newest cards stay open; older ones fold to their header line (a click opens them again), so every run of the
// process stays reachable.
const OPEN_CARDS = 4;
const cards = new Map(); // run id -> { root, chart, parts }
const COLORS = { hot: '#d9534f', ok: '#2f7ed8', idle: '#b9bec6', done: '#3c9d5d', processed: 'rgba(60,157,93,0.55)' };

// ---------------------------------------------------------------- tiny DOM helpers (text only)

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, String(value));
    }
  }
  for (const c of children) {
    if (c === undefined || c === null) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function setText(node, value) {
  const text = value === undefined || value === null ? '–' : String(value);
  if (node.textContent !== text) node.textContent = text;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// Rebuilds a part of the page only when its data changed, so finished runs stay still (a person can select text).
const rendered = new WeakMap();
function changed(node, data) {
  const signature = JSON.stringify(data);
  if (rendered.get(node) === signature) return false;
  rendered.set(node, signature);
  return true;
}

function fmtInt(n) {
  return n === undefined || n === null ? '–' : Math.round(n).toLocaleString('en-US');
}

function fmtRate(n) {
  return n === undefined || n === null ? '–' : (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));
}

function fmtTime(ms) {
  return ms ? new Date(ms).toLocaleTimeString('en-GB') : '–';
}

function fmtValue(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2);
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map(fmtValue).join(' / ');
  if (typeof v === 'object') {
    const values = Object.values(v);
    // A map of numbers (e.g. records per consumer) reads best as its values; the names go in the tooltip.
    if (values.every(x => typeof x === 'number')) return values.map(fmtValue).join(' / ');
    return Object.entries(v).map(([k, x]) => k + ': ' + fmtValue(x)).join(', ');
  }
  return String(v);
}

function fmtTitle(v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([k, x]) => k + ': ' + fmtValue(x)).join('\n');
  return null;
}

// ---------------------------------------------------------------- run cards

function stat(field, label) {
  const v = el('span', { class: 'v', 'data-field': field, text: '–' });
  const box = el('div', { class: 'stat', 'data-stat': field }, v, el('span', { class: 'k', text: label }));
  return { box, v };
}

function createCard(run) {
  const title = el('h3', { 'data-field': 'label' });
  const badge = el('span', { class: 'badge', 'data-field': 'status' });
  const keyCode = el('code', { 'data-field': 'key' });
  const topicCode = el('code', { 'data-field': 'topic' });
  const groupCode = el('code', { 'data-field': 'group' });
  const params = el('span', { 'data-field': 'params' });
  const meta = el('p', { class: 'meta' }, 'key ', keyCode, ' · topic ', topicCode, ' · group ', groupCode, ' · ', params);
  const s = {
    maxOverMean: stat('maxOverMean', 'max / mean per partition'),
    idlePartitions: stat('idlePartitions', 'idle partitions'),
    activeConsumers: stat('activeConsumers', 'active consumers'),
    totalRecords: stat('totalRecords', 'offsets in topic (records + transaction markers)'),
    processed: stat('processed', 'processed (committed)'),
    totalLag: stat('totalLag', 'lag'),
  };
  const stats = el('div', { class: 'stats' }, ...Object.values(s).map(x => x.box));
  const canvas = el('canvas', { 'aria-label': 'records per partition' });
  const chartBox = el('div', { class: 'chart' }, canvas);
  const partBody = el('tbody');
  const partTable = el('table', { class: 'partitions' },
    el('thead', null, el('tr', null,
      el('th', { text: 'partition' }), el('th', { class: 'num', text: 'offsets', title: 'log end offset - log start offset: records, and transaction markers if any' }),
      el('th', { class: 'num', text: 'per s' }),
      el('th', { class: 'num', text: 'committed' }), el('th', { class: 'num', text: 'lag' }), el('th', { text: 'owner' }),
      el('th', { text: 'latest key' }))),
    partBody);
  const memberBody = el('tbody');
  const memberTable = el('table', { class: 'members' },
    el('thead', null, el('tr', null,
      el('th', { text: 'consumer (client id)' }), el('th', { text: 'host' }), el('th', { text: 'partitions' }),
      el('th', { class: 'num', text: 'processed' }), el('th', { class: 'num', text: 'per second' }), el('th', { class: 'num', text: 'lag' }))),
    memberBody);
  const hotBody = el('tbody');
  const hotTable = el('table', { class: 'hot-keys' },
    el('caption', { text: 'hot keys (sampled live: the newest records of each partition, last 30 s)' }),
    el('thead', null, el('tr', null,
      el('th', { text: 'key' }), el('th', { class: 'num', text: 'sampled' }), el('th', { class: 'num', text: 'share' }),
      el('th', { text: 'partition' }))),
    hotBody);
  const shareBody = el('tbody');
  const shareTable = el('table', { class: 'share-members', hidden: '' },
    el('caption', { text: 'share group (KIP-932): members and what they acquired (Admin describeShareGroups, listShareGroupOffsets)' }),
    el('thead', null, el('tr', null,
      el('th', { text: 'member (client id)' }), el('th', { text: 'host' }), el('th', { text: 'partitions' }),
      el('th', { class: 'num', text: 'acquired', title: 'completed records of its partitions while watched, split evenly among the members sharing a partition' }))),
    shareBody);
  const sharePartBody = el('tbody');
  const sharePartTable = el('table', { class: 'share-partitions', hidden: '' },
    el('thead', null, el('tr', null,
      el('th', { text: 'share partition' }), el('th', { class: 'num', text: 'start offset' }),
      el('th', { class: 'num', text: 'share lag' }), el('th', { class: 'num', text: 'members' }))),
    sharePartBody);
  const error = el('p', { class: 'error', 'data-field': 'error' });
  const fold = el('button', { class: 'fold', type: 'button', 'aria-expanded': 'true', title: 'fold or open this card', text: '▾' });
  const partWrap = el('div', { class: 'partitions-wrap' }, partTable);
  const root = el('article', { class: 'run', 'data-run-id': run.id },
    el('header', null, title, el('span', { class: 'right' }, badge, fold)), meta, stats, chartBox,
    partWrap, hotTable, memberTable, shareTable, sharePartTable, error);
  let chart = null;
  if (window.Chart) {
    chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [
        { label: 'offsets (log end - log start)', data: [], backgroundColor: [] },
        { label: 'processed (committed offset)', data: [], backgroundColor: COLORS.processed },
      ] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: { duration: 200 },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { labels: { boxWidth: 12, font: { size: 11 } } } },
      },
    });
  }
  const card = { root, chart, title, badge, keyCode, topicCode, groupCode, params, s, partBody, partWrap, hotBody, memberBody, shareTable, shareBody, sharePartTable, sharePartBody, error, fold, userFolded: null };
  fold.addEventListener('click', () => setFolded(card, !root.classList.contains('folded'), true));
  return card;
}

function setFolded(card, folded, byUser) {
  if (byUser) card.userFolded = folded;
  card.root.classList.toggle('folded', folded);
  card.fold.setAttribute('aria-expanded', String(!folded));
  setText(card.fold, folded ? '▸' : '▾');
}

function updateCard(card, run) {
  card.root.setAttribute('data-status', run.status);
  setText(card.title, run.label);
  setText(card.badge, run.status.toLowerCase());
  card.badge.setAttribute('data-status', run.status);
  setText(card.keyCode, run.params && run.params.key);
  setText(card.topicCode, run.topic);
  setText(card.groupCode, run.group);
  const p = run.params || {};
  setText(card.params, p.strategy
    ? `${p.partitions} partitions · ${fmtInt(Number(p.messages))} messages · ${p.consumers} ${p.groupType === 'share' ? 'share members' : 'consumers'} · ${p.serviceTimeMs} ms/record · seed ${p.seed}`
    : 'watching');
  const snap = run.snapshot;
  setText(card.error, run.error || (snap && snap.error) || '');
  if (!snap) return;
  const sk = snap.skew;
  setText(card.s.maxOverMean.v, sk.maxOverMean === null ? '–' : sk.maxOverMean.toFixed(2));
  card.s.maxOverMean.box.className = 'stat ' + (sk.maxOverMean === null ? '' : isUneven(sk.maxOverMean) ? 'bad' : 'good');
  setText(card.s.idlePartitions.v, sk.idlePartitions);
  card.s.idlePartitions.box.className = 'stat ' + (sk.totalRecords > 0 && sk.idlePartitions > 0 ? 'bad' : 'good');
  setText(card.s.activeConsumers.v, sk.activeConsumers);
  const seen = snap.members.length;
  card.s.activeConsumers.box.lastChild.textContent = `active consumers of ${seen}`;
  card.s.activeConsumers.box.className = 'stat ' + (seen > 0 && sk.activeConsumers < Math.min(seen, sk.partitions) ? 'bad' : 'good');
  setText(card.s.totalRecords.v, fmtInt(sk.totalRecords));
  setText(card.s.processed.v, fmtInt(sk.processed));
  setText(card.s.totalLag.v, fmtInt(sk.totalLag));
  // Partitions without a commit that hold a backlog: an empty one has nothing to read, so it is not called out.
  const backlog = new Set(snap.partitions.filter(x => x.lag > 0).map(x => x.partition));
  const noCommit = (sk.noCommitPartitions || []).filter(p => backlog.has(p));
  card.s.totalLag.box.lastChild.textContent = noCommit.length
    ? 'lag (no commit on ' + noCommit.map(p => 'p' + p).join(', ') + ': whole backlog counted)' : 'lag';
  card.s.totalLag.box.className = 'stat ' + (noCommit.length && sk.totalLag > 0 ? 'bad' : '');
  if (snap.share) renderShareStats(card, snap.share);

  const hotThreshold = sk.meanRecords * unevenMaxOverMean;
  const live = run.status === 'RUNNING' || run.status === 'WATCHING';
  renderPartitions(card, snap, hotThreshold, live);
  renderMembers(card, snap, live);
  renderShare(card, snap.share);
  renderHotKeys(card, snap);
  if (card.chart && changed(card.chart.canvas, snap.partitions.map(x => [x.records, x.committedOffset, x.idle]))) {
    const ds = card.chart.data;
    ds.labels = snap.partitions.map(x => 'p' + x.partition + (x.idle ? ' (idle)' : ''));
    ds.datasets[0].data = snap.partitions.map(x => x.records);
    ds.datasets[0].backgroundColor = snap.partitions.map(x =>
      x.idle ? COLORS.idle : (sk.partitions > 1 && x.records >= hotThreshold ? COLORS.hot : COLORS.ok));
    ds.datasets[1].data = snap.partitions.map(x => x.committedOffset === null ? 0 : Math.max(0, x.committedOffset - x.startOffset));
    card.chart.update();
  }
}

// Rates mean something while a run is live; a finished run shows its totals.
function rateText(n, live) {
  return live ? fmtRate(n) : '–';
}

function renderPartitions(card, snap, hotThreshold, live) {
  if (!changed(card.partBody, [snap.partitions, hotThreshold, live])) return;
  const sk = snap.skew;
  clear(card.partBody);
  for (const part of snap.partitions) {
    const hot = sk.partitions > 1 && part.records > 0 && part.records >= hotThreshold;
    const partCell = el('td', null, 'p' + part.partition);
    if (part.idle) partCell.appendChild(el('span', { class: 'tag', text: 'idle' }));
    card.partBody.appendChild(el('tr', { 'data-partition': part.partition, class: part.idle ? 'idle' : hot ? 'hot' : '' },
      partCell,
      el('td', { class: 'num records', 'data-field': 'records', text: fmtInt(part.records) }),
      el('td', { class: 'num', 'data-field': 'recordsPerSecond', text: rateText(part.recordsPerSecond, live) }),
      el('td', { class: 'num', 'data-field': 'committedOffset', text: fmtInt(part.committedOffset) }),
      lagCell(part),
      el('td', { 'data-field': 'owner', text: part.ownerClientId || '–' }),
      el('td', { class: 'key mono', 'data-field': 'latestKey', text: part.latestKey === null ? '–' : part.latestKey })));
  }
  keepHotInView(card, snap);
}

function lagCell(part) {
  const cell = el('td', { class: 'num', 'data-field': 'lag', text: fmtInt(part.lag) });
  if (part.noCommit && part.lag > 0) cell.appendChild(el('span', { class: 'tag no-commit', title: 'the group committed nothing here: the whole backlog counts', text: 'no commit' }));
  return cell;
}

// Keeps the hottest partition's row visible inside its scrolling box (many partitions, or a small window).
function keepHotInView(card, snap) {
  let hottest = null;
  for (const part of snap.partitions) if (!hottest || part.records > hottest.records) hottest = part;
  if (!hottest || hottest.records === 0) return;
  const row = card.partBody.querySelector("tr[data-partition='" + hottest.partition + "']");
  if (!row) return;
  const wrap = card.partWrap;
  const head = card.partBody.parentNode.tHead ? card.partBody.parentNode.tHead.offsetHeight : 0;
  const top = row.offsetTop;
  if (top < wrap.scrollTop + head || top + row.offsetHeight > wrap.scrollTop + wrap.clientHeight) {
    wrap.scrollTop = Math.max(0, top - head);
  }
}

function renderHotKeys(card, snap) {
  const keys = snap.hotKeys || [];
  if (!changed(card.hotBody, keys)) return;
  clear(card.hotBody);
  if (keys.length === 0) {
    card.hotBody.appendChild(el('tr', null, el('td', { colspan: 4, class: 'empty', text: 'no key sampled yet' })));
    return;
  }
  for (const k of keys) {
    card.hotBody.appendChild(el('tr', { 'data-key-partition': k.partition },
      el('td', { class: 'key mono', 'data-field': 'hotKey', text: k.key }),
      el('td', { class: 'num', 'data-field': 'sampled', text: fmtInt(k.sampled) }),
      el('td', { class: 'num', 'data-field': 'share', text: (100 * k.share).toFixed(1) + ' %' }),
      el('td', { 'data-field': 'partition', text: k.partition < 0 ? '–' : 'p' + k.partition })));
  }
}

function renderMembers(card, snap, live) {
  if (!changed(card.memberBody, [snap.members, live])) return;
  clear(card.memberBody);
  for (const m of snap.members) {
    card.memberBody.appendChild(el('tr', { class: m.inGroup ? '' : 'left', 'data-member': m.memberId },
      el('td', { 'data-field': 'clientId', text: (m.clientId || '–') + (m.inGroup ? '' : ' (left)') }),
      el('td', { 'data-field': 'host', text: m.host || '–' }),
      el('td', { 'data-field': 'partitions', text: m.partitions.length ? m.partitions.map(x => 'p' + x).join(', ') : (m.inGroup ? 'none (idle)' : '–') }),
      el('td', { class: 'num', 'data-field': 'processed', text: fmtInt(m.processed) }),
      el('td', { class: 'num', 'data-field': 'processedPerSecond', text: rateText(m.processedPerSecond, live) }),
      el('td', { class: 'num', 'data-field': 'lag', text: fmtInt(m.lag) })));
  }
}

// A share group has no committed offsets: its figures come from Admin's share-group APIs instead.
function renderShareStats(card, share) {
  const present = share.members.filter(m => m.inGroup).length;
  const active = share.members.filter(m => m.acquiredRecords > 0).length;
  setText(card.s.activeConsumers.v, active);
  card.s.activeConsumers.box.lastChild.textContent = `active share members of ${present}`;
  card.s.activeConsumers.box.className = 'stat';
  setText(card.s.processed.v, fmtInt(share.partitions.reduce((n, x) => n + x.completed, 0)));
  card.s.processed.box.lastChild.textContent = 'processed (delivered to completion)';
  setText(card.s.totalLag.v, fmtInt(share.totalLag));
  card.s.totalLag.box.lastChild.textContent = 'share lag';
  card.s.totalLag.box.className = 'stat';
}

function renderShare(card, share) {
  card.shareTable.hidden = !share;
  card.sharePartTable.hidden = !share;
  if (!share || !changed(card.shareBody, share)) return;
  clear(card.shareBody);
  for (const m of share.members) {
    card.shareBody.appendChild(el('tr', { class: m.inGroup ? '' : 'left', 'data-share-member': m.memberId },
      el('td', { 'data-field': 'clientId', text: (m.clientId || '–') + (m.inGroup ? '' : ' (left)') }),
      el('td', { 'data-field': 'host', text: m.host || '–' }),
      el('td', { 'data-field': 'partitions', text: m.partitions.length ? m.partitions.map(x => 'p' + x).join(', ') : '–' }),
      el('td', { class: 'num', 'data-field': 'acquiredRecords', text: fmtInt(m.acquiredRecords) })));
  }
  clear(card.sharePartBody);
  for (const x of share.partitions) {
    card.sharePartBody.appendChild(el('tr', { 'data-share-partition': x.partition },
      el('td', null, 'p' + x.partition),
      el('td', { class: 'num', 'data-field': 'startOffset', text: fmtInt(x.startOffset) }),
      el('td', { class: 'num', 'data-field': 'shareLag', text: fmtInt(x.lag) }),
      el('td', { class: 'num', 'data-field': 'members', text: fmtInt(x.members) })));
  }
}

function renderCards(runs) {
  const container = document.getElementById('run-cards');
  document.getElementById('no-runs').hidden = runs.length > 0;
  const open = new Set(runs.slice(-OPEN_CARDS).map(r => r.id));
  runs.forEach(run => {
    let card = cards.get(run.id);
    if (!card) {
      card = createCard(run);
      cards.set(run.id, card);
      container.appendChild(card.root);
    }
    updateCard(card, run);
    // Older cards fold once; what a person opened or folded by hand stays so.
    if (card.userFolded === null) setFolded(card, !open.has(run.id), false);
  });
}

// ---------------------------------------------------------------- tables

const PREFERRED = ['strategy', 'key', 'partitions', 'messages', 'consumers', 'serviceTimeMs', 'activeConsumers',
  'idlePartitions', 'maxOverMean', 'perPartition', 'perConsumer', 'throughputPerSecond', 'durationMs', 'seed',
  'capacity', 'sold', 'oversold', 'duplicatesRefused'];

// Column names as words; anything not listed is split at its capitals (camelCase -> "camel case").
const HEADERS = {
  serviceTimeMs: 'service time (ms)', activeConsumers: 'active consumers', idlePartitions: 'idle partitions',
  maxOverMean: 'max / mean', perPartition: 'records per partition (p0 / p1 / ...)',
  perConsumer: 'records per consumer (by partition)', throughputPerSecond: 'records per second',
  durationMs: 'duration (ms)', latencyP99Ms: 'latency p99 (ms)', outOfOrderPerConcert: 'out of order per concert',
  outOfOrderPerUser: 'out of order per user', longestStallMs: 'longest stall (ms)',
  leaderRecordsByBroker: 'leader records by broker', duplicatesRefused: 'duplicates refused',
};

function header(col) {
  return HEADERS[col] || col.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function columnsOf(maps) {
  const seen = new Set();
  maps.forEach(m => Object.keys(m || {}).forEach(k => seen.add(k)));
  const cols = PREFERRED.filter(k => seen.has(k));
  for (const k of seen) if (!cols.includes(k)) cols.push(k);
  return cols;
}

// The server's one "uneven" bar (metrics.Skew.UNEVEN_MAX_OVER_MEAN), sent with every state.
let unevenMaxOverMean = 1.2;

function isUneven(maxOverMean) {
  return maxOverMean > unevenMaxOverMean + 1e-9;
}

function judge(col, value, row) {
  // ExperimentResult lists the idle partitions ([0, 1]); a count works too.
  if (col === 'idlePartitions' && Array.isArray(value)) return value.length > 0 ? 'bad' : 'good';
  if (typeof value !== 'number') return '';
  if (col === 'idlePartitions' || col === 'oversold' || col === 'oversoldTickets') return value > 0 ? 'bad' : 'good';
  if (col === 'maxOverMean') return isUneven(value) ? 'bad' : 'good';
  if (col === 'activeConsumers' && typeof row.consumers === 'number' && typeof row.partitions === 'number')
    return value < Math.min(row.consumers, row.partitions) ? 'bad' : 'good';
  return '';
}

function renderKeyedTable(table, rows, valueOf) {
  if (!changed(table, rows)) return;
  const maps = rows.map(valueOf);
  const cols = columnsOf(maps);
  const thead = table.tHead;
  const tbody = table.tBodies[0];
  clear(thead);
  clear(tbody);
  thead.appendChild(el('tr', null, el('th', { text: 'run' }), el('th', { text: 'label' }), ...cols.map(c => el('th', { 'data-col': c, title: c, text: header(c) }))));
  rows.forEach((row, i) => {
    const m = maps[i] || {};
    tbody.appendChild(el('tr', { 'data-run-id': row.runId },
      el('td', { text: row.runId }), el('td', { text: row.label }),
      ...cols.map(c => el('td', { 'data-field': c, class: judge(c, m[c], m), title: fmtTitle(m[c]),
        text: c === 'idlePartitions' && Array.isArray(m[c]) && m[c].length ? m[c].map(p => 'p' + p).join(', ') : fmtValue(m[c]) }))));
  });
}

function renderResults(results) {
  document.getElementById('no-results').hidden = results.length > 0;
  renderKeyedTable(document.getElementById('results-table'), results, r => r.result);
}

function renderInventory(inventory) {
  document.getElementById('inventory-section').hidden = inventory.length === 0;
  renderKeyedTable(document.getElementById('inventory-table'), inventory, r => r.inventory);
}

function renderHistory(runs) {
  document.getElementById('no-history').hidden = runs.length > 0;
  const tbody = document.querySelector('#history-table tbody');
  if (!changed(tbody, runs.map(r => [r.id, r.label, r.status, r.startedAtMillis, r.finishedAtMillis, r.topic, r.href, r.reportHref]))) return;
  clear(tbody);
  for (const run of runs.slice().reverse()) {
    const links = el('td', null, el('a', { href: run.href, text: 'json' }));
    if (run.reportHref) {
      links.appendChild(document.createTextNode(' · '));
      links.appendChild(el('a', { href: run.reportHref, text: 'report' }));
    }
    tbody.appendChild(el('tr', { 'data-run-id': run.id },
      el('td', { text: run.id }), el('td', { text: run.label }),
      el('td', null, el('span', { class: 'badge', 'data-status': run.status, text: run.status.toLowerCase() })),
      el('td', { text: fmtTime(run.startedAtMillis) }), el('td', { text: fmtTime(run.finishedAtMillis) }),
      el('td', { class: 'mono', text: run.topic }), links));
  }
}

function render(state) {
  if (typeof state.unevenMaxOverMean === 'number') unevenMaxOverMean = state.unevenMaxOverMean;
  renderCards(state.runs);
  renderResults(state.results);
  renderInventory(state.inventory);
  renderHistory(state.runs);
  const submit = document.getElementById('f-submit');
  submit.disabled = !state.canLaunch;
  submit.title = state.canLaunch ? '' : 'this dashboard only watches';
}

// ---------------------------------------------------------------- form

async function loadStrategies() {
  const select = document.getElementById('f-strategy');
  const response = await fetch('/api/strategies');
  for (const s of await response.json()) {
    select.appendChild(el('option', { value: s.name, title: s.description, text: s.name }));
  }
}

async function submitRun(event) {
  event.preventDefault();
  const message = document.getElementById('form-message');
  const body = {};
  for (const [name, value] of new FormData(event.target).entries()) body[name] = value;
  message.setAttribute('data-kind', 'pending');
  setText(message, 'starting…');
  try {
    const response = await fetch('/api/runs', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.ok) {
      message.setAttribute('data-kind', 'ok');
      setText(message, 'started ' + answer.id);
    } else {
      message.setAttribute('data-kind', 'error');
      setText(message, answer.error || ('HTTP ' + response.status));
    }
  } catch (e) {
    message.setAttribute('data-kind', 'error');
    setText(message, 'cannot reach the dashboard: ' + e.message);
  }
}

// ---------------------------------------------------------------- live updates

function connect() {
  const status = document.getElementById('connection');
  const source = new EventSource('/api/events');
  source.addEventListener('open', () => { status.setAttribute('data-state', 'live'); setText(status, 'live'); });
  source.addEventListener('error', () => { status.setAttribute('data-state', 'lost'); setText(status, 'reconnecting…'); });
  source.addEventListener('state', e => render(JSON.parse(e.data)));
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('run-form').addEventListener('submit', submitRun);
  loadStrategies();
  fetch('/api/state').then(r => r.json()).then(render);
  connect();
});
