//! `dossier schema`: a JSON Schema (draft 2020-12) of `dossier.yaml` made from an edition's
//! data — its kinds, the document ids of each kind with their titles, the facts with their
//! types, the review keys and the enums — so an editor with the YAML language server completes
//! and checks a dossier as it is typed; and the schema of `check --format json`.

use crate::edition::{Edition, FactType};
use crate::lang::Lang;
use serde_json::{Map, Value, json};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A text given per language or once for all: "..." or {kk: "...", ru: "..."}.
fn local_text() -> Value {
    json!({
        "oneOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "properties": {"kk": {"type": "string"}, "ru": {"type": "string"}},
                "additionalProperties": false,
                "minProperties": 1
            }
        ]
    })
}

fn date() -> Value {
    json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
}

fn document_entry() -> Value {
    json!({
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            {
                "type": "object",
                "properties": {
                    "files": {
                        "oneOf": [
                            {"type": "string", "minLength": 1},
                            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
                        ]
                    },
                    "issued": date(),
                    "valid_until": date(),
                    "note": {"type": "string"}
                },
                "required": ["files"],
                "additionalProperties": false
            }
        ]
    })
}

/// The schema of `dossier.yaml` under `edition`, its descriptions in `lang`.
pub fn dossier_schema(edition: &Edition, editions: &[String], lang: Lang) -> Value {
    let kinds: Vec<&str> = edition.kinds.iter().map(|k| k.id.as_str()).collect();
    let mut documents = Map::new();
    for r in &edition.requirements {
        documents.entry(r.id.clone()).or_insert_with(|| {
            described(
                document_entry(),
                &format!("{} ({})", r.title.get(lang), r.clause),
            )
        });
    }
    let mut facts = Map::new();
    for f in &edition.facts {
        let mut schema = match f.kind {
            FactType::Count => json!({"type": "integer", "minimum": 0}),
            FactType::Flag => json!({"type": "boolean"}),
            FactType::Percent => json!({"type": "number", "minimum": 0, "maximum": 100}),
        };
        schema = described(schema, f.label.get(lang));
        facts.insert(f.name.clone(), schema);
    }
    let criteria: Vec<&str> = edition.criteria.iter().map(|c| c.id.as_str()).collect();
    let mut review = Map::new();
    for key in crate::edition::REVIEW_DATE_KEYS {
        review.insert((*key).to_string(), date());
    }
    review.insert(
        "architecture".into(),
        json!({"enum": ["conforms", "does-not-conform", "pending", "no-architecture"]}),
    );
    review.insert(
        "content_rules".into(),
        json!({"enum": ["complies", "does-not-comply"]}),
    );
    review.insert("portal_confirmed".into(), json!({"type": "boolean"}));
    // Each kind names only its own documents (R44).
    let per_kind: Vec<Value> = edition
        .kinds
        .iter()
        .map(|k| {
            let ids: Vec<&str> = edition
                .requirements_for(&k.id)
                .map(|r| r.id.as_str())
                .collect();
            json!({
                "if": {"properties": {"kind": {"const": k.id}}, "required": ["kind"]},
                "then": {"properties": {"documents": {"propertyNames": {"enum": ids}}}}
            })
        })
        .collect();
    let mut edition_ids: Vec<&str> = editions.iter().map(String::as_str).collect();
    edition_ids.push("auto");
    let integration = json!({
        "type": "object",
        "properties": {
            "name": local_text(), "owner": local_text(), "location": local_text(),
            "requirements": local_text(), "rules": local_text()
        },
        "required": ["name"],
        "additionalProperties": false
    });
    let resource_fields = [
        "purpose",
        "contacts",
        "owner",
        "distributions",
        "licensing",
        "license_period",
        "license_count",
        "admin_guide",
        "user_guide",
    ];
    let mut resource = Map::new();
    for f in resource_fields {
        resource.insert(f.into(), local_text());
    }
    resource.insert(
        "integrations".into(),
        json!({"type": ["array", "null"], "items": integration}),
    );
    let schema = json!({
        "$schema": DRAFT,
        "$id": format!("https://dossier.example/schema/dossier-{}.json", edition.id()),
        "title": "dossier.yaml",
        "type": "object",
        "required": ["schema", "kind", "object"],
        "additionalProperties": false,
        "properties": {
            "schema": {"const": 1},
            "kind": {"enum": kinds},
            "edition": {"enum": edition_ids},
            "object": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": false,
                "properties": {
                    "name": local_text(),
                    "short_name": {"type": "string"},
                    "stage": {"enum": ["development", "trial-operation", "industrial-operation", "decommissioned"]},
                    "portal_id": {"type": "string"}
                }
            },
            "state_body": {
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": {"name": local_text(), "bin": {"type": "string", "pattern": "^[0-9]{12}$"}}
            },
            "signatory": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": false,
                "properties": {"name": {"type": "string"}, "position": local_text()}
            },
            "executor": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": false,
                "properties": {"name": {"type": "string"}, "phone": {"type": "string"}}
            },
            "application": {
                "type": "object",
                "additionalProperties": false,
                "properties": {"number": {"type": "string"}, "date": date()}
            },
            "addressee": local_text(),
            "resource": {"type": "object", "additionalProperties": false, "properties": resource},
            "facts": {"type": ["object", "null"], "additionalProperties": false, "properties": facts},
            "criteria": {
                "type": ["object", "null"],
                "propertyNames": {"enum": criteria},
                "additionalProperties": {
                    "type": "object",
                    "required": ["met", "basis"],
                    "additionalProperties": false,
                    "properties": {"met": {"type": "boolean"}, "basis": {"type": "string", "minLength": 1}}
                }
            },
            "evidence": {
                "type": ["object", "null"],
                "propertyNames": {"enum": criteria},
                "additionalProperties": {"type": "string"}
            },
            "review": {"type": ["object", "null"], "additionalProperties": false, "properties": review},
            "documents": {
                "type": ["object", "null"],
                "propertyNames": {"enum": documents.keys().collect::<Vec<_>>()},
                "properties": documents
            }
        },
        "allOf": per_kind
    });
    described(schema, edition.edition.title.get(lang))
}

