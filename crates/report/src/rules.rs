//! `dossier rules list | show`: the editions, and one edition's requirements and criteria.

use super::grid::{Grid, fit_text};
use super::human::grid_text;
use crate::edition::{Edition, Editions, Filed, Origin};
use crate::lang::Lang;
use crate::t;

pub fn list(editions: &Editions, lang: Lang, color: bool, width: Option<u16>) -> String {
    // Narrow terminals lose the source first, then where it was loaded from, the status.
    let mut t = Grid::new([
        t!(lang, "rules.header.edition"),
        t!(lang, "rules.header.title"),
        t!(lang, "rules.header.source"),
        t!(lang, "rules.header.status"),
        t!(lang, "rules.header.loaded-from"),
        t!(lang, "rules.header.in-force"),
    ])
    .drop_order(&[2, 4, 3, 5]);
    for e in editions.iter() {
        let mut id = e.id().to_string();
        if e.edition.default {
            id = t!(lang, "rules.default", id);
        }
        let from = match &e.origin {
            Origin::BuiltIn => t!(lang, "rules.built-in"),
            Origin::File(p) => p.display().to_string(),
        };
        let in_force = e.edition.in_force.map_or(String::new(), |p| {
            let day = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
            format!("{} – {}", day(p.from), day(p.until))
        });
        t.row([
            id,
            crate::clean(e.edition.title.get(lang)).into_owned(),
            e.edition.source.clone(),
            e.edition.status.clone(),
            from,
            in_force,
        ]);
    }
    fit_text(&grid_text(&t, lang, color, width), width)
}

