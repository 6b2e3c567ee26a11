/* sitrep dashboard: plain JavaScript, no framework, no build step; it talks only to the
 * server that served it (/api/...). The charts are SVG drawn here.
 *
 * Stable element ids (the Chromium test crates/server/tests/dashboard.rs drives them):
 *   #source, #target   country selects (value: ISO 3166 alpha-3 code or IGO code; "" = any)
 *   #both              "either side": add the reverse direction (with one country chosen:
 *                      events where it is the source or the target)
 *   #from, #to         date inputs (YYYY-MM-DD); #interval day|week|month; #q evidence words
 *   #apply (submit), #reset, #swap
 *   #status            progress and error messages; #health: store counts and coder version
 *   #timeline, #network, #map   chart containers holding one <svg> each
 *   #events            the event table; rows in #event-rows, one <tr data-event-id> each;
 *                      #more loads the next page
 *   #detail            the event drawer: #detail-body holds one .evidence block per evidence
 *                      sentence, with <mark class="hl-source|hl-target|hl-trigger">;
 *                      #open-article opens #article (the article view); #detail-close
 *   #article, #article-body, #article-close
 * Containers that load carry data-state="loading|ready|error"; #events also carries
 * data-query (the query string of the selection it shows).
 *
 * Every string from the API is written with textContent or setAttribute, never as HTML.
 */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const SVGNS = 'http://www.w3.org/2000/svg';
  const TIMEOUT_MS = 15000;
  const PAGE = 100;

  function fill(node, attrs, kids) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
    return node;
  }
  const h = (tag, attrs, ...kids) => fill(document.createElement(tag), attrs, kids);
  const s = (tag, attrs, ...kids) => fill(document.createElementNS(SVGNS, tag), attrs, kids);
  const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  const fmt = (x, d) => num(x).toFixed(d);

  function setState(id, state) { $(id).dataset.state = state; }
  function status(msg, isError) {
    const p = $('status');
    p.textContent = msg || '';
    p.classList.toggle('error', !!isError);
  }

  // Script failures and policy blocks are shown, and counted on <body data-errors> so a
  // test sees one even after a later message replaced it.
  function pageError(msg) {
    document.body.dataset.errors = String(num(Number(document.body.dataset.errors)) + 1);
    status(msg, true);
  }
  window.addEventListener('error', (ev) => pageError('script error: ' + ev.message));
  window.addEventListener('unhandledrejection', (ev) =>
    pageError('script error: ' + ((ev.reason && ev.reason.message) || ev.reason)));
  document.addEventListener('securitypolicyviolation', (ev) =>
    pageError('blocked by the page policy: ' + ev.violatedDirective + ' ' + ev.blockedURI));

  // One GET against the API with a deadline; a JSON error body becomes the thrown message.
  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== '' && v !== null && v !== undefined) qs.set(k, String(v));
    }
    const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
    try {
      const r = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/json' } });
      let body = null;
      try { body = await r.json(); } catch (_) { /* reported just below */ }
      if (!r.ok) {
        const e = body && body.error;
        throw new Error(e ? path + ': ' + e.code + ': ' + e.message : path + ': HTTP ' + r.status);
      }
      if (body === null || typeof body !== 'object') throw new Error(path + ': answer is not JSON');
      return body;
    } catch (e) {
      if (e.name === 'AbortError') throw new Error(path + ': no answer within ' + TIMEOUT_MS / 1000 + ' s');
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- the selection -------------------------------------------------------------------

  function readFilters() {
    return {
      source: $('source').value, target: $('target').value, both: $('both').checked,
      from: $('from').value, to: $('to').value, interval: $('interval').value,
      q: $('q').value.trim(),
    };
  }

  // The directed queries a selection is made of: itself, plus the reverse with "either side".
  function directions(f) {
    const base = { from: f.from, to: f.to, q: f.q };
    const fwd = { ...base, source: f.source, target: f.target };
    if (!f.both || (!f.source && !f.target) || f.source === f.target) return [fwd];
    return [fwd, { ...base, source: f.target, target: f.source }];
  }

  function describe(f) {
    const a = f.source || 'any', b = f.target || 'any';
    if (!f.source && !f.target) return 'all events';
    if (f.both) return f.source && f.target ? a + ' – ' + b + ' (both ways)' : (f.source || f.target) + ' on either side';
    return a + ' → ' + b;
  }

  function queryString(f) {
    const qs = new URLSearchParams();
    for (const k of ['source', 'target', 'from', 'to', 'interval', 'q']) if (f[k]) qs.set(k, f[k]);
    if (f.both) qs.set('both', '1');
    return qs.toString();
  }

  let gen = 0;          // the latest selection; answers for older ones are dropped

  async function applyFilters() {
    const g = ++gen;
    const f = readFilters();
    if (f.from && f.to && f.from > f.to) { status('"From" is after "To".', true); return; }
    history.replaceState(null, '', '?' + queryString(f));
    $('events').dataset.query = queryString(f);
    for (const id of ['timeline', 'network', 'map', 'events']) setState(id, 'loading');
    status('Loading ' + describe(f) + '…');
    const jobs = [loadEvents(g, f, false), loadSeries(g, f), loadNetwork(g, f), loadMap(g, f)];
    const results = await Promise.allSettled(jobs);
    if (g !== gen) return;
    const errors = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    status(errors.length ? errors.join('; ') : '', errors.length > 0);
  }

  // Runs one chart's loader; marks its container ready or failed for this selection only.
  async function guarded(g, id, work) {
    try {
      await work();
      if (g === gen) setState(id, 'ready');
    } catch (e) {
      if (g === gen) setState(id, 'error');
      throw e;
    }
  }

  // ---- event list ----------------------------------------------------------------------

  let list = null;

  function loadEvents(g, f, more) {
    return guarded(g, 'events', async () => {
      if (!more) {
        const qs = directions(f);
        list = { g, queries: qs, offsets: qs.map(() => 0), totals: qs.map(() => 0), byId: new Map(), f };
        $('event-rows').replaceChildren();
      }
      const pages = await Promise.all(list.queries.map((q, i) =>
        list.offsets[i] === null ? null : api('events', { ...q, limit: PAGE, offset: list.offsets[i] })));
      if (g !== gen) return;
      pages.forEach((p, i) => {
        if (!p) return;
        list.totals[i] = num(p.total);
        list.offsets[i] = p.next_offset === null || p.next_offset === undefined ? null : p.next_offset;
        for (const e of Array.isArray(p.events) ? p.events : []) {
          if (e && e.event_id && !list.byId.has(e.event_id)) list.byId.set(e.event_id, e);
        }
      });
      renderRows();
    });
  }

  function actorCell(a) {
    if (!a) return h('td', { class: 'muted', text: '—' });
    return h('td', { title: (a.text || '') + (a.code ? ' [' + a.code + ']' : '') },
      h('b', { text: a.country || a.code || '?' }), ' ', h('span', { class: 'muted', text: a.text || '' }));
  }

  function eventDate(e) {
    const d = e.date || (e.article && e.article.published);
    return typeof d === 'string' ? d : '';
  }

  function renderRows() {
    const rows = [...list.byId.values()].sort((a, b) =>
      eventDate(b).localeCompare(eventDate(a)) || num(b.confidence) - num(a.confidence));
    const body = $('event-rows');
    body.replaceChildren();
    for (const e of rows) {
      const c = e.cameo || {};
      const name = h('td', { title: 'CAMEO ' + (c.code || '') + (e.plover ? ', PLOVER ' + (e.plover.event_type || '') : '') },
        e.negated ? h('em', { text: 'not ' }) : null, c.name || c.code || '?', ' ',
        h('span', { class: 'code', text: c.code || '' }),
        e.modality && e.modality !== 'actual' ? h('span', { class: 'badge', text: e.modality }) : null);
      const tr = h('tr', {
        'data-event-id': e.event_id, tabindex: 0, class: 'quad' + num(c.quad_class),
        onclick: () => openDetail(e, tr),
        onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openDetail(e, tr); } },
      }, h('td', { class: 'date', text: eventDate(e) }), actorCell(e.source), name, actorCell(e.target),
      h('td', { class: 'num', text: fmt(e.confidence, 2) }));
      body.append(tr);
    }
    const total = list.totals.reduce((a, b) => a + b, 0);
    const overlap = list.queries.length > 1 && !(list.f.source && list.f.target);
    $('events-sub').textContent = rows.length + ' shown of ' + (overlap ? 'at most ' : '') + total + ' · ' + describe(list.f);
    if (!rows.length) body.append(h('tr', {}, h('td', { colspan: 5, class: 'muted', text: 'No events for this selection.' })));
    $('more').hidden = list.offsets.every((o) => o === null);
  }

  // ---- evidence highlighting -----------------------------------------------------------

  const WORD = /[\p{L}\p{N}_]/u;
  const isWord = (c) => c !== undefined && WORD.test(c);

  // Index (in code points) of `word` as a whole word in `chars` at or after `from`; with
  // `prefix`, the word may continue (a lemma such as "visit" finds "visited"). Returns [start, end].
  function findWord(chars, lower, word, from, prefix) {
    const w = Array.from(word).map((c) => c.toLowerCase());
    if (!w.length) return null;
    for (let i = Math.max(0, from); i + w.length <= chars.length; i++) {
      if (isWord(chars[i - 1]) && i > 0) continue;
      let ok = true;
      for (let j = 0; j < w.length && ok; j++) ok = lower[i + j] === w[j];
      if (!ok) continue;
      let end = i + w.length;
      if (isWord(chars[end])) {
        if (!prefix) continue;
        while (isWord(chars[end])) end++;
      }
      return [i, end];
    }
    return null;
  }

  // Highlight spans inside one evidence sentence, in code points of the sentence (JS strings
  // count UTF-16 units, hence the arrays of code points). The server's `highlights` are used
  // for each role it marked; a role it left out is worked out here from the actor's article
  // offsets (`offset - evidence.start`), else by looking for its words in the sentence.
  function sentenceSpans(ev, e) {
    const chars = Array.from(ev.sentence || '');
    const lower = chars.map((c) => c.toLowerCase());
    const spans = [];
    const given = new Set();
    for (const hl of Array.isArray(ev.highlights) ? ev.highlights : []) {
      const role = hl && hl.role;
      if (!['source', 'target', 'trigger'].includes(role)) continue;
      if (!(Number.isInteger(hl.start) && Number.isInteger(hl.end) && hl.start >= 0 && hl.start < hl.end && hl.end <= chars.length)) continue;
      const a = role === 'trigger' ? null : e[role];
      spans.push({ s: hl.start, t: hl.end, cls: 'hl-' + role, label: a ? a.code || a.country : 'trigger' });
      given.add(role);
    }
    for (const [role, a] of [['source', e.source], ['target', e.target]]) {
      if (given.has(role) || !a || !a.text) continue;
      const cls = 'hl-' + role, label = a.code || a.country;
      const st = a.start - ev.start, en = a.end - ev.start;
      if (Number.isInteger(st) && Number.isInteger(en) && st >= 0 && st < en && en <= chars.length &&
          chars.slice(st, en).join('') === a.text) {
        spans.push({ s: st, t: en, cls, label });
        continue;
      }
      // The offsets point elsewhere (the actor was named in another sentence): look for
      // the same words here instead.
      const hit = findWord(chars, lower, a.text, 0, false);
      if (hit) spans.push({ s: hit[0], t: hit[1], cls, label });
    }
    // The trigger lists the rule's words in sentence order, not always adjacent ("sell
    // weapons" in "sell him weapons"); each word is marked where it is found.
    let from = 0;
    for (const word of given.has('trigger') ? [] : String(ev.trigger || '').split(/\s+/).filter(Boolean)) {
      const hit = findWord(chars, lower, word, from, false) || findWord(chars, lower, word, 0, false) ||
        findWord(chars, lower, word, from, true) || findWord(chars, lower, word, 0, true);
      if (!hit) continue;
      spans.push({ s: hit[0], t: hit[1], cls: 'hl-trigger', label: 'trigger' });
      from = hit[1];
    }
    // Marks cannot overlap: actors come first, so a trigger word inside one is dropped.
    spans.sort((a, b) => (a.cls === 'hl-trigger') - (b.cls === 'hl-trigger'));
    const kept = [];
    for (const sp of spans) if (!kept.some((k) => sp.s < k.t && k.s < sp.t)) kept.push(sp);
    kept.sort((a, b) => a.s - b.s);
    return { chars, spans: kept };
  }

  function highlighted(ev, e) {
    const { chars, spans } = sentenceSpans(ev, e);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const sp of spans) {
      if (sp.s > at) frag.append(chars.slice(at, sp.s).join(''));
      frag.append(h('mark', { class: sp.cls, title: sp.cls.slice(3) + (sp.label ? ': ' + sp.label : '') },
        chars.slice(sp.s, sp.t).join('')));
      at = sp.t;
    }
    if (at < chars.length) frag.append(chars.slice(at).join(''));
    return frag;
  }

  // An actor named in another sentence (this one says "he" or "Kim") cannot be marked here;
  // say who it is instead of leaving the reader to guess.
  function unmarkedNote(ev, e) {
    const { spans } = sentenceSpans(ev, e);
    const parts = [];
    for (const role of ['source', 'target']) {
      const a = e[role];
      if (a && a.text && !spans.some((sp) => sp.cls === 'hl-' + role)) parts.push(role + ' named elsewhere as “' + a.text + '”');
    }
    return parts.length ? h('p', { class: 'muted small', text: parts.join(' · ') }) : null;
  }

  // ---- event detail --------------------------------------------------------------------

  function actorText(a) {
    if (!a) return '—';
    return (a.code || a.country || '?') + ' · “' + (a.text || '') + '”' +
      (a.sector && a.sector.length ? ' (' + a.sector.join(', ') + ')' : '');
  }

  function safeUrl(u) {
    try {
      const url = new URL(String(u));
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (_) { return null; }
  }

  function openDetail(e, tr) {
    for (const r of document.querySelectorAll('#event-rows tr.selected')) r.classList.remove('selected');
    if (tr) tr.classList.add('selected');
    const c = e.cameo || {}, p = e.plover || {}, loc = e.location, art = e.article || {};
    $('detail-title').textContent = (e.negated ? 'Not: ' : '') + (c.name || 'Event') + ' (' + (c.code || '?') + ')';
    const facts = [
      ['Source', actorText(e.source)], ['Target', actorText(e.target)],
      ['Date', (e.date || '—') + ' (' + (e.date_text ? '“' + e.date_text + '”, ' : '') + (e.date_basis || '?') + ')'],
      ['CAMEO', (c.code || '') + ' · root ' + (c.root || '') + ' · quad ' + num(c.quad_class) + ' · Goldstein ' + fmt(c.goldstein, 1)],
      ['PLOVER', (p.event_type || '—') + (p.mode ? ' / ' + p.mode : '')],
      ['Modality', (e.modality || '—') + (e.negated ? ', negated' : '') +
        (e.attributed_to ? ', according to ' + actorText(e.attributed_to) : '')],
      ['Location', loc ? (loc.name || '?') + ' (' + (loc.country || '?') + ', ' + (loc.level || '?') + ')' : '—'],
      ['Confidence', fmt(e.confidence, 2) + ' · ' + num(e.mentions) + ' mention(s)'],
    ];
    const dl = h('dl', { class: 'facts' });
    for (const [k, v] of facts) dl.append(h('dt', { text: k }), h('dd', { text: v }));
    const evs = (Array.isArray(e.evidence) ? e.evidence : []).map((ev, i) => h('div', { class: 'evidence' },
      h('p', { class: 'sentence' }, highlighted(ev, e)), unmarkedNote(ev, e),
      h('p', { class: 'muted small', text: 'evidence ' + (i + 1) + ' · sentence ' + num(ev.sentence_index) +
        ' · rule ' + (ev.rule || '?') + ' · trigger “' + (ev.trigger || '') + '”' })));
    const link = safeUrl(art.url);
    const key = h('p', { class: 'small muted' }, 'Marked: ', h('mark', { class: 'key-source', text: 'source' }), ' ',
      h('mark', { class: 'key-target', text: 'target' }), ' ', h('mark', { class: 'key-trigger', text: 'trigger' }));
    $('detail-body').replaceChildren(dl, h('h3', { text: 'Evidence' }), key, ...evs,
      h('p', { class: 'article-line' },
        h('button', { type: 'button', id: 'open-article', onclick: () => openArticle(e) }, 'Read the article'),
        ' ', h('span', { class: 'muted', text: (art.title || art.id || '') }),
        link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, 'original page ↗') : null));
    const d = $('detail');
    d.hidden = false;
    setState('detail', 'ready');
    $('detail-close').focus();
  }

  // ---- article view --------------------------------------------------------------------

  async function openArticle(e) {
    const box = $('article'), body = $('article-body');
    box.hidden = false;
    setState('article', 'loading');
    body.replaceChildren(h('p', { class: 'muted', text: 'Loading…' }));
    $('article-close').focus();
    try {
      const r = await api('articles/' + encodeURIComponent(e.article_id));
      const a = r.article || {};
      $('article-title').textContent = a.title || a.id || 'Article';
      const link = safeUrl(a.url);
      const meta = h('p', { class: 'muted', text: [a.outlet, a.published, a.byline].filter(Boolean).join(' · ') },
        link ? ' · ' : null, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, 'original page ↗') : null);
      const others = (Array.isArray(r.events) ? r.events : []).map((o) => h('li', {},
        h('button', { type: 'button', class: 'linklike', onclick: () => { closeArticle(); openDetail(o, null); } },
          (o.source ? o.source.country || o.source.code : '?') + ' → ' + (o.target ? o.target.country || o.target.code : '—') +
          ': ' + ((o.cameo && o.cameo.name) || '?')), o.event_id === e.event_id ? ' (this event)' : ''));
      body.replaceChildren(meta, articleText(a.text, e, r.events), h('h3', { text: 'Events coded from this article' }), h('ul', {}, ...others));
      setState('article', 'ready');
    } catch (err) {
      body.replaceChildren(h('p', { class: 'error', text: err.message }));
      setState('article', 'error');
    }
  }

  // The article text with this event's evidence sentences marked, and its source, target
  // and trigger marked inside them.
  function articleText(text, e, events) {
    if (typeof text !== 'string') return evidenceOnly(e, events);
    const chars = Array.from(text);
    const ranges = new Map();
    for (const ev of Array.isArray(e.evidence) ? e.evidence : []) {
      let st = ev.start, en = ev.end;
      const sent = Array.from(ev.sentence || '');
      if (!(Number.isInteger(st) && Number.isInteger(en) && st >= 0 && en <= chars.length &&
            chars.slice(st, en).join('') === ev.sentence)) {
        const i = text.indexOf(ev.sentence || '\u0000');
        if (i < 0) continue;
        st = Array.from(text.slice(0, i)).length;
        en = st + sent.length;
      }
      const key = st + ':' + en;
      // One sentence can be evidence twice (two triggers): mark it once with both.
      const prev = ranges.get(key);
      if (prev) {
        prev.trigger += ' ' + (ev.trigger || '');
        prev.highlights = prev.highlights.concat(Array.isArray(ev.highlights) ? ev.highlights : []);
      } else {
        ranges.set(key, { ...ev, start: st, end: en, trigger: ev.trigger || '', highlights: Array.isArray(ev.highlights) ? ev.highlights : [] });
      }
    }
    const sorted = [...ranges.values()].sort((a, b) => a.start - b.start);
    const div = h('div', { class: 'article-text' });
    let at = 0;
    for (const ev of sorted) {
      if (ev.start < at) continue;
      div.append(chars.slice(at, ev.start).join(''), h('span', { class: 'hl-evidence' }, highlighted(ev, e)));
      at = ev.end;
    }
    div.append(chars.slice(at).join(''));
    return div;
  }

  // Without the article text (the store keeps the evidence sentences, not the body), the
  // view lists every evidence sentence of the article's events in article order, this
  // event's own in the evidence colour.
  function evidenceOnly(e, events) {
    const seen = new Map();
    const all = [e].concat(Array.isArray(events) ? events : []);
    for (const o of all) {
      for (const ev of Array.isArray(o.evidence) ? o.evidence : []) {
        const key = num(ev.sentence_index) + ':' + (ev.sentence || '');
        const prev = seen.get(key);
        // One sentence can be evidence twice for the same event (two triggers): keep both.
        if (prev && prev.o === o) {
          prev.ev = { ...prev.ev, trigger: prev.ev.trigger + ' ' + (ev.trigger || ''),
            highlights: [].concat(prev.ev.highlights || [], ev.highlights || []) };
        } else if (!prev) {
          seen.set(key, { ev: { ...ev, trigger: ev.trigger || '' }, o });
        }
      }
    }
    const items = [...seen.values()].sort((a, b) => num(a.ev.sentence_index) - num(b.ev.sentence_index));
    const div = h('div', { class: 'article-text' },
      h('p', { class: 'muted small', text: 'The store keeps the evidence sentences of an article, not its whole text.' }));
    for (const { ev, o } of items) {
      const own = o === e || o.event_id === e.event_id;
      div.append(h('p', { class: 'sentence-row' }, h('span', { class: 'muted small', text: '§' + num(ev.sentence_index) + ' ' }),
        own ? h('span', { class: 'hl-evidence' }, highlighted(ev, o)) : ev.sentence || ''));
    }
    return div;
  }

  function closeArticle() { $('article').hidden = true; setState('article', 'idle'); }
  function closeDetail() { $('detail').hidden = true; setState('detail', 'idle'); }

  // The helpers the charts below draw with.
  window.sitrep = { api, s, num, fmt, guarded, directions, gen: () => gen };

  // ---- wiring ------------------------------------------------------------------------------

  async function loadCountries() {
    const r = await api('actors/top', { by: 'country', limit: 1000 });
    const actors = Array.isArray(r.actors) ? r.actors : [];
    for (const id of ['source', 'target']) {
      const sel = $(id), keep = sel.value;
      sel.replaceChildren(h('option', { value: '' }, 'any'));
      for (const a of actors) {
        if (!a || !a.key) continue;
        const label = a.label && a.label !== a.key ? a.key + ' · ' + a.label : a.key;
        sel.append(h('option', { value: a.key }, label + ' (' + num(a.events) + ')'));
      }
      setSelect(sel, keep);
    }
  }

  // Selects `value`, adding it as an option when the store's top list lacks it (a link
  // made from another store).
  function setSelect(sel, value) {
    if (value && ![...sel.options].some((o) => o.value === value)) sel.append(h('option', { value }, value));
    sel.value = value || '';
  }

  function fromUrl() {
    const qs = new URLSearchParams(location.search);
    setSelect($('source'), qs.get('source') || '');
    setSelect($('target'), qs.get('target') || '');
    $('both').checked = qs.get('both') === '1';
    for (const k of ['from', 'to', 'q']) $(k).value = qs.get(k) || '';
    if (['day', 'week', 'month'].includes(qs.get('interval'))) $('interval').value = qs.get('interval');
  }

  async function start() {
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); applyFilters(); });
    $('reset').addEventListener('click', () => {
      for (const k of ['source', 'target', 'from', 'to', 'q']) $(k).value = '';
      $('both').checked = false;
      $('interval').value = 'month';
      applyFilters();
    });
    $('swap').addEventListener('click', () => {
      const a = $('source').value;
      $('source').value = $('target').value;
      $('target').value = a;
    });
    $('more').addEventListener('click', () => {
      if (list) loadEvents(gen, list.f, true).catch((e) => status(e.message, true));
    });
    $('detail-close').addEventListener('click', closeDetail);
    $('article-close').addEventListener('click', closeArticle);
    $('article').addEventListener('click', (ev) => { if (ev.target === $('article')) closeArticle(); });
    document.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape') return;
      if (!$('article').hidden) closeArticle(); else if (!$('detail').hidden) closeDetail();
    });
    // Charts are drawn at their container's size, so redraw when a container changes size.
    let resizeTimer = 0;
    const sizes = new Map();
    const ro = new ResizeObserver((entries) => {
      let changed = false;
      for (const en of entries) {
        const key = Math.round(en.contentRect.width) + 'x' + Math.round(en.contentRect.height);
        if (sizes.get(en.target.id) !== key) { sizes.set(en.target.id, key); changed = true; }
      }
      if (!changed) return;
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => window.sitrepCharts && window.sitrepCharts.redraw(), 100);
    });
    for (const id of ['timeline', 'network', 'map']) ro.observe($(id));
    try {
      const hl = await api('health');
      $('health').textContent = num(hl.events) + ' events · ' + num(hl.articles) + ' articles · coder ' + (hl.coder_version || '?');
    } catch (e) {
      $('health').textContent = 'API unreachable';
      status(e.message, true);
    }
    try { await loadCountries(); } catch (e) { status(e.message, true); }
    fromUrl();
    applyFilters();
  }

  // The charts (below) register themselves; if that failed, say so instead of leaving the
  // panels loading forever.
  function chart(kind, g, f) {
    const c = window.sitrepCharts;
    if (c) return c[kind](g, f);
    for (const id of ['timeline', 'network', 'map']) setState(id, 'error');
    return Promise.reject(new Error('the charts did not load'));
  }
  const loadSeries = (g, f) => chart('series', g, f);
  const loadNetwork = (g, f) => chart('network', g, f);
  const loadMap = (g, f) => chart('map', g, f);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

