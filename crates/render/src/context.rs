//! What a template sees: the dossier, its judgment and the edition, in the document's language.
//! docs/templates.md lists every variable.

use super::Document;
use crate::documents::{DocStatus, DocumentResult};
use crate::dossier::{Architecture, Date, DossierFile, LocalText};
use crate::edition::{Draft, Edition, Filed};
use crate::judge::Judged;
use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::score::{CriterionStatus, Score};
use crate::t;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Context {
    lang: &'static str,
    document: &'static str,
    /// The authorized body's acts are drafts (marked in their title) until rendered `--final`;
    /// the state body's own documents never are.
    is_draft: bool,
    /// The Rules named in full, and the List, as of the document's date.
    rules: RulesCtx,
    /// Who prepared the state body's letters (`executor` of dossier.yaml or dossier.toml).
    executor: Option<ExecutorCtx>,
    /// The covering letter: the pages of the application it sends.
    application_pages: Option<usize>,
    /// The covering letter: the pages of its register of files (an annex on its own pages).
    register_pages: Option<usize>,
    /// How many of the documents filed with the application are attached (they count).
    attached: usize,
    /// The document's own date (application date, decision date…), else the check date.
    date: String,
    today: String,
    edition: EditionCtx,
    /// This document's entry in the edition: the clause it follows, its period.
    draft: DraftCtx,
    /// Every document the tool drafts, by id with `_` for `-`; none where the edition's
    /// procedure lacks it (2016 has no order).
    drafts: BTreeMap<String, Option<DraftCtx>>,
    object: ObjectCtx,
    state_body: BodyCtx,
    addressee: Option<String>,
    /// Where the document is issued, from `dossier.toml`'s `city`.
    city: Option<String>,
    signatory: Option<SignatoryCtx>,
    application: ApplicationCtx,
    review: ReviewCtx,
    filings: Vec<DocCtx>,
    portal: Vec<DocCtx>,
    /// The clause (main number) of the documents filed with the application, and of the
    /// portal items, as the edition lists them.
    filing_clause: Option<String>,
    portal_clause: Option<String>,
    score: Option<ScoreCtx>,
    grounds: Vec<GroundCtx>,
    outcome: &'static str,
    /// The decision can be drafted (outcome include or refuse).
    ready: bool,
    /// The documents that still stand between the dossier and a decision.
    missing: Vec<String>,
    /// 2016 Appendix 2: `resource:` of dossier.yaml, every field of the form (none where not
    /// given), in the draft's language.
    resource: BTreeMap<&'static str, Option<String>>,
    /// Its row 5, one map per integrated resource; one blank entry when none is given.
    integrations: Vec<BTreeMap<&'static str, Option<String>>>,
}

/// A clause split for sentences that decline it: "7(1)" is `main` 7, `sub` "1)".
#[derive(Serialize)]
struct ClauseRef {
    main: String,
    sub: Option<String>,
    /// In the nominative: "подпункт 1) пункта 7" / "7-тармақтың 1) тармақшасы".
    cite: String,
}

fn clause_ref(clause: &str, lang: Lang) -> ClauseRef {
    let (main, sub) = match clause.split_once('(') {
        Some((m, s)) => (m.to_string(), Some(format!("{})", s.trim_end_matches(')')))),
        None => (clause.to_string(), None),
    };
    ClauseRef {
        main,
        sub,
        cite: cite(clause, lang),
    }
}

#[derive(Serialize)]
struct DraftCtx {
    clause: ClauseRef,
    include: Option<ClauseRef>,
    refuse: Option<ClauseRef>,
    lists_documents: bool,
    /// The period of the step that times the document, in working days.
    working_days: Option<u32>,
}

#[derive(Serialize)]
struct EditionCtx {
    id: String,
    title: String,
    legal_basis: String,
    /// The note of R1 when the document's date is on or after the amendment (docs/extensions.md).
    amended_note: Option<String>,
    /// The wording in this language is not the official text.
    unofficial: bool,
}

