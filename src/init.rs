//! `dossier init`: a new dossier a user can fill in from its comments alone — `dossier.yaml` with
//! every key present or commented in Kazakh, Russian and English, and one placeholder per
//! required document that `check` reports as missing until it is replaced.

use dossier_judge::inspect::PLACEHOLDER_MARKER;
use dossier_model::dossier::DOSSIER_FILE;
use dossier_model::edition::{Edition, FactType, Filed, REVIEW_DATE_KEYS};
use dossier_model::error::{Error, Result};
use dossier_model::finding::{Arg, Message};
use dossier_model::lang::Lang;
use dossier_words::{t, text};

use dossier_model::dossier::SAMPLE_NAME;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Creates the dossier in `dir` for `kind` under `edition`. Returns the files written.
/// Refuses a folder that holds a dossier unless `force`; never deletes or overwrites a document.
pub fn init(
    dir: &Path,
    kind: &str,
    edition: &Edition,
    force: bool,
    schema_ref: &str,
) -> Result<Vec<PathBuf>> {
    let Some(k) = edition.kind(kind) else {
        let kinds: Vec<String> = edition.kinds.iter().map(|k| k.id.clone()).collect();
        return Err(Error::usage(
            Message::new("usage.init-kind")
                .arg("edition", edition.id())
                .arg("kind", kind)
                .arg("kinds", Arg::List(kinds)),
        ));
    };
    let yaml_path = dir.join(DOSSIER_FILE);
    if yaml_path.exists() && !force {
        return Err(Error::usage(
            Message::new("usage.init-exists").arg("dir", dir.display().to_string()),
        ));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    dossier_model::files::create_dir_all(&dir.join("docs")).map_err(io(dir))?;
    let mut written = Vec::new();
    dossier_model::files::write_file(
        &yaml_path,
        yaml(kind, k.stage_required, edition, schema_ref).as_bytes(),
        true,
    )?;
    written.push(yaml_path);
    for req in edition.requirements_for(kind) {
        let path = dir.join(placeholder_path(&req.id));
        if path.exists() {
            continue;
        }
        let mut text = format!("{PLACEHOLDER_MARKER}\n");
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let (title, clause) = (
                req.title.get(lang),
                dossier_words::clause(lang, &req.clause),
            );
            let _ = writeln!(
                text,
                "{lang}: {}",
                t!(lang, "init.placeholder", title, clause)
            );
        }
        dossier_model::files::write_file(&path, text.as_bytes(), false)?;
        written.push(path);
    }
    Ok(written)
}

/// `docs/<id>.pdf`: named for the requirement, so the real document goes in its place.
pub fn placeholder_path(id: &str) -> String {
    format!("docs/{id}.pdf")
}

/// A comment in the three languages, Kazakh first: "kk: … | ru: … | en: …".
fn kk_ru_en(key: &'static str) -> String {
    format!(
        "kk: {} | ru: {} | en: {}",
        text(Lang::Kk, key, &[]),
        text(Lang::Ru, key, &[]),
        text(Lang::En, key, &[])
    )
}

/// A comment in the three languages, English first (a value's type, a step): "… | … | …".
fn en_kk_ru(key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    format!(
        "{} | {} | {}",
        text(Lang::En, key, args),
        text(Lang::Kk, key, args),
        text(Lang::Ru, key, args)
    )
}