/* ==== Charts: the timeline (#timeline), the actor network (#network) and the map of event
 * locations (#map), each one SVG drawn from the API's JSON with the helpers above
 * (window.sitrep). They share this file because the server embeds a fixed set of assets.
 */
(function () {
  const $ = (id) => document.getElementById(id);
  const { api, s, num, fmt, guarded, directions, gen } = window.sitrep;
  const last = {};

  function svgFor(id, label) {
    const box = $(id);
    const w = Math.max(240, box.clientWidth || 600), ht = Math.max(160, box.clientHeight || 280);
    const svg = s('svg', { width: w, height: ht, viewBox: '0 0 ' + w + ' ' + ht, role: 'img', 'aria-label': label });
    box.replaceChildren(svg);
    return { svg, w, ht };
  }

  function note(svg, x, y, text) {
    svg.append(s('text', { x, y, class: 'note', 'text-anchor': 'middle', text }));
  }

  // A tooltip that follows the pointer; its text is set with textContent.
  function tip(node, text) {
    const t = $('tip');
    node.setAttribute('aria-label', text);
    node.addEventListener('mouseenter', () => { t.textContent = text; t.hidden = false; });
    node.addEventListener('mousemove', (ev) => {
      t.style.left = Math.min(ev.clientX + 12, window.innerWidth - t.offsetWidth - 4) + 'px';
      t.style.top = (ev.clientY + 12) + 'px';
    });
    node.addEventListener('mouseleave', () => { t.hidden = true; });
  }

  // ---- timeline ------------------------------------------------------------------------

  function series(g, f) {
    return guarded(g, 'timeline', async () => {
      const iv = f.interval;
      let answers;
      if (f.both && !!f.source !== !!f.target) {
        answers = [await api('series', { country: f.source || f.target, from: f.from, to: f.to, interval: iv })];
      } else {
        answers = await Promise.all(directions(f).map((q) =>
          api('series', { source: q.source, target: q.target, from: f.from, to: f.to, interval: iv })));
      }
      if (g !== gen()) return;
      // Directions are disjoint, so their points add up period by period.
      const byPeriod = new Map();
      // Events the series could not place (no date; a month only, per day or week) are
      // counted by the server and named under the chart.
      let undated = 0, monthOnly = 0;
      for (const a of answers) {
        undated += num(a.undated);
        monthOnly += num(a.month_only);
        for (const p of Array.isArray(a.points) ? a.points : []) {
          if (!p || typeof p.period !== 'string') continue;
          const acc = byPeriod.get(p.period) || { period: p.period, events: 0, g: 0, q: [0, 0, 0, 0] };
          acc.events += num(p.events);
          acc.g += num(p.goldstein_sum);
          for (let k = 0; k < 4; k++) acc.q[k] += num(p.quad && p.quad[String(k + 1)]);
          byPeriod.set(p.period, acc);
        }
      }
      last.series = { points: fillGaps([...byPeriod.values()], iv), f, undated, monthOnly };
      drawTimeline();
    });
  }

  const DAY = 86400000;
  function parsePeriod(p) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(p);
    return m ? Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1) : NaN;
  }
  function periodName(t, monthly) {
    const d = new Date(t).toISOString();
    return monthly ? d.slice(0, 7) : d.slice(0, 10);
  }

  // Adds empty periods between the first and last, so time reads evenly from left to right;
  // only when every period is a date the step can be worked out from, and at most 1000.
  function fillGaps(points, iv) {
    points.sort((a, b) => a.period.localeCompare(b.period));
    if (points.length < 2) return points;
    const times = points.map((p) => parsePeriod(p.period));
    if (times.some(Number.isNaN)) return points;
    const monthly = iv === 'month' && /^\d{4}-\d{2}$/.test(points[0].period);
    const step = iv === 'day' ? DAY : iv === 'week' ? 7 * DAY : 0;
    const next = (t) => {
      if (step) return t + step;
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    };
    if (step && times.some((t) => (t - times[0]) % step !== 0)) return points;
    const have = new Map(points.map((p, i) => [times[i], p]));
    const out = [];
    for (let t = times[0]; t <= times[times.length - 1]; t = next(t)) {
      if (out.length >= 1000) return points;
      out.push(have.get(t) || { period: monthly || !step ? periodName(t, monthly) : periodName(t, false), events: 0, g: 0, q: [0, 0, 0, 0] });
    }
    return out;
  }

  function drawTimeline() {
    const d = last.series;
    if (!d) return;
    const { svg, w, ht } = svgFor('timeline', 'Events per period, cooperation above the axis and conflict below');
    const m = { l: 40, r: 46, t: 20, b: 22 };
    const pts = d.points;
    const unplaced = [d.undated ? d.undated + ' undated' : '', d.monthOnly ? d.monthOnly + ' dated to a month only' : '']
      .filter(Boolean).join(', ');
    $('timeline-sub').textContent = (d.f.source || d.f.target ? '' : 'all events · ') + 'per ' + d.f.interval +
      (unplaced ? ' · not shown: ' + unplaced : '') + (d.f.q ? ' · evidence words not applied here' : '');
    if (!pts.length) { note(svg, w / 2, ht / 2, 'No events for this selection.'); return; }
    const up = Math.max(1, ...pts.map((p) => p.q[0] + p.q[1]));
    const down = Math.max(0, ...pts.map((p) => p.q[2] + p.q[3]));
    const plotH = ht - m.t - m.b;
    const unit = plotH / (up + down || 1);
    const y0 = m.t + up * unit;
    const band = (w - m.l - m.r) / pts.length;
    const bar = Math.max(1, Math.min(40, band * 0.7));
    const x = (i) => m.l + i * band + (band - bar) / 2;
    // Count axis: zero, the highest cooperation and the highest conflict count.
    const axis = s('g', { class: 'axis' });
    axis.append(s('line', { x1: m.l, x2: w - m.r, y1: y0, y2: y0, class: 'zero' }));
    for (const [v, y] of [[up, m.t], [down, y0 + down * unit]]) {
      if (!v) continue;
      axis.append(s('line', { x1: m.l - 3, x2: w - m.r, y1: y, y2: y, class: 'grid' }),
        s('text', { x: m.l - 5, y: y + 4, 'text-anchor': 'end', text: String(v) }));
    }
    axis.append(s('text', { x: m.l - 5, y: y0 + 4, 'text-anchor': 'end', text: '0' }),
      s('text', { x: m.l, y: 10, class: 'axis-title', text: '▲ cooperation  ▼ conflict' }));
    svg.append(axis);
    const bars = s('g', { class: 'bars' });
    pts.forEach((p, i) => {
      const grp = s('g', { class: 'period' });
      let top = y0, bottom = y0;
      for (const k of [0, 1]) {
        if (!p.q[k]) continue;
        top -= p.q[k] * unit;
        grp.append(s('rect', { x: x(i), y: top, width: bar, height: p.q[k] * unit, class: 'bar q' + (k + 1) }));
      }
      for (const k of [2, 3]) {
        if (!p.q[k]) continue;
        grp.append(s('rect', { x: x(i), y: bottom, width: bar, height: p.q[k] * unit, class: 'bar q' + (k + 1) }));
        bottom += p.q[k] * unit;
      }
      // An invisible full-height target, so empty and thin periods have a tooltip too.
      const hit = s('rect', { x: m.l + i * band, y: m.t, width: band, height: plotH, class: 'hit' });
      tip(hit, p.period + ': ' + p.events + ' events · cooperation ' + (p.q[0] + p.q[1]) +
        ' · conflict ' + (p.q[2] + p.q[3]) + ' · Goldstein sum ' + fmt(p.g, 1));
      grp.append(hit);
      bars.append(grp);
    });
    svg.append(bars);
    // Goldstein sums share the zero line with the counts, scaled to fit its own extremes.
    const gUp = Math.max(0, ...pts.map((p) => p.g)), gDown = Math.max(0, ...pts.map((p) => -p.g));
    const gUnit = Math.min(gUp ? (y0 - m.t) / gUp : Infinity, gDown ? (ht - m.b - y0) / gDown : Infinity);
    if (Number.isFinite(gUnit)) {
      const cx = (i) => m.l + i * band + band / 2;
      const path = pts.map((p, i) => (i ? 'L' : 'M') + fmt(cx(i), 1) + ',' + fmt(y0 - p.g * gUnit, 1)).join(' ');
      svg.append(s('path', { d: path, class: 'gline' }));
      pts.forEach((p, i) => { if (p.events) svg.append(s('circle', { cx: cx(i), cy: y0 - p.g * gUnit, r: 2.5, class: 'gdot' })); });
      for (const v of [gUp, -gDown]) {
        if (!v) continue;
        svg.append(s('text', { x: w - m.r + 4, y: y0 - v * gUnit + 4, class: 'gaxis', text: fmt(v, 1) }));
      }
    }
    // Period labels, thinned so they do not overlap.
    const every = Math.max(1, Math.ceil(pts.length / Math.max(1, Math.floor((w - m.l - m.r) / 72))));
    pts.forEach((p, i) => {
      if (i % every) return;
      svg.append(s('text', { x: m.l + i * band + band / 2, y: ht - 6, 'text-anchor': 'middle', class: 'tick', text: p.period }));
    });
  }

  // ---- network -------------------------------------------------------------------------

  function network(g, f) {
    return guarded(g, 'network', async () => {
      const r = await api('network', { from: f.from, to: f.to, limit: 300 });
      if (g !== gen()) return;
      last.network = { nodes: Array.isArray(r.nodes) ? r.nodes : [], edges: Array.isArray(r.edges) ? r.edges : [], f };
      drawNetwork();
    });
  }

  // Mean Goldstein (-10..10) to a colour: red for conflict, grey at 0, green for cooperation.
  function goldsteinColour(v) {
    const t = Math.max(-1, Math.min(1, v / 10));
    const grey = [150, 150, 150], end = t < 0 ? [200, 40, 40] : [30, 140, 70];
    const a = Math.abs(t) ** 0.6;
    const c = grey.map((g0, i) => Math.round(g0 + (end[i] - g0) * a));
    return 'rgb(' + c.join(',') + ')';
  }

  // A small deterministic force layout: start on a circle by weight, then a bounded number
  // of repulsion/spring steps, so the same data always gives the same picture.
  function layout(nodes, edges, w, ht) {
    const n = nodes.length, cx = w / 2, cy = ht / 2, rad = Math.min(w, ht) / 2 - 30;
    const pos = nodes.map((_, i) => ({
      x: cx + rad * Math.cos((2 * Math.PI * i) / n - Math.PI / 2),
      y: cy + rad * Math.sin((2 * Math.PI * i) / n - Math.PI / 2),
    }));
    if (n < 3) return pos;
    const k = Math.sqrt(((w - 60) * (ht - 40)) / n) * 0.8;
    const idx = new Map(nodes.map((nd, i) => [nd.id, i]));
    for (let step = 0; step < 250; step++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          const dist = Math.max(1, Math.hypot(dx, dy)), f = (k * k) / dist;
          disp[i].x += (dx / dist) * f; disp[i].y += (dy / dist) * f;
          disp[j].x -= (dx / dist) * f; disp[j].y -= (dy / dist) * f;
        }
      }
      for (const e of edges) {
        const a = idx.get(e.source), b = idx.get(e.target);
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const dist = Math.max(1, Math.hypot(dx, dy)), f = (dist * dist) / k;
        disp[a].x -= (dx / dist) * f; disp[a].y -= (dy / dist) * f;
        disp[b].x += (dx / dist) * f; disp[b].y += (dy / dist) * f;
      }
      const temp = (k / 2) * (1 - step / 250) + 1;
      pos.forEach((p, i) => {
        // A pull to the middle keeps unconnected nodes from drifting to the edge.
        disp[i].x += (cx - p.x) * 0.05 * k / 10; disp[i].y += (cy - p.y) * 0.05 * k / 10;
        const d = Math.max(1e-6, Math.hypot(disp[i].x, disp[i].y)), m = Math.min(d, temp);
        p.x = Math.max(44, Math.min(w - 44, p.x + (disp[i].x / d) * m));
        p.y = Math.max(20, Math.min(ht - 20, p.y + (disp[i].y / d) * m));
      });
    }
    return pos;
  }

  function drawNetwork() {
    const d = last.network;
    if (!d) return;
    const { svg, w, ht } = svgFor('network', 'Network of countries linked by coded events');
    // The 40 busiest countries keep the picture legible; edges need both ends kept.
    const nodes = d.nodes.filter((nd) => nd && typeof nd.id === 'string')
      .sort((a, b) => num(b.events) - num(a.events)).slice(0, 40);
    const keep = new Set(nodes.map((nd) => nd.id));
    const edges = d.edges.filter((e) => e && keep.has(e.source) && keep.has(e.target) && e.source !== e.target)
      .sort((a, b) => num(b.events) - num(a.events)).slice(0, 200);
    if (!nodes.length) { note(svg, w / 2, ht / 2, 'No linked countries for these dates.'); return; }
    const pos = layout(nodes, edges, w, ht);
    const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
    const maxE = Math.max(1, ...edges.map((e) => num(e.events)));
    const maxN = Math.max(1, ...nodes.map((nd) => num(nd.events)));
    const radius = (nd) => 5 + 11 * Math.sqrt(num(nd.events) / maxN);
    const rOf = new Map(nodes.map((nd) => [nd.id, radius(nd)]));
    const chosen = new Set([d.f.source, d.f.target].filter(Boolean));
    const ge = s('g', { class: 'edges' });
    for (const e of edges) {
      const a = at.get(e.source), b = at.get(e.target);
      const mean = num(e.goldstein_sum) / Math.max(1, num(e.events));
      // Edges bend to the right of their direction, so A→B and B→A are two arcs.
      const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
      const nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len, bend = Math.min(40, len * 0.2);
      const qx = mx + nx * bend, qy = my + ny * bend;
      const colour = goldsteinColour(mean);
      const width = 1 + 4 * Math.log1p(num(e.events)) / Math.log1p(maxE);
      const lit = chosen.has(e.source) || chosen.has(e.target);
      const grp = s('g', { class: 'edge' + (chosen.size && !lit ? ' dim' : '') });
      grp.append(s('path', { d: 'M' + fmt(a.x, 1) + ',' + fmt(a.y, 1) + ' Q' + fmt(qx, 1) + ',' + fmt(qy, 1) + ' ' + fmt(b.x, 1) + ',' + fmt(b.y, 1), stroke: colour, 'stroke-width': fmt(width, 2), fill: 'none' }));
      // An arrowhead where the curve meets the target's circle (t solved roughly by distance).
      const t = Math.max(0.5, 1 - (rOf.get(e.target) + 2) / len);
      const px = (1 - t) ** 2 * a.x + 2 * (1 - t) * t * qx + t * t * b.x, py = (1 - t) ** 2 * a.y + 2 * (1 - t) * t * qy + t * t * b.y;
      const tx = 2 * (1 - t) * (qx - a.x) + 2 * t * (b.x - qx), ty = 2 * (1 - t) * (qy - a.y) + 2 * t * (b.y - qy);
      const tl = Math.max(1e-6, Math.hypot(tx, ty)), ux = tx / tl, uy = ty / tl, sz = 4 + width;
      grp.append(s('path', { d: 'M' + fmt(px, 1) + ',' + fmt(py, 1) + ' L' + fmt(px - ux * sz - uy * sz / 2, 1) + ',' + fmt(py - uy * sz + ux * sz / 2, 1) + ' L' + fmt(px - ux * sz + uy * sz / 2, 1) + ',' + fmt(py - uy * sz - ux * sz / 2, 1) + 'Z', fill: colour }));
      tip(grp, e.source + ' → ' + e.target + ': ' + num(e.events) + ' events, mean Goldstein ' + fmt(mean, 2));
      ge.append(grp);
    }
    svg.append(ge);
    const gn = s('g', { class: 'nodes' });
    for (const nd of nodes) {
      const p = at.get(nd.id);
      const grp = s('g', { class: 'node' + (chosen.has(nd.id) ? ' chosen' : ''), tabindex: 0, transform: 'translate(' + fmt(p.x, 1) + ',' + fmt(p.y, 1) + ')' });
      grp.append(s('circle', { r: fmt(rOf.get(nd.id), 1) }), s('text', { y: 4, 'text-anchor': 'middle', text: nd.id }));
      tip(grp, nd.id + ': ' + num(nd.events) + ' events');
      gn.append(grp);
    }
    svg.append(gn);
  }

  // ---- map -----------------------------------------------------------------------------

  function map(g, f) {
    return guarded(g, 'map', async () => {
      const qs = directions(f);
      const answers = await Promise.all(qs.map((q) => api('locations', { ...q, limit: 1000 })));
      // With one country on either side, events it has with itself were fetched twice.
      let twice = null;
      if (qs.length === 2 && !!f.source !== !!f.target) {
        const c = f.source || f.target;
        twice = await api('locations', { source: c, target: c, from: f.from, to: f.to, q: f.q, limit: 1000 });
      }
      if (g !== gen()) return;
      const byPlace = new Map();
      const add = (a, sign) => {
        for (const p of Array.isArray(a.points) ? a.points : []) {
          if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
          const key = [p.name, p.country, p.lat, p.lon].join('|');
          const acc = byPlace.get(key) || { ...p, events: 0 };
          acc.events += sign * num(p.events);
          byPlace.set(key, acc);
        }
      };
      answers.forEach((a) => add(a, 1));
      if (twice) add(twice, -1);
      last.map = { points: [...byPlace.values()].filter((p) => p.events > 0), f };
      drawMap();
    });
  }

  // The view: the whole world, or the points' box with a margin when they sit close together.
  function view(points) {
    const world = { lon0: -180, lon1: 180, lat0: -90, lat1: 90 };
    if (!points.length) return world;
    let lon0 = Math.min(...points.map((p) => p.lon)) - 15, lon1 = Math.max(...points.map((p) => p.lon)) + 15;
    let lat0 = Math.min(...points.map((p) => p.lat)) - 10, lat1 = Math.max(...points.map((p) => p.lat)) + 10;
    // At least 60 degrees wide, 2:1 like the world, and never past the edges.
    const span = Math.max(60, lon1 - lon0, 2 * (lat1 - lat0));
    if (span >= 300) return world;
    const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
    lon0 = Math.max(-180, Math.min(180 - span, cx - span / 2)); lon1 = lon0 + span;
    lat0 = Math.max(-90, Math.min(90 - span / 2, cy - span / 4)); lat1 = lat0 + span / 2;
    return { lon0, lon1, lat0, lat1 };
  }

  function drawMap() {
    const d = last.map;
    if (!d) return;
    const { svg, w, ht } = svgFor('map', 'Map of event locations, equirectangular projection');
    const v = view(d.points);
    const scale = Math.min((w - 8) / (v.lon1 - v.lon0), (ht - 8) / (v.lat1 - v.lat0));
    const ox = (w - scale * (v.lon1 - v.lon0)) / 2, oy = (ht - scale * (v.lat1 - v.lat0)) / 2;
    const X = (lon) => ox + (lon - v.lon0) * scale, Y = (lat) => oy + (v.lat1 - lat) * scale;
    const frame = { x: X(v.lon0), y: Y(v.lat1), width: scale * (v.lon1 - v.lon0), height: scale * (v.lat1 - v.lat0) };
    svg.append(s('rect', { ...frame, class: 'sea' }));
    if (land) {
      // Rings are [lon, lat, ...] in tenths of a degree; drawn clipped to the view.
      // A ring reaching past the antimeridian is drawn once more, 360 degrees over.
      const ringPath = (r, shift) => {
        let path = '';
        for (let i = 0; i + 1 < r.length; i += 2) path += (i ? 'L' : 'M') + fmt(X(r[i] / 10 + shift), 1) + ',' + fmt(Y(r[i + 1] / 10), 1);
        return path + 'Z';
      };
      const d = land.map((r) => {
        const lons = r.filter((_, i) => i % 2 === 0);
        return ringPath(r, 0) + (Math.min(...lons) < -1800 ? ringPath(r, 360) : '') + (Math.max(...lons) > 1800 ? ringPath(r, -360) : '');
      }).join('');
      svg.append(s('clipPath', { id: 'map-clip' }, s('rect', frame)),
        s('path', { d, class: 'land', 'clip-path': 'url(#map-clip)' }),
        s('text', { x: frame.x + frame.width - 4, y: frame.y + 12, 'text-anchor': 'end', class: 'credit', text: 'land: Natural Earth' }));
    }
    const step = v.lon1 - v.lon0 > 180 ? 30 : v.lon1 - v.lon0 > 60 ? 10 : 5;
    const grat = s('g', { class: 'graticule' });
    for (let lon = Math.ceil(v.lon0 / step) * step; lon <= v.lon1; lon += step) {
      grat.append(s('line', { x1: X(lon), x2: X(lon), y1: Y(v.lat1), y2: Y(v.lat0), class: lon === 0 ? 'major' : null }));
      // Labels too close to the right edge would be cut off.
      if (X(lon) < X(v.lon1) - 24) grat.append(s('text', { x: X(lon) + 2, y: Y(v.lat0) - 3, text: lon + '°' }));
    }
    for (let lat = Math.ceil(v.lat0 / step) * step; lat <= v.lat1; lat += step) {
      grat.append(s('line', { x1: X(v.lon0), x2: X(v.lon1), y1: Y(lat), y2: Y(lat), class: lat === 0 ? 'major' : null }));
      grat.append(s('text', { x: X(v.lon0) + 2, y: Y(lat) - 2, text: lat + '°' }));
    }
    svg.append(grat);
    const total = d.points.reduce((a, p) => a + p.events, 0);
    $('map-sub').textContent = d.points.length + ' places · ' + total + ' events with coordinates';
    if (!d.points.length) { note(svg, w / 2, ht / 2, 'No located events for this selection.'); return; }
    const maxN = Math.max(1, ...d.points.map((p) => p.events));
    const gp = s('g', { class: 'points' });
    // Biggest first, so small places stay on top and can be pointed at.
    for (const p of [...d.points].sort((a, b) => b.events - a.events)) {
      const c = s('circle', { cx: fmt(X(p.lon), 1), cy: fmt(Y(p.lat), 1), r: fmt(3 + 10 * Math.sqrt(p.events / maxN), 1), class: 'pt', tabindex: 0 });
      tip(c, (p.name || '?') + ' (' + (p.country || '?') + '): ' + p.events + ' event' + (p.events === 1 ? '' : 's'));
      gp.append(c);
      if (d.points.length <= 12) gp.append(s('text', { x: X(p.lon) + 6, y: Y(p.lat) - 6, class: 'pt-label', text: p.name || '' }));
    }
    svg.append(gp);
  }

  // The land outline (assets/land.json, built by tools/basemap/build_land.py) is optional:
  // without it the map draws its graticule only.
  let land = null;
  (async () => {
    try {
      const r = await fetch('/assets/land.json', { headers: { Accept: 'application/json' } });
      const d = r.ok ? await r.json() : null;
      if (!d || !Array.isArray(d.rings)) return;
      land = d.rings.filter((ring) => Array.isArray(ring) && ring.every(Number.isFinite));
      drawMap();
    } catch (_) { /* no basemap: the graticule alone still locates the points */ }
  })();

  window.sitrepCharts = {
    series, network, map,
    redraw() { drawTimeline(); drawNetwork(); drawMap(); },
  };
})();
