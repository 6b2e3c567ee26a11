//! The OpenAPI 3.1 document, written by hand from the handlers (a test checks that every
//! route the router serves is in it, and that every documented path answers).

use serde_json::{json, Value};

/// Every (method, path) the router serves, in OpenAPI path syntax.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("get", "/api/openapi.json"),
    ("get", "/api/events"),
    ("get", "/api/series"),
    ("get", "/api/actors/top"),
    ("get", "/api/network"),
    ("get", "/api/locations"),
    ("get", "/api/articles/{id}"),
    ("post", "/api/ingest"),
    ("get", "/"),
    ("get", "/assets/{file}"),
];

fn q(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

fn s() -> Value {
    json!({"type": "string"})
}

fn date() -> Value {
    json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"})
}

fn limit() -> Value {
    q(
        "limit",
        "At most this many items (default 100, at most 1000).",
        json!({"type": "integer", "minimum": 0, "maximum": 1000, "default": 100}),
    )
}

fn filters() -> Vec<Value> {
    vec![
        q("source", "Source actor country (ISO3/CAMEO, e.g. RUS).", s()),
        q("target", "Target actor country (e.g. PRK).", s()),
        q("from", "First event day, inclusive (YYYY-MM-DD, or YYYY-MM for a whole month).", date()),
        q("to", "Last event day, inclusive (YYYY-MM-DD or YYYY-MM).", date()),
        q("code", "CAMEO event code; a prefix matches its children (04 matches 042).", s()),
        q("root", "CAMEO root code (two digits).", s()),
        q(
            "quad",
            "Quad class: 0 none, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
            json!({"type": "integer", "minimum": 0, "maximum": 4}),
        ),
        q("plover", "PLOVER event type (AGREE, CONSULT, ...).", s()),
        q("actor", "Text found in either actor's name, code or sectors (substring).", s()),
        q("sector", "Sector code on either actor (GOV, MIL, ...), exactly.", s()),
        q("location_country", "Country of the event location (ISO3).", s()),
        q(
            "bbox",
            "Bounding box of the event location: minlon,minlat,maxlon,maxlat.",
            json!({"type": "string", "pattern": "^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$"}),
        ),
        q("q", "Words that must all appear in one evidence sentence (full-text search).", s()),
    ]
}

fn ok(desc: &str, schema: &str) -> Value {
    json!({
        "200": {"description": desc, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "503": {"$ref": "#/components/responses/Timeout"},
        "500": {"$ref": "#/components/responses/Internal"}
    })
}

fn err_response(desc: &str) -> Value {
    json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn schemas() -> Value {
    let nstr = json!({"type": ["string", "null"]});
    let actor = json!({
        "type": "object",
        "description": "An actor mention. start/end are code-point offsets of the mention in the article's clean text.",
        "properties": {
            "text": s(), "country": nstr, "sector": {"type": "array", "items": s()},
            "code": s(), "start": {"type": "integer"}, "end": {"type": "integer"}
        }
    });
    json!({
        "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string", "description": "Stable snake_case code: bad_parameter, unknown_parameter, not_found, method_not_allowed, unauthorized, forbidden, read_only, body_too_large, timeout, internal."},
                "message": s()
            }}}
        },
        "Health": {"type": "object", "properties": {
            "status": {"const": "ok"}, "events": {"type": "integer"}, "articles": {"type": "integer"},
            "coder_version": s(), "read_only": {"type": "boolean"}
        }},
        "Actor": actor,
        "Highlight": {
            "type": "object",
            "description": "A span to mark inside the evidence sentence. start/end are code-point offsets relative to the start of `sentence` (not the article). basis: `offsets` when the span comes from the actor's article offsets, `text_search` when it was found by searching the sentence for the actor's text or the trigger word (first whole-word, case-insensitive match).",
            "properties": {
                "role": {"enum": ["source", "target", "trigger"]},
                "start": {"type": "integer"}, "end": {"type": "integer"}, "text": s(),
                "basis": {"enum": ["offsets", "text_search"]}
            }
        },
        "Evidence": {
            "type": "object",
            "description": "One sentence the event was read from. start/end are code-point offsets of the sentence in the article's clean text; highlights are relative to the sentence.",
            "properties": {
                "sentence": s(), "sentence_index": {"type": "integer"},
                "start": {"type": "integer"}, "end": {"type": "integer"},
                "trigger": s(), "rule": s(),
                "highlights": {"type": "array", "items": {"$ref": "#/components/schemas/Highlight"}}
            }
        },
        "ArticleSummary": {"type": "object", "properties": {
            "id": s(), "title": nstr, "url": nstr, "published": nstr, "outlet": nstr
        }},
        "Event": {
            "type": "object",
            "description": "The object `sitrep code` prints, plus coder_version, article and evidence highlights.",
            "properties": {
                "event_id": s(), "article_id": s(),
                "source": {"$ref": "#/components/schemas/Actor"},
                "target": {"oneOf": [{"$ref": "#/components/schemas/Actor"}, {"type": "null"}]},
                "cameo": {"type": "object", "properties": {
                    "code": s(), "root": s(), "name": s(),
                    "goldstein": {"type": ["number", "null"]}, "quad_class": {"type": "integer"}
                }},
                "plover": {"type": "object", "properties": {"event_type": s(), "mode": nstr}},
                "negated": {"type": "boolean"}, "modality": s(),
                "attributed_to": {"type": ["object", "null"]},
                "date": nstr, "date_text": nstr, "date_basis": s(),
                "location": {"type": ["object", "null"], "properties": {
                    "name": s(), "country": nstr, "lat": {"type": ["number", "null"]},
                    "lon": {"type": ["number", "null"]}, "gazetteer_id": nstr, "level": s()
                }},
                "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
                "mentions": {"type": "integer"}, "confidence": {"type": "number"},
                "coder_version": s(),
                "article": {"$ref": "#/components/schemas/ArticleSummary"}
            }
        },
        "EventPage": {"type": "object", "properties": {
            "total": {"type": "integer", "description": "Events matching the filters."},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
            "next_offset": {"type": ["integer", "null"], "description": "offset of the next page; null on the last page."}
        }},
        "Series": {"type": "object", "properties": {
            "interval": {"enum": ["day", "week", "month"]},
            "points": {"type": "array", "description": "Periods with at least one event, in order (empty periods are absent). A week is named by its Monday.", "items": {
                "type": "object", "properties": {
                    "period": s(), "events": {"type": "integer"}, "goldstein_sum": {"type": "number"},
                    "quad": {"type": "object", "description": "Events per quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (0 when a code had none).", "additionalProperties": {"type": "integer"}}
                }
            }},
            "undated": {"type": "integer", "description": "Matching events without a date (in no period)."},
            "month_only": {"type": "integer", "description": "Matching events dated to a month only: in no period of a day or week series."}
        }},
        "TopActors": {"type": "object", "properties": {
            "by": {"enum": ["country", "actor"]},
            "actors": {"type": "array", "items": {"type": "object", "properties": {
                "key": s(), "label": nstr, "events": {"type": "integer"},
                "as_source": {"type": "integer"}, "as_target": {"type": "integer"}
            }}}
        }},
        "Network": {"type": "object", "properties": {
            "nodes": {"type": "array", "description": "Countries on the returned edges; events sums the returned edges touching the node.", "items": {"type": "object", "properties": {"id": s(), "label": nstr, "events": {"type": "integer"}}}},
            "edges": {"type": "array", "items": {"type": "object", "properties": {"source": s(), "target": s(), "events": {"type": "integer"}, "goldstein_sum": {"type": "number"}}}}
        }},
        "Locations": {"type": "object", "properties": {
            "points": {"type": "array", "items": {"type": "object", "properties": {
                "lat": {"type": "number"}, "lon": {"type": "number"}, "name": s(), "country": nstr, "events": {"type": "integer"}
            }}}
        }},
        "ArticleWithEvents": {"type": "object", "properties": {
            "article": {"type": "object", "properties": {
                "id": s(), "title": nstr, "url": nstr, "published": nstr, "outlet": nstr, "language": nstr,
                "byline": {"type": "null", "description": "The store does not keep bylines."},
                "text": {"type": "null", "description": "The store does not keep the article text (text_stored is false): evidence sentences carry what a reader needs, with their article offsets."},
                "text_stored": {"type": "boolean"}, "text_chars": {"type": "integer"}, "coder_version": s()
            }},
            "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
        }},
        "IngestCounts": {"type": "object", "properties": {
            "records": {"type": "integer"}, "articles": {"type": "integer", "description": "Records coded."},
            "articles_new": {"type": "integer"}, "articles_present": {"type": "integer", "description": "Already stored (same content hash): unchanged."},
            "events": {"type": "integer"}, "events_new": {"type": "integer"}, "events_present": {"type": "integer"},
            "skipped": {"type": "object", "description": "Records lost, by reason (empty, binary, invalid_json, missing_text, no_text, too_large, ...).", "additionalProperties": {"type": "integer"}}
        }}
    })
}

