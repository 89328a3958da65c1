//! What a template sees: the dossier, its judgment and the edition, in the document's language.
//! docs/templates.md lists every variable.

use super::Document;
use crate::documents::DocStatus;
use crate::dossier::{Architecture, Date, DossierFile, LocalText};
use crate::edition::{Edition, Filed};
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::score::CriterionStatus;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Context {
    lang: &'static str,
    document: &'static str,
    /// The document's own date (application date, decision date…), else the check date.
    date: String,
    today: String,
    edition: EditionCtx,
    object: ObjectCtx,
    state_body: BodyCtx,
    addressee: Option<String>,
    signatory: Option<SignatoryCtx>,
    application: ApplicationCtx,
    review: ReviewCtx,
    filings: Vec<DocCtx>,
    portal: Vec<DocCtx>,
    score: Option<ScoreCtx>,
    grounds: Vec<GroundCtx>,
    outcome: &'static str,
    /// The decision can be drafted (outcome include or refuse).
    ready: bool,
    /// What still stands between the dossier and a decision.
    missing: Vec<String>,
}

#[derive(Serialize)]
struct EditionCtx {
    id: String,
    title: String,
    legal_basis: String,
    /// The note of R1 when the document's date is on or after the amendment (§10.1).
    amended_note: Option<String>,
    /// The wording in this language is not the official text (R50).
    unofficial: bool,
    /// The clause of the decision: 7 now, 8 in 2016.
    decision_clause: String,
}

#[derive(Serialize)]
struct ObjectCtx {
    name: String,
    short_name: Option<String>,
    kind: String,
    kind_name: String,
    stage: Option<&'static str>,
    portal_id: Option<String>,
}

#[derive(Serialize)]
struct BodyCtx {
    name: String,
    bin: Option<String>,
}

#[derive(Serialize)]
struct SignatoryCtx {
    name: String,
    position: Option<String>,
}

#[derive(Serialize)]
struct ApplicationCtx {
    number: Option<String>,
    date: Option<String>,
}

#[derive(Serialize)]
struct ReviewCtx {
    received: Option<String>,
    sent_to_integrator: Option<String>,
    recommendation_received: Option<String>,
    architecture: Option<&'static str>,
    decision: Option<String>,
    operator_notified: Option<String>,
    order_adopted: Option<String>,
    operation_ended: Option<String>,
}

#[derive(Serialize)]
struct DocCtx {
    id: String,
    clause: String,
    /// "3-тармақтың 1) тармақшасы" / "подпункт 1) пункта 3"
    cite: String,
    title: String,
    status: &'static str,
    present: bool,
    files: Vec<String>,
    pages: Option<u32>,
    /// "– 4 парақ" / "на 4 л."
    pages_text: Option<String>,
}

#[derive(Serialize)]
struct ScoreCtx {
    total: u32,
    max: u32,
    passed: bool,
    clause: String,
    min_total: u32,
    groups: Vec<GroupCtx>,
    criteria: Vec<CriterionCtx>,
}

#[derive(Serialize)]
struct GroupCtx {
    id: String,
    title: String,
    points: u32,
    max: u32,
}

#[derive(Serialize)]
struct CriterionCtx {
    id: String,
    group: String,
    wording: String,
    status: String,
    points: u32,
    applies: bool,
    basis: String,
}

#[derive(Serialize)]
struct GroundCtx {
    code: String,
    clause: String,
    /// "6-тармақтың 1) тармақшасы" / "подпункт 1) пункта 6"
    cite: String,
    title: String,
    /// A correction of the text's cross-reference, for a footnote.
    note: Option<String>,
}

/// dd.mm.yyyy, as official documents date themselves.
pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn opt_date(d: Option<Date>) -> Option<String> {
    d.map(|d| date(d.0))
}

fn text(t: &LocalText, lang: Lang) -> String {
    t.get(lang).to_string()
}

/// "6-тармақтың 1) тармақшасы" / "подпункт 1) пункта 6"; "6-тармақ" / "пункт 6".
pub fn cite(clause: &str, lang: Lang) -> String {
    let (main, sub) = match clause.split_once('(') {
        Some((m, s)) => (m, Some(s.trim_end_matches(')'))),
        None => (clause, None),
    };
    match (lang, sub) {
        (Lang::Kk, Some(s)) => format!("{main}-тармақтың {s}) тармақшасы"),
        (Lang::Kk, None) => format!("{main}-тармақ"),
        (_, Some(s)) => format!("подпункт {s}) пункта {main}"),
        (_, None) => format!("пункт {main}"),
    }
}