#[derive(Serialize)]
struct RulesCtx {
    of: String,
    approved_by: String,
    registered: String,
    list_of: String,
    /// The issuer of the amending acts, in the genitive.
    amended_by: Option<String>,
    /// The restating and amending acts in force on the document's date: date and number.
    amendments: Vec<String>,
}

#[derive(Serialize)]
struct ExecutorCtx {
    name: String,
    phone: Option<String>,
}

#[derive(Serialize)]
struct ObjectCtx {
    /// The name as given.
    name: String,
    /// The object named with its kind, in the nominative: the name as given when it carries
    /// its kind and quotes («Информационная система «Е-лицензирование»»), else the kind's
    /// pattern around the quoted name.
    designation: String,
    /// The same in the accusative and the genitive, where the name can stand in them (the
    /// kind's word is the part that declines); none when the name carries another word.
    accusative: Option<String>,
    genitive: Option<String>,
    /// The kind alone: "информационной системы" / "ақпараттық жүйенің", and the accusative.
    noun_genitive: String,
    noun_accusative: String,
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
    /// "Д. Нұрланов": the initial and the surname, as the signature block prints them.
    short: String,
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
    portal_confirmed: Option<bool>,
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
    status: String,
    present: bool,
    files: Vec<String>,
    pages: Option<u32>,
    /// "– 4 парақ" / "на 4 л."
    /// A safe value where it holds a blank for the official's hand (underscores are not
    /// Markdown there).
    pages_text: Option<minijinja::Value>,
    /// The SHA-256 of each file, in full ("1a2b…, 3c4d…"), so the paper binds the files: a
    /// shortened digest would verify nothing.
    digest: Option<String>,
    /// Each file with its SHA-256, for the covering letter's register of files.
    sums: Vec<FileSum>,
}

#[derive(Serialize)]
struct FileSum {
    file: String,
    sha256: String,
}

#[derive(Serialize)]
struct ScoreCtx {
    total: u32,
    max: u32,
    passed: bool,
    clause: String,
    /// "Ережелердің 6-тармағының 1) тармақшасы" / "подпункт 1) пункта 6 Правил"
    rules_cite: String,
    min_total: u32,
    min_group_points: u32,
    groups: Vec<GroupCtx>,
    /// The groups below the minimum of points, for the reasons of a refusal.
    failed_groups: Vec<GroupCtx>,
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
    /// What the ground tests (`criteria-not-passed`, `architecture-does-not-conform`,
    /// `content-rules-not-met`, `portal-item-missing`): a template words each reason.
    condition: crate::edition::Condition,
    code: String,
    clause: String,
    /// "Ережелердің 6-тармағының 1) тармақшасы" / "подпункт 1) пункта 6 Правил"
    rules_cite: String,
    title: String,
    /// A correction of the text's cross-reference, for a footnote.
    note: Option<String>,
    /// The documents behind a ground on missing items: each with its status and date.
    items: Vec<ItemCtx>,
}

#[derive(Serialize)]
struct ItemCtx {
    title: String,
    status: String,
    /// `missing`, `invalid`, `expired`.
    state: &'static str,
    valid_until: Option<String>,
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
    match clause.split_once('(') {
        Some((main, sub)) => {
            let sub = sub.trim_end_matches(')');
            t!(lang, "cite.subparagraph", main, sub)
        }
        None => t!(lang, "cite.clause", main = clause),
    }
}

/// As a unit of the Rules: "Ережелердің 6-тармағының 1) тармақшасы" / "подпункт 1) пункта 6
/// Правил".
pub fn rules_cite(clause: &str, lang: Lang) -> String {
    match clause.split_once('(') {
        Some((main, sub)) => {
            let sub = sub.trim_end_matches(')');
            t!(lang, "cite.rules-subparagraph", main, sub)
        }
        None => t!(lang, "cite.rules-clause", main = clause),
    }
}