pub fn show(e: &Edition, lang: Lang, color: bool, width: Option<u16>) -> String {
    let mut out = format!(
        "{} — {}\n{}\n\n",
        e.id(),
        crate::clean(e.edition.title.get(lang)),
        e.edition.source
    );
    // What `check` points at in one line: the units of the text this edition does not carry.
    if let Some(a) = &e.edition.amended_units {
        out.push_str(
            &a.note
                .get(lang)
                .lines()
                .map(|l| crate::clean(l).into_owned())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        out.push_str("\n\n");
    }
    let mut docs = Grid::new([
        t!(lang, "rules.header.kind"),
        t!(lang, "rules.header.id"),
        t!(lang, "rules.header.clause"),
        t!(lang, "rules.header.filed"),
        t!(lang, "rules.header.document"),
    ])
    .drop_order(&[3]);
    for r in &e.requirements {
        let filed = match r.filed {
            Filed::Application => t!(lang, "rules.filed.application"),
            Filed::Portal => t!(lang, "rules.filed.portal"),
        };
        docs.row([
            short(e, &r.kind, lang),
            r.id.clone(),
            r.clause.clone(),
            filed.to_string(),
            crate::clean(r.title.get(lang)).into_owned(),
        ]);
    }
    out.push_str(&grid_text(&docs, lang, color, width));
    // The kinds' abbreviations, once.
    let legend: Vec<String> = e
        .kinds
        .iter()
        .map(|k| {
            format!(
                "{} — {} ({})",
                short(e, &k.id, lang),
                crate::clean(k.name.get(lang)),
                k.id
            )
        })
        .collect();
    out.push_str(&legend.join("; "));
    out.push_str("\n\n");
    let mut crit = Grid::new([
        t!(lang, "explain.header.row"),
        t!(lang, "rules.header.group"),
        t!(lang, "rules.header.applies-to"),
        t!(lang, "explain.header.fact"),
        t!(lang, "rules.header.met-when"),
        t!(lang, "explain.header.criterion"),
    ])
    .drop_order(&[1, 3, 2]);
    for c in &e.criteria {
        crit.row([
            c.id.clone(),
            c.group.clone(),
            c.applies_to
                .iter()
                .map(|k| short(e, k, lang))
                .collect::<Vec<_>>()
                .join(", "),
            c.fact.clone(),
            format!("{} {}", c.op.symbol(), c.threshold),
            crate::clean(c.wording.get(lang)).into_owned(),
        ]);
    }
    out.push_str(&grid_text(&crit, lang, color, width));
    let s = &e.scoring;
    let (clause, total, group, kinds) = (
        &s.clause,
        s.min_total,
        s.min_group_points,
        s.kinds.join(", "),
    );
    out.push_str(&format!(
        "\n{}\n",
        t!(lang, "rules.pass-rule", clause, total, group, kinds)
    ));
    let mut grounds = Grid::new([
        t!(lang, "rules.header.ground"),
        t!(lang, "rules.header.clause"),
        t!(lang, "rules.header.text"),
    ]);
    for g in &e.grounds {
        grounds.row([
            g.code.clone(),
            g.clause.clone(),
            crate::clean(g.title.get(lang)).into_owned(),
        ]);
    }
    out.push('\n');
    out.push_str(&grid_text(&grounds, lang, color, width));
    let mut dl = Grid::new([
        t!(lang, "rules.header.clause"),
        t!(lang, "timeline.header.step"),
        t!(lang, "rules.header.working-days"),
        t!(lang, "rules.header.from"),
        t!(lang, "rules.header.until"),
    ])
    .drop_order(&[4, 3]);
    for d in &e.deadlines {
        dl.row([
            d.clause.clone(),
            crate::clean(d.title.get(lang)).into_owned(),
            d.working_days.to_string(),
            d.starts.clone(),
            d.done.clone(),
        ]);
    }
    out.push('\n');
    out.push_str(&grid_text(&dl, lang, color, width));
    fit_text(&out, width)
}

/// A kind's abbreviation in the edition's words, else its id.
fn short(e: &Edition, kind: &str, lang: Lang) -> String {
    e.kind(kind).and_then(|k| k.short.as_ref()).map_or_else(
        || kind.to_string(),
        |s| crate::clean(s.get(lang)).into_owned(),
    )
}

fn text_json(t: &crate::lang::Text) -> serde_json::Value {
    serde_json::json!({"en": t.en, "ru": t.ru, "kk": t.kk})
}

fn edition_head(e: &Edition) -> serde_json::Value {
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    serde_json::json!({
        "id": e.id(),
        "default": e.edition.default,
        "title": text_json(&e.edition.title),
        "source": e.edition.source,
        "status": e.edition.status,
        "loaded_from": match &e.origin {
            Origin::BuiltIn => None,
            Origin::File(p) => Some(p.display().to_string()),
        },
        "in_force": e.edition.in_force.map(|p| serde_json::json!({
            "from": day(p.from),
            "until": day(p.until),
        })),
    })
}

fn pretty(v: serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(&v).expect("serializes");
    s.push('\n');
    s
}

/// `rules list --format json`: `{"schema": 1, "editions": [...]}`.
pub fn list_json(editions: &Editions) -> String {
    pretty(serde_json::json!({
        "schema": 1,
        "editions": editions.iter().map(edition_head).collect::<Vec<_>>(),
    }))
}

/// `rules show ID --format json`: the edition's kinds, requirements, criteria, grounds and
/// deadlines, in every language.
pub fn show_json(e: &Edition) -> String {
    let mut v = edition_head(e);
    v["kinds"] = e
        .kinds
        .iter()
        .map(|k| serde_json::json!({"id": k.id, "name": text_json(&k.name)}))
        .collect();
    v["requirements"] = e
        .requirements
        .iter()
        .map(|r| {
            serde_json::json!({
                "kind": r.kind,
                "id": r.id,
                "clause": r.clause,
                "filed": match r.filed {
                    Filed::Application => "application",
                    Filed::Portal => "portal",
                },
                "title": text_json(&r.title),
            })
        })
        .collect();
    v["criteria"] = e
        .criteria
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "group": c.group,
                "applies_to": c.applies_to,
                "fact": c.fact,
                "op": c.op.symbol(),
                "threshold": c.threshold.to_string(),
                "wording": text_json(&c.wording),
            })
        })
        .collect();
    v["pass_rule"] = serde_json::json!({
        "clause": e.scoring.clause,
        "min_total": e.scoring.min_total,
        "min_group_points": e.scoring.min_group_points,
        "kinds": e.scoring.kinds,
    });
    v["grounds"] = e
        .grounds
        .iter()
        .map(|g| serde_json::json!({"code": g.code, "clause": g.clause, "title": text_json(&g.title)}))
        .collect();
    v["deadlines"] = e
        .deadlines
        .iter()
        .map(|d| {
            serde_json::json!({
                "id": d.id,
                "clause": d.clause,
                "working_days": d.working_days,
                "starts": d.starts,
                "done": d.done,
                "title": text_json(&d.title),
            })
        })
        .collect();
    pretty(serde_json::json!({"schema": 1, "edition": v}))
}