/// The title of a document, for PDF metadata and the HTML title.
pub fn title(document: Document, lang: Lang) -> String {
    match (document, lang) {
        (Document::Application, Lang::Kk) => "Өтініш",
        (Document::Application, _) => "Заявление",
        (Document::Decision, Lang::Kk) => "Шешім (жоба)",
        (Document::Decision, _) => "Решение (проект)",
        (Document::OperatorNotice, Lang::Kk) => "Операторға хабарлама",
        (Document::OperatorNotice, _) => "Уведомление оператора",
        (Document::Order, Lang::Kk) => "Бұйрық (жоба)",
        (Document::Order, _) => "Приказ (проект)",
        (Document::RemovalNotice, Lang::Kk) => "Тізбеден алып тастау туралы хабарлама",
        (Document::RemovalNotice, _) => "Уведомление об исключении из Перечня",
    }
    .to_string()
}

fn status_word(status: DocStatus, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::Kk, DocStatus::Present) => "бар",
        (Lang::Kk, DocStatus::ExpiredAllowed) => "бар (мерзімі өткен, даму сатысында қабылданады)",
        (Lang::Kk, DocStatus::Missing) => "жоқ",
        (Lang::Kk, DocStatus::Invalid) => "жарамсыз",
        (Lang::Kk, DocStatus::Expired) => "мерзімі өткен",
        (_, DocStatus::Present) => "имеется",
        (_, DocStatus::ExpiredAllowed) => "имеется (срок истёк, принимается на стадии развития)",
        (_, DocStatus::Missing) => "отсутствует",
        (_, DocStatus::Invalid) => "непригоден",
        (_, DocStatus::Expired) => "срок истёк",
    }
}

fn criterion_status(status: CriterionStatus, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::Kk, CriterionStatus::Met) => "иә",
        (Lang::Kk, CriterionStatus::NotMet) => "жоқ",
        (Lang::Kk, CriterionStatus::Unknown) => "дерек жоқ",
        (Lang::Kk, CriterionStatus::NotApplicable) => "қолданылмайды",
        (_, CriterionStatus::Met) => "да",
        (_, CriterionStatus::NotMet) => "нет",
        (_, CriterionStatus::Unknown) => "нет данных",
        (_, CriterionStatus::NotApplicable) => "не применяется",
    }
}

/// The document's own date (the application's date, the decision's date), else `today`.
pub fn document_date(document: Document, report: &DossierReport, today: NaiveDate) -> NaiveDate {
    let Some(file) = report.file.as_deref() else {
        return today;
    };
    let own = match document {
        Document::Application => file.application.as_ref().and_then(|a| a.date),
        Document::Decision | Document::OperatorNotice | Document::Order => file.review.decision,
        Document::RemovalNotice => None,
    };
    own.map_or(today, |d| d.0)
}