/// The title of a document, for PDF metadata and the HTML title.
pub fn title(document: Document, lang: Lang) -> String {
    match document {
        Document::Application => t!(lang, "draft.title.application"),
        Document::Decision => t!(lang, "draft.title.decision"),
        Document::OperatorNotice => t!(lang, "draft.title.operator-notice"),
        Document::Order => t!(lang, "draft.title.order"),
        Document::RemovalNotice => t!(lang, "draft.title.removal-notice"),
        Document::ResourceForm => t!(lang, "draft.title.resource-form"),
        Document::CoverLetter => t!(lang, "draft.title.cover-letter"),
    }
}

fn status_word(status: DocStatus, lang: Lang) -> String {
    match status {
        DocStatus::Present => t!(lang, "draft.status.present"),
        DocStatus::ExpiredAllowed => t!(lang, "draft.status.expired-allowed"),
        DocStatus::Missing => t!(lang, "draft.status.missing"),
        DocStatus::Invalid => t!(lang, "draft.status.invalid"),
        DocStatus::Expired => t!(lang, "draft.status.expired"),
    }
}

pub use crate::messages::criterion_status;

/// The document's own date (the application's date, the decision's date), else `today`.
pub fn document_date(document: Document, judged: &Judged, today: NaiveDate) -> NaiveDate {
    let file = &judged.file;
    let own = match document {
        Document::Application | Document::ResourceForm | Document::CoverLetter => {
            file.application.as_ref().and_then(|a| a.date)
        }
        Document::Decision | Document::OperatorNotice | Document::Order => file.review.decision,
        Document::RemovalNotice => None,
    };
    own.map_or(today, |d| d.0)
}

fn draft_ctx(edition: &Edition, d: &Draft, lang: Lang) -> DraftCtx {
    DraftCtx {
        clause: clause_ref(&d.clause, lang),
        include: d.include_clause.as_deref().map(|c| clause_ref(c, lang)),
        refuse: d.refuse_clause.as_deref().map(|c| clause_ref(c, lang)),
        lists_documents: d.lists_documents,
        working_days: d
            .step
            .as_deref()
            .and_then(|s| edition.deadline(s))
            .map(|s| s.working_days),
    }
}

