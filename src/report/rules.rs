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
            e.edition.title.get(lang).to_string(),
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
        e.edition.title.get(lang),
        e.edition.source
    );
    // What `check` points at in one line: the units of the text this edition does not carry.
    if let Some(a) = &e.edition.amended_units {
        out.push_str(a.note.get(lang));
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
            r.title.get(lang).to_string(),
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
                k.name.get(lang),
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
            c.wording.get(lang).to_string(),
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
            g.title.get(lang).to_string(),
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
            d.title.get(lang).to_string(),
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
    e.kind(kind)
        .and_then(|k| k.short.as_ref())
        .map_or_else(|| kind.to_string(), |s| s.get(lang).to_string())
}