fn yaml(kind: &str, stage_required: bool, edition: &Edition, schema_ref: &str) -> String {
    let mut y = String::new();
    // An editor with the YAML language server completes and checks the file against it.
    let _ = writeln!(y, "# yaml-language-server: $schema={schema_ref}");
    let _ = writeln!(
        y,
        "# dossier.yaml — {kind}, edition {id}. Format: docs/dossier-format.md",
        id = edition.id()
    );
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let _ = writeln!(y, "# {lang}: {}", text(lang, "init.header", &[]));
    }
    y.push('\n');
    let _ = writeln!(y, "schema: 1   # {}", kk_ru_en("init.schema"));
    let _ = writeln!(y, "kind: {kind}");
    let _ = writeln!(
        y,
        "edition: {}   # {}\n",
        edition.id(),
        kk_ru_en("init.edition")
    );
    y.push_str("object:\n");
    let _ = writeln!(y, "  # {}", kk_ru_en("init.object-name"));
    y.push_str("  name: {kk: \"...\", ru: \"...\"}\n");
    let _ = writeln!(
        y,
        "  # short_name: \"...\"   # {}",
        kk_ru_en("init.short-name")
    );
    if stage_required {
        let _ = writeln!(
            y,
            "  # {}\n  #   development | trial-operation | industrial-operation | decommissioned",
            kk_ru_en("init.stage")
        );
        y.push_str("  stage: industrial-operation\n");
    }
    let _ = writeln!(
        y,
        "  # portal_id: \"...\"   # {}\n",
        kk_ru_en("init.portal-id")
    );
    let _ = writeln!(y, "state_body:   # {}", kk_ru_en("init.state-body"));
    y.push_str("  name: {kk: \"...\", ru: \"...\"}\n");
    let _ = writeln!(
        y,
        "  # bin: \"123456789012\"   # {}\n",
        kk_ru_en("init.bin")
    );
    let _ = writeln!(y, "# signatory:   # {}", kk_ru_en("init.signatory"));
    let _ = writeln!(
        y,
        "#   name: \"{SAMPLE_NAME}\"\n#   position: {{kk: \"...\", ru: \"...\"}}"
    );
    let _ = writeln!(
        y,
        "# application: {{number: \"...\", date: 2026-01-15}}   # {}",
        kk_ru_en("init.application")
    );
    let _ = writeln!(
        y,
        "# addressee: {{kk: \"...\", ru: \"...\"}}   # {}\n",
        kk_ru_en("init.addressee")
    );
    let _ = writeln!(y, "facts:   # {}", kk_ru_en("init.facts"));
    if !edition.scores(kind) {
        let _ = writeln!(y, "  # {}", kk_ru_en("init.no-criteria"));
    }
    for f in &edition.facts {
        let applies =
            |c: &&dossier_model::edition::Criterion| c.applies_to.iter().any(|k| k == kind);
        let rows: Vec<&dossier_model::edition::Criterion> = edition
            .criteria
            .iter()
            .filter(applies)
            .filter(|c| c.fact == f.name)
            .collect();
        // The counts that decide rows 1.2 and 1.4 when all are given (extensions).
        let counted: Vec<&str> = edition
            .criteria
            .iter()
            .filter(applies)
            .filter(|c| {
                c.counts
                    .as_ref()
                    .is_some_and(|k| k.totals.iter().chain(&k.parts).any(|n| n == &f.name))
            })
            .map(|c| c.id.as_str())
            .collect();
        if rows.is_empty() && counted.is_empty() {
            continue;
        }
        let (example, kind_words) = match f.kind {
            FactType::Flag => ("false", "true | false".to_string()),
            FactType::Count => ("0", en_kk_ru("init.type.count", &[])),
            FactType::Percent => ("0", en_kk_ru("init.type.percent", &[])),
        };
        // The row, what meets it, and the type; then the fact in the three languages.
        let mut tests: Vec<String> = rows
            .iter()
            .map(|c| format!("{}: {} {}", c.id, c.op.symbol(), c.threshold))
            .collect();
        if !counted.is_empty() {
            tests.push(format!(
                "{}: {}",
                counted.join(", "),
                en_kk_ru("init.decides-row", &[])
            ));
        }
        let _ = writeln!(y, "  # {} ({kind_words})", tests.join("; "));
        let _ = writeln!(
            y,
            "  #   kk: {} | ru: {} | en: {}",
            f.label.kk, f.label.ru, f.label.en
        );
        let _ = writeln!(y, "  # {}: {example}", f.name);
    }
    review_and_overrides(&mut y, kind, edition);
    let _ = writeln!(y, "documents:   # {}", kk_ru_en("init.documents"));
    let _ = writeln!(y, "  # {}", kk_ru_en("init.several-files"));
    for req in edition.requirements_for(kind) {
        let where_ = match req.filed {
            Filed::Application => en_kk_ru("init.filed.application", &[]),
            Filed::Portal => en_kk_ru("init.filed.portal", &[]),
        };
        let _ = writeln!(
            y,
            "  # {} — kk: {} | ru: {} ({where_})",
            req.clause,
            req.title.get(Lang::Kk),
            req.title.get(Lang::Ru)
        );
        if req.expires {
            let _ = writeln!(
                y,
                "  {}:\n    files: [{}]\n    # valid_until: 2027-01-31   # {}",
                req.id,
                placeholder_path(&req.id),
                kk_ru_en("init.valid-until")
            );
        } else {
            let _ = writeln!(y, "  {}: {}", req.id, placeholder_path(&req.id));
        }
    }
    y
}

