//! `dossier init`: a new dossier a user can fill in from its comments alone — `dossier.yaml` with
//! every key present or commented in Kazakh, Russian and English, and one placeholder per
//! required document that `check` reports as missing until it is replaced.

use crate::dossier::DOSSIER_FILE;
use crate::edition::{Edition, FactType, Filed};
use crate::error::{Error, Result};
use crate::inspect::PLACEHOLDER_MARKER;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Creates the dossier in `dir` for `kind` under `edition`. Returns the files written.
/// Refuses a folder that holds a dossier unless `force`; never deletes or overwrites a document.
pub fn init(dir: &Path, kind: &str, edition: &Edition, force: bool) -> Result<Vec<PathBuf>> {
    let Some(k) = edition.kind(kind) else {
        let kinds: Vec<&str> = edition.kinds.iter().map(|k| k.id.as_str()).collect();
        return Err(Error::Usage(format!(
            "edition {} has no procedure for kind `{kind}` (kinds: {})",
            edition.id(),
            kinds.join(", ")
        )));
    };
    let yaml_path = dir.join(DOSSIER_FILE);
    if yaml_path.exists() && !force {
        return Err(Error::Usage(format!(
            "{} already holds a dossier; use --force to rewrite its dossier.yaml (documents are never touched)",
            dir.display()
        )));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dir.join("docs")).map_err(io(dir))?;
    let mut written = Vec::new();
    crate::render::write_file(
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
        let text = format!(
            "{PLACEHOLDER_MARKER}\n\
             kk: Бұл файлды құжатпен ауыстырыңыз: {kk} ({clause}-тармақ).\n\
             ru: Замените этот файл документом: {ru} (пункт {clause}).\n\
             en: Replace this file with the document: {en} (clause {clause}).\n",
            kk = req.title.kk,
            ru = req.title.ru,
            en = req.title.en,
            clause = req.clause
        );
        crate::render::write_file(&path, text.as_bytes(), false)?;
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
    y.push_str("#   name: \"Тегі Аты Әкесінің аты\"\n#   position: {kk: \"...\", ru: \"...\"}\n");
    y.push_str("# application: {number: \"...\", date: 2026-01-15}   # kk: өтініш нөмірі мен күні | ru: номер и дата заявления | en: number and date\n");
    y.push_str("# addressee: {kk: \"...\", ru: \"...\"}   # kk: өкілетті орган | ru: уполномоченный орган | en: the authorized body (or in dossier.toml)\n\n");
    y.push_str("facts:   # kk: өлшемшарттар осы фактілерден есептеледі | ru: критерии считаются по этим фактам | en: the criteria are computed from these\n");
    for f in &edition.facts {
        let rows: Vec<&str> = edition
            .criteria
            .iter()
            .filter(|c| c.fact == f.name && c.applies_to.iter().any(|k| k == kind))
            .map(|c| c.id.as_str())
            .collect();
        if rows.is_empty() {
            continue;
        }
        let example = match f.kind {
            FactType::Flag => "false",
            FactType::Count => "0",
            FactType::Percent => "0   # 0–100",
        };
        let _ = writeln!(
            y,
            "  # {} ({}): {}",
            rows.join(", "),
            f.label.kk,
            f.label.ru
        );
        let _ = writeln!(y, "  # {}: {example}", f.name);
    }
    y.push_str("\n# evidence:   # kk: «тұрақты», «белсенді» сөздерін растау | ru: подтверждение «регулярности» и «активности» | en: what supports rows 1.3, 1.4 (regular use) and 3.1 (active users)\n");
    y.push_str("#   \"3.1\": \"...\"\n");
    y.push_str("\n# criteria:   # kk: тексерушінің шешімі (негізімен) | ru: решение проверяющего с основанием | en: a reviewer's override, with its basis\n");
    y.push_str("#   \"2.4\": {met: true, basis: \"...\"}\n\n");
    y.push_str("review:   # kk: қарау барысы | ru: ход рассмотрения | en: the review's progress\n");
    y.push_str("  # received: 2026-01-16            # clause 4 starts\n  # sent_to_integrator: 2026-01-20  # clause 4 done, clause 5 starts\n  # recommendation_received: 2026-01-26\n");
    y.push_str("  # architecture: conforms          # conforms | does-not-conform | pending\n  # decision: 2026-01-30\n\n");
    y.push_str("documents:   # kk: әр құжаттың файлы (бос үлгіні құжатпен ауыстырыңыз) | ru: файл каждого документа (замените заготовку документом) | en: each document's file (replace the placeholder with the document)\n");
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