pub fn build(
    document: Document,
    report: &DossierReport,
    edition: &Edition,
    lang: Lang,
    today: NaiveDate,
) -> minijinja::Value {
    let file: &DossierFile = report
        .file
        .as_deref()
        .expect("a judged dossier keeps its file");
    let doc_date = document_date(document, report, today);
    let amended_note = edition
        .edition
        .amended_units
        .as_ref()
        .filter(|a| doc_date >= a.from)
        .map(|a| a.note.get(lang).to_string());
    let unofficial = match lang {
        Lang::Ru => edition.edition.russian_unofficial,
        Lang::Kk => edition.edition.kazakh_unofficial,
        Lang::En => true,
    };
    let docs = report.documents.as_deref().unwrap_or_default();
    let doc_ctx = |filed: Filed| -> Vec<DocCtx> {
        docs.iter()
            .filter(|d| d.filed == filed)
            .map(|d| {
                let title = edition
                    .requirements_for(&file.kind)
                    .find(|r| r.id == d.id)
                    .map_or(d.id.clone(), |r| r.title.get(lang).to_string());
                DocCtx {
                    id: d.id.clone(),
                    clause: d.clause.clone(),
                    cite: cite(&d.clause, lang),
                    title,
                    status: status_word(d.status, lang),
                    present: d.status.counts(),
                    files: d.files.clone(),
                    pages: d.pages,
                    pages_text: d.pages.map(|n| match lang {
                        Lang::Kk => format!("– {n} парақ"),
                        _ => format!("на {n} л."),
                    }),
                }
            })
            .collect()
    };
    let score = report.score.as_ref().map(|s| ScoreCtx {
        total: s.total,
        max: s.max,
        passed: s.passed,
        clause: edition.scoring.clause.clone(),
        min_total: edition.scoring.min_total,
        groups: s
            .groups
            .iter()
            .map(|g| GroupCtx {
                id: g.id.clone(),
                title: edition
                    .groups
                    .iter()
                    .find(|x| x.id == g.id)
                    .map_or(String::new(), |x| x.title.get(lang).to_string()),
                points: g.points,
                max: g.max,
            })
            .collect(),
        criteria: s
            .criteria
            .iter()
            .map(|c| CriterionCtx {
                id: c.id.clone(),
                group: c.group.clone(),
                wording: edition
                    .criterion(&c.id)
                    .map_or(String::new(), |r| r.wording.get(lang).to_string()),
                status: criterion_status(c.status, lang).to_string(),
                points: c.points,
                applies: c.status != CriterionStatus::NotApplicable,
                basis: c.basis.clone(),
            })
            .collect(),
    });
    let grounds = report
        .grounds
        .iter()
        .filter_map(|hit| edition.grounds.iter().find(|g| g.code == hit.code))
        .map(|g| GroundCtx {
            code: g.code.clone(),
            clause: g.clause.clone(),
            cite: cite(&g.clause, lang),
            title: g.title.get(lang).to_string(),
            note: g.note.as_ref().map(|n| n.get(lang).to_string()),
        })
        .collect();
    let missing = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == crate::diagnostic::Severity::Error || d.code == "architecture.pending"
        })
        .map(|d| d.message.clone())
        .collect();
    let ctx = Context {
        lang: if lang == Lang::Kk { "kk" } else { "ru" },
        document: document.id(),
        date: date(doc_date),
        today: date(today),
        edition: EditionCtx {
            id: edition.id().to_string(),
            title: edition.edition.title.get(lang).to_string(),
            legal_basis: edition.edition.legal_basis.get(lang).to_string(),
            amended_note,
            unofficial,
            decision_clause: edition
                .deadlines
                .iter()
                .find(|d| d.id == "decision")
                .map_or("7".to_string(), |d| d.clause.clone()),
        },
        object: ObjectCtx {
            name: text(&file.object.name, lang),
            short_name: file.object.short_name.clone(),
            kind: file.kind.clone(),
            kind_name: report.kind_name.clone().unwrap_or_default(),
            stage: file.object.stage.map(|s| s.id()),
            portal_id: file.object.portal_id.clone(),
        },
        state_body: BodyCtx {
            name: file
                .state_body
                .name
                .as_ref()
                .map_or(String::new(), |n| text(n, lang)),
            bin: file.state_body.bin.clone(),
        },
        addressee: file.addressee.as_ref().map(|a| text(a, lang)),
        signatory: file.signatory.as_ref().map(|s| SignatoryCtx {
            name: s.name.clone(),
            position: s.position.as_ref().map(|p| text(p, lang)),
        }),
        application: ApplicationCtx {
            number: file.application.as_ref().and_then(|a| a.number.clone()),
            date: file.application.as_ref().and_then(|a| opt_date(a.date)),
        },
        review: ReviewCtx {
            received: opt_date(file.review.received),
            sent_to_integrator: opt_date(file.review.sent_to_integrator),
            recommendation_received: opt_date(file.review.recommendation_received),
            architecture: file.review.architecture.map(|a| match a {
                Architecture::Conforms => "conforms",
                Architecture::DoesNotConform => "does-not-conform",
                Architecture::Pending => "pending",
            }),
            decision: opt_date(file.review.decision),
            operator_notified: opt_date(file.review.operator_notified),
            order_adopted: opt_date(file.review.order_adopted),
            operation_ended: opt_date(file.review.operation_ended),
        },
        filings: doc_ctx(Filed::Application),
        portal: doc_ctx(Filed::Portal),
        score,
        grounds,
        outcome: report.outcome.id(),
        ready: matches!(report.outcome, Outcome::Include | Outcome::Refuse),
        missing,
    };
    minijinja::Value::from_serialize(&ctx)
}