fn documents_ctx(judged: &Judged, filed: Filed, lang: Lang) -> Vec<DocCtx> {
    judged
        .documents
        .iter()
        .filter(|d| d.filed == filed)
        .map(|d| {
            let sums: Vec<FileSum> = if d.status.counts() {
                digests(judged, &d.id)
            } else {
                Vec::new()
            };
            DocCtx {
                digest: Some(
                    sums.iter()
                        .map(|s| s.sha256.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .filter(|s| !s.is_empty()),
                sums,
                id: d.id.clone(),
                clause: d.clause.clone(),
                cite: cite(&d.clause, lang),
                title: requirement_title(judged, d, lang),
                status: status_word(d.status, lang),
                present: d.status.counts(),
                files: d.files.clone(),
                pages: d.pages,
                // A count the files do not give is left for the official to write in.
                pages_text: d.status.counts().then(|| match (d.pages, d.sheets) {
                    (Some(pages), _) => minijinja::Value::from(t!(lang, "draft.pages", pages)),
                    (None, Some(sheets)) => {
                        minijinja::Value::from(t!(lang, "draft.sheets", sheets))
                    }
                    (None, None) => {
                        let pages = crate::BLANK_SHORT;
                        minijinja::Value::from_safe_string(t!(lang, "draft.pages", pages))
                    }
                }),
            }
        })
        .collect()
}

/// Each file of a requirement with its SHA-256, read beneath the dossier folder.
fn digests(judged: &Judged, id: &str) -> Vec<FileSum> {
    let Ok(root) = crate::inspect::open_root(&judged.dir) else {
        return Vec::new();
    };
    judged
        .file
        .documents
        .get(id)
        .map(|e| {
            e.files
                .iter()
                .filter_map(|f| {
                    crate::integrity::file_digest(&root, f).map(|(sha256, _)| FileSum {
                        file: f.clone(),
                        sha256,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// "3", or "4, 5" when the documents come from several clauses.
fn main_clauses(judged: &Judged, filed: Filed) -> Option<String> {
    let mut mains: Vec<&str> = Vec::new();
    for d in judged.documents.iter().filter(|d| d.filed == filed) {
        let main = d.clause.split('(').next().unwrap_or(&d.clause);
        if !mains.contains(&main) {
            mains.push(main);
        }
    }
    (!mains.is_empty()).then(|| mains.join(", "))
}

fn requirement_title(judged: &Judged, d: &DocumentResult, lang: Lang) -> String {
    judged
        .edition
        .requirements_for(&judged.file.kind)
        .find(|r| r.id == d.id)
        .map_or(d.id.clone(), |r| r.title.get(lang).to_string())
}

fn score_ctx(edition: &Edition, s: &Score, lang: Lang) -> ScoreCtx {
    let group = |g: &crate::score::GroupScore| GroupCtx {
        id: g.id.clone(),
        title: edition
            .groups
            .iter()
            .find(|x| x.id == g.id)
            .map_or(String::new(), |x| x.title.get(lang).to_string()),
        points: g.points,
        max: g.max,
    };
    ScoreCtx {
        total: s.total,
        max: s.max,
        passed: s.passed,
        clause: edition.scoring.clause.clone(),
        rules_cite: rules_cite(&edition.scoring.clause, lang),
        min_total: edition.scoring.min_total,
        min_group_points: edition.scoring.min_group_points,
        groups: s.groups.iter().map(group).collect(),
        failed_groups: s
            .groups
            .iter()
            .filter(|g| g.points < edition.scoring.min_group_points)
            .map(group)
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
                status: criterion_status(c.status, lang),
                points: c.points,
                applies: c.status != CriterionStatus::NotApplicable,
                basis: crate::messages::Words::of(lang, edition, "").basis(c),
            })
            .collect(),
    }
}

fn review_ctx(file: &DossierFile) -> ReviewCtx {
    ReviewCtx {
        received: opt_date(file.review.received),
        sent_to_integrator: opt_date(file.review.sent_to_integrator),
        recommendation_received: opt_date(file.review.recommendation_received),
        architecture: file.review.architecture.map(|a| match a {
            Architecture::Conforms => "conforms",
            Architecture::DoesNotConform => "does-not-conform",
            Architecture::Pending => "pending",
            Architecture::NoArchitecture => "no-architecture",
        }),
        decision: opt_date(file.review.decision),
        portal_confirmed: file.review.portal_confirmed,
        operator_notified: opt_date(file.review.operator_notified),
        order_adopted: opt_date(file.review.order_adopted),
        operation_ended: opt_date(file.review.operation_ended),
    }
}

fn resource_ctx(file: &DossierFile, lang: Lang) -> BTreeMap<&'static str, Option<String>> {
    let blank = crate::dossier::Resource::default();
    let r = file.resource.as_ref().unwrap_or(&blank);
    r.fields()
        .into_iter()
        .map(|(k, v)| (k, v.map(|v| text(v, lang))))
        .collect()
}

fn integrations_ctx(file: &DossierFile, lang: Lang) -> Vec<BTreeMap<&'static str, Option<String>>> {
    let given = file.resource.iter().flat_map(|r| &r.integrations);
    let rows: Vec<_> = given
        .map(|i| {
            i.fields()
                .into_iter()
                .map(|(k, v)| (k, v.map(|v| text(v, lang))))
                .collect()
        })
        .collect();
    if rows.is_empty() {
        // The form's row 5 stays on the paper, blank, to be filled in or struck out by hand.
        let none = ["name", "owner", "location", "requirements", "rules"];
        return vec![none.into_iter().map(|k| (k, None)).collect()];
    }
    rows
}

/// The object named with its kind in each case the drafts need. A name without quotes is put
/// into the kind's pattern; a name with quotes is printed as given, and declined only when it
/// is the kind's own pattern around a quoted name (its kind word is what declines).
fn object_ctx(judged: &Judged, lang: Lang) -> ObjectCtx {
    let file = &judged.file;
    let name = text(&file.object.name, lang);
    let kind = judged.edition.kind(&file.kind);
    let kind_name = kind.map_or(file.kind.clone(), |k| k.name.get(lang).to_string());
    let forms = kind.map(|k| &k.forms);
    let fill =
        |pattern: &crate::lang::Text, inner: &str| pattern.get(lang).replace("{name}", inner);
    let inner = name
        .find('«')
        .zip(name.rfind('»'))
        .filter(|(a, b)| a < b)
        .map(|(a, b)| &name[a + '«'.len_utf8()..b]);
    let (designation, accusative, genitive) = match (forms, inner) {
        (Some(f), None) => (
            fill(&f.nominative, &name),
            Some(fill(&f.accusative, &name)),
            Some(fill(&f.genitive, &name)),
        ),
        (Some(f), Some(inner)) if same_words(&fill(&f.nominative, inner), &name) => (
            name.clone(),
            Some(fill(&f.accusative, inner)),
            Some(fill(&f.genitive, inner)),
        ),
        _ => (name.clone(), None, None),
    };
    ObjectCtx {
        designation,
        accusative,
        genitive,
        noun_genitive: forms.map_or(kind_name.clone(), |f| f.noun_genitive.get(lang).to_string()),
        noun_accusative: forms.map_or(kind_name.clone(), |f| {
            f.noun_accusative.get(lang).to_string()
        }),
        name,
        short_name: file.object.short_name.clone(),
        kind: file.kind.clone(),
        kind_name,
        stage: file.object.stage.map(|s| s.id()),
        portal_id: file.object.portal_id.clone(),
    }
}

/// The same words, whatever the case of the first letter (a name begins with a capital, a
/// pattern with the kind's lowercase word).
fn same_words(pattern: &str, name: &str) -> bool {
    let first_lower = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    first_lower(pattern) == first_lower(name)
}

fn rules_ctx(edition: &Edition, lang: Lang, on: NaiveDate) -> RulesCtx {
    let act = &edition.edition.act;
    RulesCtx {
        of: act.of.get(lang).to_string(),
        approved_by: act.approved_by.get(lang).to_string(),
        registered: act.registered.get(lang).to_string(),
        list_of: act.list_of.get(lang).to_string(),
        amended_by: act.amended_by.as_ref().map(|t| t.get(lang).to_string()),
        amendments: act
            .amendments_on(on)
            .map(|a| a.text.get(lang).to_string())
            .collect(),
    }
}

/// The documents behind a ground on missing portal items, with what is wrong with each.
fn ground_items(judged: &Judged, ground: &crate::edition::Ground, lang: Lang) -> Vec<ItemCtx> {
    if ground.condition != crate::edition::Condition::PortalItemMissing {
        return Vec::new();
    }
    judged
        .documents
        .iter()
        .filter(|d| d.filed == Filed::Portal && !d.status.counts())
        .map(|d| ItemCtx {
            title: requirement_title(judged, d, lang),
            status: status_word(d.status, lang),
            state: d.status.id(),
            valid_until: judged
                .file
                .documents
                .get(&d.id)
                .and_then(|e| opt_date(e.valid_until)),
        })
        .collect()
}

/// What drafting knows beyond the dossier: `--final`, and page counts a letter states.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    pub final_acts: bool,
    pub application_pages: Option<usize>,
    pub register_pages: Option<usize>,
}

/// The outcome a decision is drafted for. Clause 7 knows only inclusion and refusal, and a
/// missing filing is no refusal ground: an incomplete application on which a ground holds may
/// be refused at once, so its decision is drafted as the refusal on the grounds that hold (the
/// missing documents go to the review notes, not into the decision).
pub fn decision_outcome(judged: &Judged) -> Outcome {
    if judged.outcome == Outcome::Incomplete && !judged.grounds.is_empty() {
        Outcome::Refuse
    } else {
        judged.outcome
    }
}

pub fn build(
    document: Document,
    judged: &Judged,
    draft: &Draft,
    lang: Lang,
    today: NaiveDate,
    extras: Extras,
) -> minijinja::Value {
    let Extras {
        final_acts,
        application_pages,
        register_pages,
    } = extras;
    let file = &judged.file;
    let edition: &Edition = &judged.edition;
    let doc_date = document_date(document, judged, today);
    let amended_note = edition
        .edition
        .amended_on(doc_date)
        .map(|a| a.note.get(lang).to_string());
    let unofficial = edition.edition.unofficial(lang);
    let grounds = judged
        .grounds
        .iter()
        .filter_map(|hit| edition.grounds.iter().find(|g| g.code == hit.code))
        .map(|g| GroundCtx {
            condition: g.condition,
            items: ground_items(judged, g, lang),
            code: g.code.clone(),
            clause: g.clause.clone(),
            rules_cite: rules_cite(&g.clause, lang),
            title: g.title.get(lang).to_string(),
            note: g.note.as_ref().map(|n| n.get(lang).to_string()),
        })
        .collect();
    let missing = judged
        .documents
        .iter()
        .filter(|d| !d.status.counts())
        .map(|d| {
            format!(
                "{} – {}",
                requirement_title(judged, d, lang),
                status_word(d.status, lang)
            )
        })
        .collect();
    let ctx = Context {
        lang: if lang == Lang::Kk { "kk" } else { "ru" },
        document: document.id(),
        application_pages,
        register_pages,
        attached: judged
            .documents
            .iter()
            .filter(|d| d.filed == Filed::Application && d.status.counts())
            .count(),
        is_draft: draft.issuer == crate::edition::Actor::AuthorizedBody && !final_acts,
        rules: rules_ctx(edition, lang, doc_date),
        executor: file.executor.as_ref().map(|e| ExecutorCtx {
            name: e.name.clone(),
            phone: e.phone.clone(),
        }),
        date: date(doc_date),
        today: date(today),
        edition: EditionCtx {
            id: edition.id().to_string(),
            title: edition.edition.title.get(lang).to_string(),
            legal_basis: edition.edition.legal_basis.get(lang).to_string(),
            amended_note,
            unofficial,
        },
        draft: draft_ctx(edition, draft, lang),
        drafts: super::DOCUMENT_IDS
            .iter()
            .map(|id| {
                let d = edition.draft(id).map(|d| draft_ctx(edition, d, lang));
                (id.replace('-', "_"), d)
            })
            .collect(),
        object: object_ctx(judged, lang),
        state_body: BodyCtx {
            name: file
                .state_body
                .name
                .as_ref()
                .map_or(String::new(), |n| text(n, lang)),
            bin: file.state_body.bin.clone(),
        },
        addressee: file.addressee.as_ref().map(|a| text(a, lang)),
        city: judged.settings.city.as_ref().map(|c| text(&c.value, lang)),
        signatory: file.signatory.as_ref().map(|s| SignatoryCtx {
            short: s.initials_and_surname(),
            name: s.name.clone(),
            position: s.position.as_ref().map(|p| text(p, lang)),
        }),
        application: ApplicationCtx {
            number: file.application.as_ref().and_then(|a| a.number.clone()),
            date: file.application.as_ref().and_then(|a| opt_date(a.date)),
        },
        review: review_ctx(file),
        filings: documents_ctx(judged, Filed::Application, lang),
        portal: documents_ctx(judged, Filed::Portal, lang),
        filing_clause: main_clauses(judged, Filed::Application),
        portal_clause: main_clauses(judged, Filed::Portal),
        score: judged.score.as_ref().map(|s| score_ctx(edition, s, lang)),
        outcome: decision_outcome(judged).id(),
        ready: matches!(decision_outcome(judged), Outcome::Include | Outcome::Refuse),
        grounds,
        missing,
        resource: resource_ctx(file, lang),
        integrations: integrations_ctx(file, lang),
    };
    minijinja::Value::from_serialize(&ctx)
}
