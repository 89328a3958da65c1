//! `dossier rules list | show`: the editions, and one edition's requirements and criteria.

use crate::edition::{Edition, Editions, Filed, Origin};
use crate::lang::Lang;
use crate::t;

pub fn list(editions: &Editions, lang: Lang, color: bool, width: Option<u16>) -> String {
    let mut t = super::human::new_table(color, width);
    t.set_header([
        t!(lang, "rules.header.edition"),
        t!(lang, "rules.header.title"),
        t!(lang, "rules.header.source"),
        t!(lang, "rules.header.status"),
        t!(lang, "rules.header.loaded-from"),
    ]);
    for e in editions.iter() {
        let mut id = e.id().to_string();
        if e.edition.default {
            id = t!(lang, "rules.default", id);
        }
        let from = match &e.origin {
            Origin::BuiltIn => t!(lang, "rules.built-in"),
            Origin::File(p) => p.display().to_string(),
        };
        t.add_row(vec![
            id,
            e.edition.title.get(lang).to_string(),
            e.edition.source.clone(),
            e.edition.status.clone(),
            from,
        ]);
    }
    format!("{t}\n")
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
    let mut docs = super::human::new_table(color, width);
    docs.set_header([
        t!(lang, "rules.header.kind"),
        t!(lang, "rules.header.id"),
        t!(lang, "rules.header.clause"),
        t!(lang, "rules.header.filed"),
        t!(lang, "rules.header.document"),
    ]);
    for r in &e.requirements {
        let filed = match r.filed {
            Filed::Application => t!(lang, "rules.filed.application"),
            Filed::Portal => t!(lang, "rules.filed.portal"),
        };
        docs.add_row(vec![
            r.kind.clone(),
            r.id.clone(),
            r.clause.clone(),
            filed.to_string(),
            r.title.get(lang).to_string(),
        ]);
    }
    out.push_str(&docs.to_string());
    out.push_str("\n\n");
    let mut crit = super::human::new_table(color, width);
    crit.set_header([
        t!(lang, "explain.header.row"),
        t!(lang, "rules.header.group"),
        t!(lang, "rules.header.applies-to"),
        t!(lang, "explain.header.fact"),
        t!(lang, "rules.header.met-when"),
        t!(lang, "explain.header.criterion"),
    ]);
    for c in &e.criteria {
        crit.add_row(vec![
            c.id.clone(),
            c.group.clone(),
            c.applies_to.join(", "),
            c.fact.clone(),
            format!("{} {}", c.op.symbol(), c.threshold),
            c.wording.get(lang).to_string(),
        ]);
    }
    out.push_str(&crit.to_string());
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
    let mut grounds = super::human::new_table(color, width);
    grounds.set_header([
        t!(lang, "rules.header.ground"),
        t!(lang, "rules.header.clause"),
        t!(lang, "rules.header.text"),
    ]);
    for g in &e.grounds {
        grounds.add_row(vec![
            g.code.clone(),
            g.clause.clone(),
            g.title.get(lang).to_string(),
        ]);
    }
    out.push('\n');
    out.push_str(&grounds.to_string());
    let mut dl = super::human::new_table(color, width);
    dl.set_header([
        t!(lang, "rules.header.clause"),
        t!(lang, "timeline.header.step"),
        t!(lang, "rules.header.working-days"),
        t!(lang, "rules.header.from"),
        t!(lang, "rules.header.until"),
    ]);
    for d in &e.deadlines {
        dl.add_row(vec![
            d.clause.clone(),
            d.title.get(lang).to_string(),
            d.working_days.to_string(),
            d.starts.clone(),
            d.done.clone(),
        ]);
    }
    out.push('\n');
    out.push_str(&dl.to_string());
    out.push('\n');
    out
}
