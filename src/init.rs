//! `dossier init`: a new dossier a user can fill in from its comments alone — `dossier.yaml` with
//! every key present or commented in Kazakh, Russian and English, and one placeholder per
//! required document that `check` reports as missing until it is replaced.

use dossier_judge::inspect::PLACEHOLDER_MARKER;
use dossier_model::dossier::DOSSIER_FILE;
use dossier_model::edition::{Edition, FactType, Filed, REVIEW_DATE_KEYS};
use dossier_model::error::{Error, Result};
use dossier_model::finding::{Arg, Message};
use dossier_model::lang::Lang;
use dossier_words::t;

use dossier_model::dossier::SAMPLE_NAME;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Creates the dossier in `dir` for `kind` under `edition`. Returns the files written.
/// Refuses a folder that holds a dossier unless `force`; never deletes or overwrites a document.
pub fn init(dir: &Path, kind: &str, edition: &Edition, force: bool) -> Result<Vec<PathBuf>> {
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
        yaml(kind, k.stage_required, edition).as_bytes(),
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

fn yaml(kind: &str, stage_required: bool, edition: &Edition) -> String {
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# dossier.yaml — {kind}, edition {id}. Format: docs/dossier-format.md\n\
         # kk: Барлық кілттер түсіндірілген; # белгісімен басталатындары — міндетті емес.\n\
         # ru: Все ключи пояснены; начинающиеся с # — необязательные.\n\
         # en: Every key is explained; those starting with # are optional.\n",
        id = edition.id()
    );
    let _ = writeln!(
        y,
        "schema: 1   # kk: пішім нұсқасы | ru: версия формата | en: format version"
    );
    let _ = writeln!(y, "kind: {kind}");
    let _ = writeln!(
        y,
        "edition: {}   # kk: Ережелер редакциясы | ru: редакция Правил | en: edition of the Rules\n",
        edition.id()
    );
    y.push_str("object:\n");
    y.push_str("  # kk: объектінің атауы | ru: наименование объекта | en: the object's name\n");
    y.push_str("  name: {kk: \"...\", ru: \"...\"}\n");
    y.push_str("  # short_name: \"...\"   # kk: қысқаша атауы | ru: краткое наименование | en: short name\n");
    if stage_required {
        y.push_str(
            "  # kk: саты: development | trial-operation | industrial-operation | decommissioned\n",
        );
        y.push_str("  # ru: стадия (развитие | опытная | промышленная эксплуатация | выведена)\n");
        y.push_str("  stage: industrial-operation\n");
    }
    y.push_str("  # portal_id: \"...\"   # kk: архитектуралық порталдағы нөмірі | ru: номер на архитектурном портале | en: architecture portal number\n\n");
    y.push_str("state_body:   # kk: өтініш беруші мемлекеттік орган | ru: государственный орган-заявитель | en: the applicant state body (or in dossier.toml)\n");
    y.push_str("  name: {kk: \"...\", ru: \"...\"}\n");
    y.push_str("  # bin: \"123456789012\"   # kk: БСН (12 цифр) | ru: БИН (12 цифр) | en: BIN, 12 digits\n\n");
    y.push_str("# signatory:   # kk: өтінішке қол қоюшы | ru: подписывает заявление | en: who signs the application\n");
    let _ = writeln!(
        y,
        "#   name: \"{SAMPLE_NAME}\"\n#   position: {{kk: \"...\", ru: \"...\"}}"
    );
    y.push_str("# application: {number: \"...\", date: 2026-01-15}   # kk: өтініш нөмірі мен күні | ru: номер и дата заявления | en: number and date\n");
    y.push_str("# addressee: {kk: \"...\", ru: \"...\"}   # kk: өкілетті орган | ru: уполномоченный орган | en: the authorized body (or in dossier.toml)\n\n");
    y.push_str("facts:   # kk: өлшемшарттар осы фактілерден есептеледі | ru: критерии считаются по этим фактам | en: the criteria are computed from these\n");
    if !edition.scores(kind) {
        y.push_str("  # kk: бұл түрге өлшемшарттар қолданылмайды | ru: к этому виду критерии не применяются | en: the criteria do not apply to this kind\n");
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
            FactType::Flag => ("false", "true | false"),
            FactType::Count => ("0", "whole number ≥ 0 | бүтін сан | целое число"),
            FactType::Percent => ("0", "percent 0–100 | пайыз | процент"),
        };
        // The row, what meets it, and the type; then the fact in the three languages.
        let mut tests: Vec<String> = rows
            .iter()
            .map(|c| format!("{}: {} {}", c.id, c.op.symbol(), c.threshold))
            .collect();
        if !counted.is_empty() {
            tests.push(format!(
                "{}: a count that decides the row",
                counted.join(", ")
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
    y.push_str("documents:   # kk: әр құжаттың файлы (бос үлгіні құжатпен ауыстырыңыз) | ru: файл каждого документа (замените заготовку документом) | en: each document's file (replace the placeholder with the document)\n");
    y.push_str("  # kk: бірнеше файл: [a.pdf, b.pdf] | ru: несколько файлов: [a.pdf, b.pdf] | en: several files: [a.pdf, b.pdf]\n");
    for req in edition.requirements_for(kind) {
        let where_ = match req.filed {
            Filed::Application => "filed with the application",
            Filed::Portal => "on the architecture portal",
        };
        let _ = writeln!(y, "  # {} — {} ({where_})", req.clause, req.title.ru);
        if req.expires {
            let _ = writeln!(
                y,
                "  {}:\n    files: [{}]\n    # valid_until: 2027-01-31   # kk: жарамдылық мерзімі | ru: действителен до | en: valid until",
                req.id,
                placeholder_path(&req.id)
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
        let ids: Vec<&str> = evidence.iter().map(|c| c.id.as_str()).collect();
        let _ = writeln!(
            y,
            "\n# evidence:   # kk: «тұрақты», «белсенді» сөздерін растау | ru: подтверждение «регулярности» и «активности» | en: what supports rows {}",
            ids.join(", ")
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
        y.push_str("\n# criteria:   # kk: тексерушінің шешімі (негізімен) | ru: решение проверяющего с основанием | en: a reviewer's override, with its basis\n");
        let _ = writeln!(y, "#   \"{}\": {{met: true, basis: \"...\"}}", first.id);
    }
    y.push_str(
        "\nreview:   # kk: қарау барысы | ru: ход рассмотрения | en: the review's progress\n",
    );
    for key in REVIEW_DATE_KEYS {
        let mut notes: Vec<String> = Vec::new();
        for d in &edition.deadlines {
            if d.done == *key {
                notes.push(format!("clause {} done", d.clause));
            }
            if d.starts == *key {
                notes.push(format!("clause {} starts", d.clause));
            }
        }
        if notes.is_empty() {
            continue;
        }
        let _ = writeln!(y, "  # {key}: YYYY-MM-DD   # {}", notes.join(", "));
        if *key == "recommendation_received" {
            let mut values = "conforms | does-not-conform | pending".to_string();
            if let Some(clause) = &edition.edition.no_architecture_not_a_ground {
                let _ = write!(values, " | no-architecture (clause {clause}: not a ground)");
            }
            let _ = writeln!(y, "  # architecture: conforms   # {values}");
            if let Some(check) = edition.kind(kind).and_then(|k| k.reviewer_check.as_ref()) {
                let _ = writeln!(
                    y,
                    "  # content_rules: complies   # complies | does-not-comply (clause {})",
                    check.clause
                );
            }
        }
    }
    y.push('\n');
}