/// The document.
pub fn document() -> Value {
    let mut events_params = filters();
    events_params.push(limit());
    events_params.push(q(
        "offset",
        "Skip this many events (paging).",
        json!({"type": "integer", "minimum": 0, "default": 0}),
    ));
    let mut location_params = filters();
    location_params.push(limit());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "sitrep API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Coded political events from a sitrep store. All answers are JSON (UTF-8). Errors are {\"error\": {\"code\", \"message\"}} with a 4xx/5xx status. Unknown query parameters are a 400. Every list is bounded by `limit` (default 100, at most 1000). Each request has a time budget (--timeout-ms, default 10 s): past it the answer is 503 `timeout`. Offsets: actor start/end and evidence start/end are code points in the article's clean text; highlight start/end are code points in the evidence sentence."
        },
        "paths": {
            "/api/health": {"get": {"summary": "Store counts and coder version.", "responses": ok("Server and store status.", "Health")}},
            "/api/openapi.json": {"get": {"summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.1 document.", "content": {"application/json": {}}}}}},
            "/api/events": {"get": {"summary": "Event search, in (day, event id) order.", "parameters": events_params, "responses": ok("One page of events.", "EventPage")}},
            "/api/series": {"get": {
                "summary": "Dyad or country time series with counts, Goldstein sums and quad classes per period (from the store's per-quad dyad-day rollup).",
                "parameters": [
                    q("source", "Source country.", s()), q("target", "Target country.", s()),
                    q("country", "Country on either side (an event with it on both sides counts once).", s()),
                    q("from", "First day, inclusive.", date()), q("to", "Last day, inclusive.", date()),
                    q("interval", "Period length.", json!({"enum": ["day", "week", "month"], "default": "day"}))
                ],
                "responses": ok("The series.", "Series")
            }},
            "/api/actors/top": {"get": {
                "summary": "Countries (from the rollup) or actor codes (from the events) on most events.",
                "parameters": [
                    q("by", "Group by country or by full actor code.", json!({"enum": ["country", "actor"], "default": "country"})),
                    q("from", "First day, inclusive.", date()), q("to", "Last day, inclusive.", date()), limit()
                ],
                "responses": ok("Top actors, most events first.", "TopActors")
            }},
            "/api/network": {"get": {
                "summary": "Country-level network: directed edges with event counts and Goldstein sums, largest first.",
                "parameters": [
                    q("from", "First day, inclusive.", date()), q("to", "Last day, inclusive.", date()),
                    q("min_events", "Leave out edges with fewer events.", json!({"type": "integer", "minimum": 0, "default": 1})),
                    limit()
                ],
                "responses": ok("Nodes and edges.", "Network")
            }},
            "/api/locations": {"get": {"summary": "Event locations with counts, most events first; events without coordinates are not places.", "parameters": location_params, "responses": ok("Places.", "Locations")}},
            "/api/articles/{id}": {"get": {
                "summary": "One article with its events and highlighted evidence.",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": s()}],
                "responses": {
                    "200": {"description": "The article and its events (at most 1000).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleWithEvents"}}}},
                    "404": err_response("No article with that id (code not_found)."),
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "503": {"$ref": "#/components/responses/Timeout"}
                }
            }},
            "/api/ingest": {"post": {
                "summary": "Code and store documents, as `sitrep ingest` does (idempotent: resending the same documents changes nothing). Only on a server started with --token.",
                "security": [{"bearer": []}],
                "parameters": [
                    q("published", "Publication date for every document (anchors relative dates).", json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})),
                    q("format", "Body format: one text document, one HTML page, or JSON lines (id, url, title, published, text or html).", json!({"enum": ["text", "html", "jsonl"], "default": "text"}))
                ],
                "requestBody": {"required": true, "content": {"text/plain": {}, "text/html": {}, "application/x-ndjson": {}}},
                "responses": {
                    "200": {"description": "What was stored and skipped.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IngestCounts"}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "401": err_response("No bearer token (code unauthorized)."),
                    "403": err_response("Wrong token (code forbidden)."),
                    "405": err_response("The server is read-only (code read_only)."),
                    "413": err_response("Body over --max-body (code body_too_large)."),
                    "503": {"$ref": "#/components/responses/Timeout"}
                }
            }},
            "/": {"get": {"summary": "The dashboard (HTML).", "responses": {"200": {"description": "index.html", "content": {"text/html": {}}}}}},
            "/assets/{file}": {"get": {
                "summary": "Dashboard files (app.js, app.css, land.json), embedded in the binary.",
                "parameters": [{"name": "file", "in": "path", "required": true, "schema": s()}],
                "responses": {"200": {"description": "The file."}, "404": err_response("No such asset (code not_found).")}
            }}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {
                "BadRequest": err_response("A parameter is unknown (unknown_parameter) or unusable (bad_parameter)."),
                "Timeout": err_response("Past the request's time budget (code timeout)."),
                "Internal": err_response("A server-side failure (code internal); details in the server's log.")
            },
            "schemas": schemas()
        }
    })
}