/// A schema with its human description (JSON Schema's annotation keyword).
fn described(mut schema: Value, text: &str) -> Value {
    #[derive(serde::Serialize)]
    struct Annotation<'a> {
        description: &'a str,
    }
    if let (Some(map), Ok(Value::Object(extra))) = (
        schema.as_object_mut(),
        serde_json::to_value(Annotation { description: text }),
    ) {
        map.extend(extra);
    }
    schema
}

/// The schema of `check --format json` (contract §6), its top and each dossier's keys.
pub fn report_schema() -> Value {
    json!({
        "$schema": DRAFT,
        "$id": "https://dossier.example/schema/report.json",
        "title": "dossier check --format json",
        "type": "object",
        "required": ["schema", "dossiers"],
        "properties": {
            "schema": {"const": 1},
            "what_if": {"$ref": "#/$defs/what_if"},
            "dossiers": {"type": "array", "items": {"$ref": "#/$defs/dossier"}}
        },
        "$defs": {
            "what_if": {
                "type": "object",
                "properties": {
                    "facts": {"type": "object", "additionalProperties": {"type": "string"}},
                    "criteria": {"type": "object", "additionalProperties": {"type": "boolean"}},
                    "assume": {"type": "object", "additionalProperties": {"type": "string"}}
                }
            },
            "finding": {
                "type": "object",
                "required": ["severity", "code", "args", "message"],
                "properties": {
                    "severity": {"enum": ["error", "warning", "info"]},
                    "code": {"type": "string"},
                    "args": {"type": "object"},
                    "message": {"type": "string"},
                    "file": {"type": "string"},
                    "line": {"type": "integer", "minimum": 1},
                    "column": {"type": "integer", "minimum": 1},
                    "help": {"type": "string"}
                }
            },
            "dossier": {
                "type": "object",
                "required": ["path", "outcome"],
                "properties": {
                    "what_if": {"$ref": "#/$defs/what_if"},
                    "path": {"type": "string"},
                    "outcome": {"enum": ["include", "pending", "incomplete", "refuse", "invalid"]},
                    "kind": {"type": "string"},
                    "edition": {"type": "string"},
                    "grounds": {"type": "array", "items": {"type": "string"}},
                    "ready": {"type": "boolean"},
                    "documents": {"type": "array", "items": {"type": "object", "required": ["id", "status"]}},
                    "score": {"type": ["object", "null"]},
                    "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/finding"}}
                }
            }
        }
    })
}
