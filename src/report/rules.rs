//! `dossier rules list | show`: the editions, and one edition's requirements and criteria.

use crate::edition::{Edition, Editions, Filed, Origin};
use crate::lang::Lang;

pub fn list(editions: &Editions, lang: Lang, color: bool, width: Option<u16>) -> String {
    let mut t = super::human::new_table(color, width);
    t.set_header(match lang {
        Lang::En => ["Edition", "Title", "Source", "Status", "Loaded from"],
        Lang::Ru => ["Редакция", "Название", "Источник", "Статус", "Откуда"],
        Lang::Kk => ["Редакция", "Атауы", "Дереккөзі", "Мәртебесі", "Қайдан"],
    });
    for e in editions.iter() {
        let mut id = e.id().to_string();
        if e.edition.default {
            id.push_str(" (default)");
        }
        let from = match &e.origin {
            Origin::BuiltIn => "built in".to_string(),
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
    let mut docs = super::human::new_table(color, width);
    docs.set_header(["Kind", "Id", "Clause", "Filed", "Document"]);
    for r in &e.requirements {
        let filed = match r.filed {
            Filed::Application => "with the application",
            Filed::Portal => "on the portal",
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
        "Row",
        "Group",
        "Applies to",
        "Fact",
        "Met when",
        "Criterion",
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
    out.push_str(&format!(
        "\nPass rule (clause {}): total >= {} and every group >= {}; scored kinds: {}\n",
        s.clause,
        s.min_total,
        s.min_group_points,
        s.kinds.join(", ")
    ));
    let mut grounds = super::human::new_table(color, width);
    grounds.set_header(["Ground", "Clause", "Text"]);
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
    dl.set_header(["Clause", "Step", "Working days", "From", "Until"]);
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