/// The `evidence`, `criteria` and `review` sections, from the edition's rows and deadlines.
fn review_and_overrides(y: &mut String, kind: &str, edition: &Edition) {
    let rows: Vec<&dossier_model::edition::Criterion> = edition
        .criteria
        .iter()
        .filter(|c| c.applies_to.iter().any(|k| k == kind))
        .collect();
    let evidence: Vec<&dossier_model::edition::Criterion> = rows
        .iter()
        .copied()
        .filter(|c| c.evidence.is_some())
        .collect();
    if !evidence.is_empty() {
        let ids = evidence
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let rows_arg: [(&str, &dyn std::fmt::Display); 1] = [("rows", &ids)];
        let _ = writeln!(
            y,
            "\n# evidence:   # kk: {} | ru: {} | en: {}",
            text(Lang::Kk, "init.evidence", &rows_arg),
            text(Lang::Ru, "init.evidence", &rows_arg),
            text(Lang::En, "init.evidence", &rows_arg)
        );
        for c in &evidence {
            if let Some(hint) = &c.evidence {
                let _ = writeln!(y, "#   # {}: {}", c.id, hint.en);
                let _ = writeln!(y, "#   # kk: {} | ru: {}", hint.kk, hint.ru);
                let _ = writeln!(y, "#   \"{}\": \"...\"", c.id);
            }
        }
    }
    if let Some(first) = rows.first() {
        let _ = writeln!(y, "\n# criteria:   # {}", kk_ru_en("init.criteria"));
        let _ = writeln!(y, "#   \"{}\": {{met: true, basis: \"...\"}}", first.id);
    }
    let _ = writeln!(y, "\nreview:   # {}", kk_ru_en("init.review"));
    for key in REVIEW_DATE_KEYS {
        let mut notes: Vec<String> = Vec::new();
        for d in &edition.deadlines {
            let clause: [(&str, &dyn std::fmt::Display); 1] = [("clause", &d.clause)];
            if d.done == *key {
                notes.push(en_kk_ru("init.step-done", &clause));
            }
            if d.starts == *key {
                notes.push(en_kk_ru("init.step-starts", &clause));
            }
        }
        if notes.is_empty() {
            continue;
        }
        let _ = writeln!(y, "  # {key}: YYYY-MM-DD   # {}", notes.join("; "));
        if *key == "recommendation_received" {
            let mut values = "conforms | does-not-conform | pending".to_string();
            if let Some(clause) = &edition.edition.no_architecture_not_a_ground {
                let clause: [(&str, &dyn std::fmt::Display); 1] = [("clause", clause)];
                let _ = write!(
                    values,
                    " | no-architecture ({})",
                    en_kk_ru("init.not-a-ground", &clause)
                );
            }
            let _ = writeln!(y, "  # architecture: conforms   # {values}");
            if let Some(check) = edition.kind(kind).and_then(|k| k.reviewer_check.as_ref()) {
                let _ = writeln!(
                    y,
                    "  # content_rules: complies   # complies | does-not-comply ({})",
                    dossier_words::clause(Lang::En, &check.clause)
                );
            }
        }
    }
    y.push('\n');
}
